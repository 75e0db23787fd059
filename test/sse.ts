/** One message of a Server-Sent Events stream as a browser would assemble it. */
export interface SseMessage {
  id: string | undefined;
  event: string;
  data: string;
  /** Comment lines (": heartbeat") that came with it; a block of only comments has event ''. */
  comments: string[];
}

export interface SseClient {
  status: number;
  headers: Headers;
  /** The next block that matches, skipping others; rejects when the stream ends first. */
  next(matches?: (message: SseMessage) => boolean): Promise<SseMessage>;
  /** Every event (not comment-only blocks) up to and including the first that matches. */
  until(matches: (message: SseMessage) => boolean): Promise<SseMessage[]>;
  /** Resolves when the server ends the stream. */
  ended(): Promise<void>;
  close(): void;
}

/** Opens a stream over a real HTTP connection (fetch), as an EventSource would. */
export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const blocks: SseMessage[] = [];
  let waiter: (() => void) | undefined;
  let finished = false;
  let failure: unknown;

  const pump = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let text = '';
    try {
      for await (const chunk of response.body) {
        text += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          blocks.push(parseBlock(text.slice(0, end)));
          text = text.slice(end + 2);
        }
        waiter?.();
      }
    } catch (error) {
      if (!abort.signal.aborted) failure = error;
    } finally {
      finished = true;
      waiter?.();
    }
  })();

  async function take(): Promise<SseMessage> {
    for (;;) {
      const block = blocks.shift();
      if (block) return block;
      if (finished) throw new Error(`the stream ended${failure ? `: ${String(failure)}` : ''}`);
      await new Promise<void>((resolve) => (waiter = resolve));
    }
  }

  return {
    status: response.status,
    headers: response.headers,
    async next(matches = () => true) {
      for (;;) {
        const block = await take();
        if (matches(block)) return block;
      }
    },
    async until(matches) {
      const seen: SseMessage[] = [];
      for (;;) {
        const block = await take();
        if (block.event) seen.push(block);
        if (block.event && matches(block)) return seen;
      }
    },
    async ended() {
      await pump;
    },
    close() {
      abort.abort();
    },
  };
}

function parseBlock(block: string): SseMessage {
  const message: SseMessage = { id: undefined, event: '', data: '', comments: [] };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message.comments.push(line.slice(1).trim());
    else if (line.startsWith('id: ')) message.id = line.slice(4);
    else if (line.startsWith('event: ')) message.event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  message.data = data.join('\n');
  if (data.length > 0 && !message.event) message.event = 'message';
  return message;
}
