// The DataSource the TypeORM CLI uses (`npm run migration:generate`, `typeorm migration:run`).
// It needs a real PostgreSQL in DATABASE_URL; `npm run migration:run` also serves the embedded default.
import { createDataSource } from './src/db/data-source';

if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the PostgreSQL the TypeORM CLI should use');

export default createDataSource(process.env.DATABASE_URL, { poolSize: 2 });
