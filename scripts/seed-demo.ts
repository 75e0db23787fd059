// npm run seed: loads the demo network into the configured database (DATABASE_URL or the embedded
// one) when it holds no network yet; a database in use is never touched.
import { ConfigError, loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/client.js';
import { migrate } from '../src/server/db/migrate.js';
import { loadDemoNetworkIfEmpty } from '../src/server/demo/load-demo.js';

try {
  const config = loadConfig();
  const handle = await openDatabase(config.database);
  try {
    await migrate(handle);
    const result = await loadDemoNetworkIfEmpty(handle.db, { password: config.demoPassword });
    if (!result.loaded) {
      console.log('The database already holds a network; nothing was loaded.');
    } else {
      console.log(`Demo network loaded with ${result.accounts.length} staff accounts.`);
      console.log(result.generatedPassword ? `Their password, shown only this once: ${result.generatedPassword}` : 'Their password is the DEMO_PASSWORD you set.');
    }
  } finally {
    await handle.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `Could not load the demo network: ${(error as Error).message}`);
  process.exit(1);
}
