import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { RealtimeBus } from './bus.js';
import type { PublishedEvent } from './events.js';

/** A stream that falls this far behind is closed; the browser reconnects and resumes from the table. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** How long a browser waits before reconnecting after the stream ends. */
const RECONNECT_MS = 3000;

export interface EventStreamOptions {
  bus: RealtimeBus;
  /** Resume after this position (Last-Event-ID); undefined starts with events from now on. */
  lastEventId: number | undefined;
  mayReceive(event: PublishedEvent): boolean;
  /** The JSON sent for an event the client may receive; the full envelope by default. Public streams send less. */
  present?(event: PublishedEvent): Record<string, unknown>;
  heartbeatMs: number;
  /** Asked at each heartbeat; false ends the stream (session ended, grants withdrawn). */
  stillAllowed?(): Promise<boolean>;
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>;
}

/** The JSON in each event's `data:` line (docs/realtime.md). */
export function envelopeOf(event: PublishedEvent): Record<string, unknown> {
  return {
    id: event.position,
    type: event.type,
    at: event.at.toISOString(),
    centreId: event.centreId,
    unitId: event.unitId,
    payload: event.payload,
  };
}

/**
 * One Server-Sent Events stream: replays missed events from the table, then goes live, without
 * duplicates or gaps. Live events that arrive while replaying wait in a buffer; every event is sent
 * at most once because positions only grow.
 */
export class EventStream {
  readonly body = new PassThrough();
  private lastSeen = 0;
  private lastIdWritten = 0;
  private pending: PublishedEvent[] | null = [];
  private unsubscribe: (() => void) | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private checking = false;
  private closed = false;
  private readonly closeListeners: (() => void)[] = [];

  constructor(private readonly options: EventStreamOptions) {
    this.body.on('close', () => this.close());
    this.body.on('error', () => this.close());
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Subscribes, writes the replay, then delivers live events; the body is ready to be sent at once. */
  async start(): Promise<void> {
    const { bus } = this.options;
    this.unsubscribe = bus.subscribe((event) => this.onLive(event));
    this.write(`retry: ${RECONNECT_MS}\n: connected\n\n`);
    this.heartbeat = setInterval(() => void this.beat(), this.options.heartbeatMs);
    this.heartbeat.unref();
    try {
      this.lastSeen = await this.resumePoint();
      for (;;) {
        const events = await bus.eventsAfter(this.lastSeen);
        for (const event of events) this.send(event);
        if (events.length === 0 || this.closed) break;
      }
      const waiting = this.pending ?? [];
      this.pending = null;
      for (const event of waiting) this.send(event);
    } catch (error) {
      this.options.log.error({ err: error }, 'could not replay realtime events');
      this.close();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.unsubscribe?.();
    if (!this.body.destroyed) this.body.end();
    for (const listener of this.closeListeners) listener();
  }

  private async resumePoint(): Promise<number> {
    const { bus, lastEventId } = this.options;
    const latest = await bus.latestPosition();
    if (lastEventId === undefined) return latest;
    // A position from the future (another database, a restored backup) or one whose successors the
    // retention job already deleted cannot be resumed: the client must reload its state.
    const reason = lastEventId > latest ? 'unknown_position' : lastEventId < (await bus.purgedThrough()) ? 'history_deleted' : undefined;
    if (!reason) return lastEventId;
    this.write(`id: ${latest}\nevent: reset\ndata: ${JSON.stringify({ id: latest, type: 'reset', reason })}\n\n`);
    this.lastIdWritten = latest;
    return latest;
  }

  private onLive(event: PublishedEvent): void {
    if (this.pending) this.pending.push(event);
    else this.send(event);
  }

  private send(event: PublishedEvent): void {
    if (this.closed || event.position <= this.lastSeen) return;
    this.lastSeen = event.position;
    if (!this.options.mayReceive(event)) return;
    const data = this.options.present ? this.options.present(event) : envelopeOf(event);
    this.write(`id: ${event.position}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
    this.lastIdWritten = event.position;
  }

  private async beat(): Promise<void> {
    if (this.closed || this.checking) return;
    this.checking = true;
    try {
      if (this.options.stillAllowed && !(await this.options.stillAllowed())) {
        this.close();
        return;
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'could not re-check a realtime stream');
    } finally {
      this.checking = false;
    }
    // Events the actor may not see still move the resume point, so a reconnect does not replay them.
    const moved = this.pending === null && this.lastSeen > this.lastIdWritten;
    if (moved) this.lastIdWritten = this.lastSeen;
    this.write(moved ? `: heartbeat\nid: ${this.lastSeen}\n\n` : ': heartbeat\n\n');
  }

  private write(chunk: string): void {
    if (this.closed) return;
    this.body.write(chunk);
    if (this.body.writableLength > MAX_BUFFERED_BYTES) this.close();
  }
}

/** The streams open in this process, so shutting down can end them instead of waiting for them. */
export class OpenStreams {
  private readonly streams = new Set<EventStream>();

  add(stream: EventStream): void {
    this.streams.add(stream);
    stream.onClose(() => this.streams.delete(stream));
  }

  get size(): number {
    return this.streams.size;
  }

  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}
