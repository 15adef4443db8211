import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./env";

/**
 * The Nu Html Checker (vnu-jar from npm, the engine of validator.w3.org/nu), run with the
 * machine's own Java. Only `java -jar` is used, never the package's `vnu` wrapper: without a
 * system Java that wrapper downloads a Java runtime from GitHub, and our machines have no
 * network but the package registries (.ci/run installs Debian's Java instead).
 */

/** The checker's jar, as the vnu-jar package ships it. */
export const VNU_JAR = path.join(
  PROJECT_ROOT,
  "node_modules",
  "vnu-jar",
  "build",
  "dist",
  "vnu.jar",
);

/** One message of the checker's JSON output (https://github.com/validator/validator/wiki/Output-»-JSON). */
export type VnuMessage = {
  /** "error", "info" (with subType "warning" for warnings) or "non-document-error" (I/O, Java). */
  type: "error" | "info" | "non-document-error";
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
};

/** A message that fails a page: an error in its markup, or a file the checker could not read. */
export function isFailure(message: VnuMessage): boolean {
  return message.type === "error" || message.type === "non-document-error";
}

/** One readable line for a message: "line 3, column 5: Bad value … [extract]". */
export function formatMessage(message: VnuMessage): string {
  const where =
    message.lastLine === undefined
      ? ""
      : `line ${message.lastLine}, column ${message.firstColumn ?? message.lastColumn}: `;
  const kind = message.subType ?? message.type;
  const extract = message.extract ? `  [${message.extract.replace(/\s+/g, " ").trim()}]` : "";
  return `${kind}: ${where}${message.message}${extract}`;
}

/**
 * Fails with a message that says what to install when there is no `java` on the PATH (or it
 * does not start), rather than the checker's own spawn error.
 */
export function assertJavaAvailable(): void {
  const probe = spawnSync("java", ["-version"], { encoding: "utf8" });
  const install =
    "Install it (Debian: sudo apt-get install -y default-jre-headless; .ci/run does this) " +
    "and run the test again.";
  if (probe.error || probe.status !== 0)
    throw new Error(
      "The HTML validity check runs the Nu Html Checker, which needs Java 17 or later, and " +
        `\`java -version\` failed (${probe.error?.message ?? `exit status ${probe.status}`}). ` +
        install,
    );
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < 17)
    throw new Error(
      `The Nu Html Checker needs Java 17 or later; \`java -version\` says:\n${probe.stderr}\n${install}`,
    );
  if (!fs.existsSync(VNU_JAR))
    throw new Error(`${VNU_JAR} is missing: run \`npm ci\` (vnu-jar is a devDependency).`);
}

/**
 * Checks every file of `files` (HTML documents, named *.html) in one run of the checker (one
 * Java start, a few seconds) and returns its messages grouped by file, every file present
 * (with [] when the checker said nothing about it). `filterPatterns` are regular expressions
 * for messages to drop (vnu's --filterpattern, matched against the whole message text).
 */
export function checkHtmlFiles(
  files: string[],
  filterPatterns: string[] = [],
): Map<string, VnuMessage[]> {
  assertJavaAvailable();
  const missing = files.filter((file) => !fs.existsSync(file));
  // The checker only warns about a file it cannot find; here that is a mistake in the test.
  if (missing.length > 0) throw new Error(`No such files to check: ${missing.join(", ")}`);
  const args = ["-jar", VNU_JAR, "--format", "json", "--stdout", "--exit-zero-always"];
  for (const pattern of filterPatterns) args.push("--filterpattern", pattern);
  const run = spawnSync("java", [...args, ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error || run.status !== 0)
    throw new Error(
      `The Nu Html Checker failed (${run.error?.message ?? `exit status ${run.status}`}):\n${run.stderr}`,
    );
  const messages = (JSON.parse(run.stdout) as { messages: VnuMessage[] }).messages;
  const byFile = new Map(files.map((file) => [path.resolve(file), [] as VnuMessage[]]));
  for (const message of messages) {
    const file = message.url?.startsWith("file:")
      ? decodeURIComponent(new URL(message.url).pathname)
      : undefined;
    const list = file === undefined ? undefined : byFile.get(path.resolve(file));
    // A message about no file we passed (the checker itself failing) counts against every file.
    if (list) list.push(message);
    else for (const all of byFile.values()) all.push({ ...message, type: "non-document-error" });
  }
  return byFile;
}
