/** Shared inputs for the contract tests. */
export const chinese = /[\u4e00-\u9fff]/;

/** A real JPEG's first bytes (FF D8 FF E0 …) in base64, padded to a multiple of 4. */
export const jpegBase64 = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/';

export function frame(change: Record<string, unknown> = {}): Record<string, unknown> {
  return { jpegBase64, width: 640, height: 480, capturedAt: 12_345.5, seq: 0, ...change };
}

export function message(input: unknown): string {
  return JSON.stringify({ type: 'input', input });
}
