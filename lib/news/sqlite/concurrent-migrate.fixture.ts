// Run by migrations.test.ts in several processes at once: migrates the file named in argv[2].
import { migrateToLatest, openDatabase } from "./connection";

const db = openDatabase(process.argv[2]!);
migrateToLatest(db)
  .then(async (applied) => {
    console.log(JSON.stringify(applied));
    await db.destroy();
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
