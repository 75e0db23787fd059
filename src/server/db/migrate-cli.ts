import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { migrate } from './migrate.js';

const config = loadConfig();
const handle = await openDatabase(config.database);
try {
  const applied = await migrate(handle);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await handle.close();
}
