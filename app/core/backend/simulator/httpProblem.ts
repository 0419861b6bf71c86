import type { BackendErrorCode } from '../backendTypes.js';

/** Thrown by a route handler to answer with an error body {code, message}; the message is Chinese. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: BackendErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }

  get body(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}
