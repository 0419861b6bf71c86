import { LlmError } from './llmError.js';

/**
 * Incremental `text/event-stream` decoder (WHATWG HTML §9.2.6): bytes in, `data` payloads out.
 * Chunks may split anywhere, even inside a UTF-8 character or between the CR and LF of a CRLF.
 * Only the `data` field matters to chat completions; `event`, `id`, `retry` and comments are skipped.
 */
export class SseLineDecoder {
  // stream: true keeps a split multi-byte character until its remaining bytes arrive.
  private readonly text = new TextDecoder('utf-8');
  private partialLine = '';
  private dataLines: string[] = [];
  private lastCharWasCr = false;

  /** Feeds the next bytes; returns the payloads of every event they complete. */
  push(bytes: Uint8Array): string[] {
    return this.feed(this.text.decode(bytes, { stream: true }));
  }

  /**
   * Ends the stream. An event without its closing blank line is discarded, as the spec says:
   * a stream cut mid-event must not pass off half an event as a whole one.
   */
  end(): string[] {
    const payloads = this.feed(this.text.decode());
    this.partialLine = '';
    this.dataLines = [];
    return payloads;
  }

  private feed(text: string): string[] {
    const payloads: string[] = [];
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const char = text[i];
      if (this.lastCharWasCr) {
        this.lastCharWasCr = false;
        // The LF of a CRLF whose CR ended the previous line (possibly in the previous chunk).
        if (char === '\n') {
          lineStart = i + 1;
          continue;
        }
      }
      if (char === '\n' || char === '\r') {
        const line = this.partialLine + text.slice(lineStart, i);
        this.partialLine = '';
        this.lastCharWasCr = char === '\r';
        lineStart = i + 1;
        const payload = this.takeLine(line);
        if (payload !== undefined) payloads.push(payload);
      }
    }
    this.partialLine += text.slice(lineStart);
    return payloads;
  }

  private takeLine(line: string): string | undefined {
    if (line === '') {
      // A blank line dispatches the event; an event without data lines is nothing.
      if (this.dataLines.length === 0) return undefined;
      const payload = this.dataLines.join('\n');
      this.dataLines = [];
      return payload;
    }
    if (line.startsWith(':')) return undefined; // comment, often a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field !== 'data') return undefined;
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    this.dataLines.push(value);
    return undefined;
  }
}

/** One decoded event: a parsed JSON payload or the `[DONE]` sentinel that ends a completion. */
export type SsePayload = { type: 'json'; value: unknown } | { type: 'done' };

/** Parses one `data` payload; a payload that is neither `[DONE]` nor JSON is an error, never skipped. */
export function parseSsePayload(data: string): SsePayload {
  if (data.trim() === '[DONE]') return { type: 'done' };
  try {
    return { type: 'json', value: JSON.parse(data) as unknown };
  } catch (error) {
    const preview = data.length > 80 ? `${data.slice(0, 80)}…` : data;
    throw new LlmError('malformed', `stream chunk is not JSON: ${preview}`, { cause: error });
  }
}

export interface DecodeSseOptions {
  /** Told each time bytes arrive, before they are decoded (the client uses it to know a reply has begun). */
  onBytes?: (byteCount: number) => void;
  /**
   * Stops reading when aborted, throwing the signal's reason. The body is cancelled directly rather
   * than trusting whoever made it to honour the signal: a read that never returns would hang the kiosk.
   */
  signal?: AbortSignal;
}

/**
 * Reads a fetch body as an event stream and yields its payloads.
 * Stopping early (break/return) cancels the body so the connection is not left half-read.
 */
export async function* decodeSseStream(
  body: ReadableStream<Uint8Array>,
  options: DecodeSseOptions = {},
): AsyncGenerator<SsePayload, void, undefined> {
  const { signal, onBytes } = options;
  const decoder = new SseLineDecoder();
  const reader = body.getReader();
  // Cancelling settles a pending read (as done), which the loop below turns into the abort.
  const cancelOnAbort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.addEventListener('abort', cancelOnAbort, { once: true });
  let finished = false;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) {
        finished = true;
        for (const data of decoder.end()) yield parseSsePayload(data);
        return;
      }
      onBytes?.(value.byteLength);
      for (const data of decoder.push(value)) yield parseSsePayload(data);
    }
  } finally {
    signal?.removeEventListener('abort', cancelOnAbort);
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
