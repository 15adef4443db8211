import fs from "node:fs";
import path from "node:path";

/**
 * Writes the framework's floor: a Next.js app with one page holding one heading, in `dir`, which
 * must lie outside the project (inside it, Next.js 16 takes the project for the workspace and
 * builds the app with Herald's instrumentation and proxy, so the floor was not empty). It uses
 * the project's own `next` and `react` through a `node_modules` link to `projectRoot`'s, with
 * Turbopack's root at the folder both lie under (Turbopack compiles nothing outside its root).
 * Lighthouse and the page-weight figures of this page are the baseline Herald's pages are
 * compared with. Returns the app's folder.
 */
export function writeEmptyApp(dir: string, projectRoot: string): string {
  const modules = fs.realpathSync(path.join(projectRoot, "node_modules"));
  const app = path.resolve(dir);
  if (!path.relative(path.resolve(projectRoot), app).startsWith(".."))
    throw new Error(`writeEmptyApp: ${app} is inside the project`);
  fs.rmSync(app, { recursive: true, force: true });
  fs.mkdirSync(path.join(app, "app"), { recursive: true });
  fs.symlinkSync(modules, path.join(app, "node_modules"));
  fs.writeFileSync(
    path.join(app, "package.json"),
    `${JSON.stringify({ name: "empty-page", private: true })}\n`,
  );
  const shared = commonFolder(app, modules);
  fs.writeFileSync(
    path.join(app, "next.config.mjs"),
    `export default ${JSON.stringify({ turbopack: { root: shared }, outputFileTracingRoot: shared })};\n`,
  );
  fs.writeFileSync(
    path.join(app, "app", "layout.js"),
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
    path.join(app, "app", "page.js"),
    `export default function Page() {
  return (
    <main>
      <h1>Empty page</h1>
    </main>
  );
}
`,
  );
  return app;
}

/** The deepest folder holding both absolute paths. */
function commonFolder(a: string, b: string): string {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let i = 0;
  while (i < left.length && left[i] === right[i]) i += 1;
  return left.slice(0, i).join(path.sep) || path.sep;
}
