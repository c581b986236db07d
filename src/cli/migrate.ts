// `npm run migration:run`: applies pending migrations to DATABASE_URL, or to the embedded
// database under DATA_DIR when it is unset. The server also does this at every start.
import { readConfig } from '../config';
import { openDatabase } from '../db/database';

async function main() {
  const db = await openDatabase(readConfig());
  const applied = await db.dataSource.query(`SELECT name FROM migrations ORDER BY id`);
  console.log(`migrations applied: ${applied.map((m: { name: string }) => m.name).join(', ')}`);
  await db.close();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
