import fs from "node:fs";
import path from "node:path";

/**
 * Writes the framework's floor: a Next.js app with one page holding one heading, built with this
 * project's own `next` and `react` (it sits inside the project, so it resolves the project's
 * node_modules). Lighthouse and the page-weight figures of this page are the baseline Herald's
 * pages are compared with. Returns the app's folder.
 */
export function writeEmptyApp(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "app"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "app", "layout.js"),
    `export const metadata = { title: "Empty page", description: "The framework's floor: one heading." };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  );
  fs.writeFileSync(
    path.join(dir, "app", "page.js"),
    `export default function Page() {
  return (
    <main>
      <h1>Empty page</h1>
    </main>
  );
}
`,
  );
  return dir;
}
