import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "./limits";

/** The cells of the table row for `field` (a line starting "| `field`") in a Markdown file. */
function row(file: string, field: string): string {
  const line = fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l.startsWith(`| \`${field}\``));
  return line ?? "";
}

describe("import limits", () => {
  it.each(["README.md", "docs/content.md"])("are all printed in the import table of %s", (file) => {
    for (const [field, limits] of Object.entries(IMPORT_LIMITS)) {
      const cells = row(file, field);
      expect(cells, `${file}: no row for ${field}`).not.toBe("");
      for (const limit of Object.values(limits))
        expect(cells).toMatch(new RegExp(`\\b${limit}\\b`));
    }
  });
});
