/**
 * Why speech could not be synthesized. 'engineMissing' and 'voiceInvalid' are configuration faults the
 * diagnostics mode reports; 'engineFailed' is a runtime failure; 'aborted' is the caller's own cancellation.
 */
export type SpeechSynthesisFailure = 'engineMissing' | 'voiceInvalid' | 'engineFailed' | 'aborted';

export class SpeechSynthesisError extends Error {
  override readonly name = 'SpeechSynthesisError';

  constructor(
    readonly kind: SpeechSynthesisFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isSpeechSynthesisError(error: unknown): error is SpeechSynthesisError {
  return error instanceof SpeechSynthesisError;
}
