import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/client.js';
import type { Database } from '../db/types.js';
import type { PublishedEvent } from './events.js';

export const REALTIME_CHANNEL = 'oneroof_events';
const PAGE_SIZE = 500;
/**
 * Also look for new rows this often without a notification: if the LISTEN connection to PostgreSQL
 * drops (a database restart), events still arrive, only later.
 */
const SAFETY_NET_MS = 5000;

export type RealtimeSubscriber = (event: PublishedEvent) => void;

/**
 * Receives committed events through the database's NOTIFY (PGlite in-process, PostgreSQL across
 * every instance) and hands them to this process's streams in position order. A notification only
 * says "something committed": the bus then reads every row after the last position it delivered, so
 * subscribers see each position once, in order, even when notifications arrive late or merged.
 */
export class RealtimeBus {
  private readonly subscribers = new Set<RealtimeSubscriber>();
  private stopListening: (() => Promise<void>) | undefined;
  private delivered = 0;
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain = false;
  private safetyNet: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'error'>,
  ) {}

  async start(): Promise<void> {
    this.stopListening = await this.database.listen(REALTIME_CHANNEL, () => this.onNotification());
    this.delivered = await latestPosition(this.database.db);
    this.safetyNet = setInterval(() => this.onNotification(), SAFETY_NET_MS);
    this.safetyNet.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.safetyNet);
    await this.stopListening?.();
    this.stopListening = undefined;
    this.subscribers.clear();
    await this.catchingUp;
  }

  subscribe(subscriber: RealtimeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Committed events after `position`, oldest first, for a stream that resumes with Last-Event-ID. */
  eventsAfter(position: number, limit = PAGE_SIZE): Promise<PublishedEvent[]> {
    return eventsAfter(this.database.db, position, limit);
  }

  latestPosition(): Promise<number> {
    return latestPosition(this.database.db);
  }

  /** Positions up to this one were deleted by the retention job. */
  async purgedThrough(): Promise<number> {
    const row = await this.database.db.selectFrom('realtime_retention').select('purged_through').executeTakeFirst();
    return row?.purged_through ?? 0;
  }

  private onNotification(): void {
    if (this.stopped) return;
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = this.catchUp()
      .catch((error: unknown) => this.log.error({ err: error }, 'could not deliver realtime events'))
      .finally(() => {
        this.catchingUp = undefined;
        if (this.catchUpAgain) {
          this.catchUpAgain = false;
          this.onNotification();
        }
      });
  }

  private async catchUp(): Promise<void> {
    if (this.subscribers.size === 0) {
      // Nobody to tell; streams that start later replay from the table themselves.
      this.delivered = Math.max(this.delivered, await latestPosition(this.database.db));
      return;
    }
    for (;;) {
      const events = await eventsAfter(this.database.db, this.delivered, PAGE_SIZE);
      for (const event of events) {
        this.delivered = event.position;
        for (const subscriber of this.subscribers) {
          try {
            subscriber(event);
          } catch (error) {
            this.log.warn({ err: error }, 'a realtime subscriber failed');
          }
        }
      }
      if (events.length < PAGE_SIZE) return;
    }
  }
}

export async function latestPosition(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('realtime_events')
    .select((eb) => eb.fn.max('position').as('latest'))
    .executeTakeFirst();
  return row?.latest == null ? 0 : Number(row.latest);
}

export async function eventsAfter(db: Kysely<Database>, position: number, limit: number): Promise<PublishedEvent[]> {
  const rows = await db
    .selectFrom('realtime_events')
    .select(['position', 'type', 'at', 'centre_id', 'unit_id', 'audience', 'payload'])
    .where('position', '>', position)
    .orderBy('position')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    position: Number(row.position),
    type: row.type,
    at: row.at,
    centreId: row.centre_id,
    unitId: row.unit_id,
    audience: row.audience,
    payload: row.payload,
  }));
}
