import { ConfigError, loadConfig } from './config.js';
import { startServer } from './server.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const server = await startServer(config).catch((error: unknown) => {
  console.error(`OneRoof could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const where = config.database.kind === 'pglite' ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
console.log(`\nOneRoof is running at ${server.url}  (${where})`);
if (server.demo?.loaded) {
  console.log('Demo network loaded. Staff accounts (username: role):');
  const width = Math.max(...server.demo.accounts.map((account) => account.username.length));
  for (const account of server.demo.accounts) console.log(`  ${account.username.padEnd(width)}  ${account.description}`);
  for (const device of server.demo.devices) console.log(`${device.label}: ${server.url}${device.path}`);
  console.log(
    server.demo.generatedPassword
      ? `Their password, shown only this once: ${server.demo.generatedPassword}\n`
      : 'Their password is the DEMO_PASSWORD you set.\n',
  );
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    // Finish requests in flight, stop realtime streams, then close the database cleanly.
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
