import { useEffect, useEffectEvent } from 'react';

export interface RealtimeEnvelope {
  id: number;
  type: string;
  at: string;
  centreId: string | null;
  unitId: string | null;
  payload: Record<string, unknown>;
}

type Listener = (event: RealtimeEnvelope) => void;

/**
 * Not events of the server but of the connection: `reset` (history gone: refetch everything), and,
 * for listeners that ask for them, `open` (connected or reconnected: refetch to show the true state)
 * and `error` (connection lost; the browser is reconnecting).
 */
const LIFECYCLE = new Set(['reset', 'open', 'error']);
const REOPEN_MS = 5000;

/**
 * One EventSource per browser tab and stream URL, shared by every component that listens: screens
 * and counters get pushes, never poll. The browser reconnects by itself and resumes with
 * Last-Event-ID; a `reset` event (history gone) tells listeners to refetch everything.
 */
class SharedStream {
  private source: EventSource | null = null;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly url: string) {
    // A connection that still looks open may be dead for minutes after the network went away (TCP
    // has not noticed): say so at once, and connect again as soon as the network is back.
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.wentOffline);
      window.addEventListener('online', this.cameOnline);
    }
  }

  private readonly wentOffline = () => {
    if (!this.source || this.source.readyState === EventSource.CLOSED) return;
    this.source.close();
    this.dispatch(new MessageEvent('error'));
  };

  private readonly cameOnline = () => {
    if (this.source?.readyState === EventSource.CLOSED) this.source = this.open();
  };

  subscribe(types: readonly string[], listener: Listener): () => void {
    for (const type of [...types, 'reset']) {
      let set = this.listeners.get(type);
      if (!set) {
        set = new Set();
        this.listeners.set(type, set);
        this.source?.addEventListener(type, this.dispatch);
      }
      set.add(listener);
    }
    this.source ??= this.open();
    return () => {
      for (const type of [...types, 'reset']) this.listeners.get(type)?.delete(listener);
      if ([...this.listeners.values()].every((set) => set.size === 0)) this.close();
    };
  }

  private open(): EventSource {
    const source = new EventSource(this.url, { withCredentials: true });
    for (const type of this.listeners.keys()) source.addEventListener(type, this.dispatch);
    // A network error makes the browser retry by itself; an error answer (a proxy's 502 while the
    // server restarts) closes the source for good, so open a new one a little later.
    source.addEventListener('error', () => {
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      setTimeout(() => {
        if (this.source !== source) return;
        this.source = this.open();
      }, REOPEN_MS);
    });
    return source;
  }

  private close(): void {
    this.source?.close();
    this.source = null;
    this.listeners.clear();
  }

  private readonly dispatch = (message: MessageEvent<string>) => {
    let envelope: RealtimeEnvelope;
    try {
      envelope = LIFECYCLE.has(message.type) ? { id: 0, type: message.type, at: new Date().toISOString(), centreId: null, unitId: null, payload: {} } : (JSON.parse(message.data) as RealtimeEnvelope);
    } catch {
      return;
    }
    for (const listener of this.listeners.get(message.type) ?? []) listener(envelope);
  };
}

const streams = new Map<string, SharedStream>();

export const STAFF_STREAM_URL = '/api/v1/events/stream';

/**
 * Calls `onEvent` for each event of the given types (and `reset`) on a stream — by default the
 * signed-in staff stream. The handler may change between renders without reconnecting.
 */
export function useRealtime(types: readonly string[], onEvent: Listener, url: string = STAFF_STREAM_URL): void {
  const handle = useEffectEvent(onEvent);
  const key = types.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let stream = streams.get(url);
    if (!stream) {
      stream = new SharedStream(url);
      streams.set(url, stream);
    }
    return stream.subscribe(key.split(','), (event) => handle(event));
  }, [key, url]);
}
