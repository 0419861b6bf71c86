/** Size limits on what the screen may send. The schemas enforce them; the web transport sizes its messages by them. */

/** The longest question the kiosk accepts; the text box stops at 200, this leaves room for voice-to-text. */
export const maxQuestionLength = 500;

/**
 * A camera frame's JPEG, base64: at most 400 KB of text (about 300 KB of JPEG). The screen sends 640×480 at
 * quality 0.85, typically 30–80 KB; anything near the limit is not a frame from our screen.
 */
export const maxFrameBase64Length = 400 * 1024;

/** The largest frame side accepted; the screen captures 640×480. */
export const maxFrameSide = 1280;

/** Room for the JSON around a frame (type, sizes, seq, citizen id). */
const frameEnvelopeBytes = 1024;

/** The largest web kiosk message: a frame with its envelope. Messages without a frame stay far below. */
export const maxFrameMessageBytes = maxFrameBase64Length + frameEnvelopeBytes;

/** Messages that carry no camera frame are small: a question of 500 characters is under 2 KB. */
export const maxTextMessageBytes = 16 * 1024;
