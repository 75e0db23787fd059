import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { migrate } from './db/migrate.js';
import { loadDemoNetworkIfEmpty, type DemoLoadResult } from './demo/load-demo.js';
import { JobRunner } from './jobs/runner.js';
import { describeDelivery } from './notifications/providers.js';
import { RealtimeBus } from './realtime/bus.js';
import { scheduleRealtimeRetention } from './realtime/retention.js';

export interface RunningServer {
  app: FastifyInstance;
  database: DatabaseHandle;
  bus: RealtimeBus;
  /** Absent when JOBS_ENABLED=false (another instance does the background work). */
  jobs: JobRunner | undefined;
  url: string;
  demo: DemoLoadResult | undefined;
  close(): Promise<void>;
}

export const DEFAULT_WEB_ROOT = path.resolve('dist/web');

/** Opens the database, brings its schema up to date, loads the demo network if asked, and listens. */
export async function startServer(config: Config, options: { logger?: boolean; webRoot?: string } = {}): Promise<RunningServer> {
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    const demo = config.demo ? await loadDemoNetworkIfEmpty(database.db, { password: config.demoPassword }) : undefined;
    const bus = new RealtimeBus(database, console);
    const app = await buildApp({ config, database, db: database.db, bus }, { logger: options.logger, webRoot: options.webRoot ?? DEFAULT_WEB_ROOT });
    await bus.start();
    await app.listen({ port: config.port, host: config.host });
    const jobs = config.jobs.enabled ? new JobRunner({ config, database, db: database.db, bus }, { log: app.log }) : undefined;
    await jobs?.start();
    app.log.info({ jobs: config.jobs.enabled, ...describeDelivery(config) }, 'background work and delivery');
    const stopRetention = scheduleRealtimeRetention(database.db, { days: config.realtimeRetentionDays, log: app.log });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      bus,
      jobs,
      url,
      demo,
      close() {
        closing ??= (async () => {
          // Ends open event streams (preClose hook) and waits for requests in flight, while the job
          // runner takes no new work and lets the jobs it is running finish.
          await Promise.all([app.close(), jobs?.stop()]);
          await stopRetention();
          await bus.stop();
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
