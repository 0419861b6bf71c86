/**
 * What the speech side tells the rest of the kiosk, as one discriminated union (DESIGN.md rule 3).
 * Times are milliseconds since the audio source started. `pinyin` is always toneless, syllables separated by
 * spaces; `text` carries characters when the recognizer gives them, else the same pinyin.
 */
export type SpeechEvent =
  | { type: 'speech.started'; atMs: number }
  | { type: 'speech.ended'; atMs: number; durationMs: number }
  | { type: 'asr.partial'; text: string; pinyin: string; atMs: number }
  | { type: 'asr.final'; text: string; pinyin: string; startMs: number; endMs: number }
  | { type: 'kws.keyword'; keyword: string; phrase: string; atMs: number }
  | { type: 'tts.started'; utteranceId: string; atMs: number }
  | { type: 'tts.finished'; utteranceId: string; atMs: number; interrupted: boolean }
  | { type: 'speech.bargeIn'; atMs: number }
  /** The device failed; `reason` is for the log. What the citizen is told about it is decided in app/core. */
  | { type: 'audio.fault'; device: 'microphone' | 'speaker'; reason: string }
  /** The device works again after an `audio.fault` (the recorder restarted and sound flows). */
  | { type: 'audio.restored'; device: 'microphone' | 'speaker'; atMs: number };
