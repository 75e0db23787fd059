import type { FastifyBaseLogger } from 'fastify';
import type { DatabaseHandle } from '../db/client.js';
import type { RealtimeEvent } from '../db/types.js';

export const REALTIME_CHANNEL = 'oneroof_events';

export type RealtimeSubscriber = (event: RealtimeEvent) => void;

/**
 * Receives committed events through the database's NOTIFY (PGlite in-process, PostgreSQL across
 * every instance) and hands them to this process's SSE streams in commit order.
 */
export class RealtimeBus {
  private readonly subscribers = new Set<RealtimeSubscriber>();
  private stopListening: (() => Promise<void>) | undefined;
  private delivery: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly log: Pick<FastifyBaseLogger, 'warn' | 'error'>,
  ) {}

  async start(): Promise<void> {
    this.stopListening = await this.database.listen(REALTIME_CHANNEL, (payload) => this.onNotification(payload));
  }

  async stop(): Promise<void> {
    await this.stopListening?.();
    this.stopListening = undefined;
    await this.delivery;
  }

  subscribe(subscriber: RealtimeSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Events after `lastId`, for a stream that resumes with Last-Event-ID. */
  async eventsAfter(lastId: number, limit = 500): Promise<RealtimeEvent[]> {
    return this.database.db
      .selectFrom('realtime_events')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  private onNotification(payload: string): void {
    const id = Number.parseInt(payload, 10);
    if (!Number.isSafeInteger(id)) return;
    // Chained so events reach subscribers in the order their transactions committed.
    this.delivery = this.delivery.then(() => this.deliver(id)).catch((error: unknown) => {
      this.log.error({ err: error, eventId: id }, 'could not deliver a realtime event');
    });
  }

  private async deliver(id: number): Promise<void> {
    if (this.subscribers.size === 0) return;
    const event = await this.database.db.selectFrom('realtime_events').selectAll().where('id', '=', id).executeTakeFirst();
    if (!event) return;
    for (const subscriber of this.subscribers) {
      try {
        subscriber(event);
      } catch (error) {
        this.log.warn({ err: error }, 'a realtime subscriber failed');
      }
    }
  }
}
