import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_DB_PATH, E2E_ON_POSTGRES, PROJECT_ROOT } from "../support/env";

/**
 * "URLs belong to app/": a new top-level folder, static or dynamic, is a working route with no
 * edit to next.config.js or proxy.ts. This builds a copy of the project (its source as it is,
 * minus tests, in .next-routing-probe/) with extra routes (app/probe-static/,
 * app/probe-author/[slug]/ and a page with a Server Action), serves it with `next start`, and
 * uses them. Slow (a whole production build), so it runs last, alone.
 */
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "content",
  "assets",
  "next.config.js",
  "proxy.ts",
  "package.json",
  "tsconfig.json",
  "postcss.config.mjs",
];

let dir = "";
let PORT = 0;
let server: ChildProcess | null = null;

test.describe.configure({ timeout: 600_000 });

test.beforeAll(async () => {
  test.setTimeout(600_000);
  // Inside the project (and git-ignored), so the copy resolves the project's node_modules as a
  // package of a monorepo would: Turbopack compiles nothing outside its root.
  dir = path.join(PROJECT_ROOT, ".next-routing-probe");
  fs.rmSync(dir, { recursive: true, force: true });
  for (const name of SOURCES) {
    fs.cpSync(path.join(PROJECT_ROOT, name), path.join(dir, name), {
      recursive: true,
      filter: (src) => !/\.test\.tsx?$/.test(src),
    });
  }
  write(
    "app/probe-static/page.tsx",
    `export default function Page() { return <h1>Static probe</h1>; }`,
  );
  write(
    "app/probe-author/[slug]/page.tsx",
    `export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <h1>{"Author " + slug}</h1>;
}`,
  );
  write(
    "app/probe-action/page.tsx",
    `import { cookies } from "next/headers";

export const dynamic = "force-dynamic";

export default async function Page() {
  const said = (await cookies()).get("probe")?.value ?? "nothing";
  async function say(form: FormData) {
    "use server";
    (await cookies()).set("probe", String(form.get("word")));
  }
  return (
    <form action={say}>
      <p>Said: {said}</p>
      <input name="word" aria-label="Word" />
      <button>Say</button>
    </form>
  );
}`,
  );
  // The test runner's own NODE_OPTIONS (its TypeScript loader) must not reach Next.js.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_OPTIONS: undefined,
    HERALD_DATABASE_PATH: E2E_DB_PATH,
    ...(E2E_ON_POSTGRES ? { HERALD_DATABASE_URL: E2E_DATABASE_URL } : {}),
    HERALD_DIST_DIR: ".next",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const next = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  const started = Date.now();
  const build = await run(process.execPath, [next, "build"], { cwd: dir, env });
  expect(build.code, `next build failed:\n${build.output}`).toBe(0);
  console.log(`routing probe: built in ${Math.round((Date.now() - started) / 1000)} s`);
  PORT = await freePort();
  server = spawn(process.execPath, [next, "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, so afterAll stops next-server's child too
  });
  let log = "";
  server.stdout?.on("data", (chunk) => (log += chunk));
  server.stderr?.on("data", (chunk) => (log += chunk));
  await expect
    .poll(
      () => {
        if (server?.exitCode !== null) throw new Error(`next start exited:\n${log}`);
        return fetch(`http://127.0.0.1:${PORT}/`).then(
          (r) => r.status,
          () => 0,
        );
      },
      {
        timeout: 60_000,
      },
    )
    .toBe(200)
    .catch((error: Error) => {
      throw new Error(`${error.message}\nnext start said:\n${log}`);
    });
});

test.afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A port nobody listens on now (the system's choice), so a stale server can never answer. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end without blocking the test runner; its exit code and output. */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ code, output }));
  });
}

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

test("a new static and a new dynamic top-level route answer 200 with no config edited", async () => {
  for (const [url, heading] of [
    ["/probe-static", "Static probe"],
    ["/probe-author/kim", "Author kim"],
    ["/probe-author/Kim", "Author Kim"],
  ]) {
    const response = await fetch(`http://127.0.0.1:${PORT}${url}`, { redirect: "manual" });
    expect(response.status, url).toBe(200);
    expect(await response.text(), url).toContain(heading);
  }
  // The copy's configuration is the project's own, untouched.
  for (const name of ["next.config.js", "proxy.ts"]) {
    expect(fs.readFileSync(path.join(dir, name), "utf8")).toBe(
      fs.readFileSync(path.join(PROJECT_ROOT, name), "utf8"),
    );
  }
});

test("a Server Action posts to the page that defines it", async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PORT}/probe-action`);
  await expect(page.getByText("Said: nothing")).toBeVisible();
  await page.getByLabel("Word").fill("hello");
  await page.getByRole("button", { name: "Say" }).click();
  await expect(page.getByText("Said: hello")).toBeVisible();
});
