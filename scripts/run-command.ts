import { closeStore } from "../lib/news/connect";

/**
 * Runs a command-line tool's `main` and ends the process with its exit status: the number it
 * resolves with, or 2 after printing "`name`: message" when it throws. The store, if the tool
 * opened one, is closed first, so SQLite checkpoints and removes its -wal file.
 */
export function runCommand(name: string, main: () => Promise<number>): void {
  main()
    .then(
      (code) => code,
      (error: unknown) => {
        console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
        return 2;
      },
    )
    .then(async (code) => {
      await closeStore();
      process.exit(code);
    });
}
