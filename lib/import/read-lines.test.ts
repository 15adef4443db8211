import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { describe, expect, it } from "vitest";
import { readLines } from "./read-lines";

async function both(text: string) {
  const file = path.join(os.tmpdir(), `herald-lines-${process.pid}-${Math.random()}.txt`);
  fs.writeFileSync(file, text);
  try {
    const fast: string[] = [];
    for await (const line of readLines(file)) fast.push(line);
    const slow: string[] = [];
    const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
    for await (const line of rl) slow.push(line);
    return { fast, slow };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe("readLines", () => {
  it("splits lines as node:readline does", async () => {
    for (const text of [
      "",
      "a",
      "a\n",
      "a\nb",
      "a\r\nb\r\n",
      "a\rb\r",
      "\n\na\n\n",
      'é한\n{"x":1}\r\n\r\nlast',
    ]) {
      const { fast, slow } = await both(text);
      expect(fast, JSON.stringify(text)).toEqual(slow);
    }
  });

  it("keeps a \\r\\n split between two reads as one break", async () => {
    const line = "x".repeat((1 << 20) - 1);
    const { fast, slow } = await both(`${line}\r\nnext\n`);
    expect(fast).toEqual(slow);
    expect(fast).toHaveLength(2);
  });
});
