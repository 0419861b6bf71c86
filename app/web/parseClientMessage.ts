import type { CameraFrame, CitizenInput, ClientMessage, FaceAuthInput, KioskInput, PresenceInput, ServiceId, StaffInput } from '../api/kioskApi.js';

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
/** The largest WebSocket message: a frame with its envelope. Messages without a frame stay far below. */
export const maxFrameMessageBytes = maxFrameBase64Length + frameEnvelopeBytes;
/** Messages that carry no camera frame are small: a question of 500 characters is under 2 KB. */
export const maxTextMessageBytes = 16 * 1024;

/** Input types that carry a camera frame and so may use the larger message size. */
const frameInputTypes: ReadonlySet<string> = new Set(['auth.frame', 'staff.enrollPhoto']);

/** Every ServiceId, as a record so the compiler flags this list when the contract gains a service. */
const knownServices: Record<ServiceId, true> = {
  'policy-qa': true,
  'rights-query': true,
  'certificate-print': true,
  'card-loss': true,
  'flexible-employment': true,
  'pension-auth': true,
  'guide-to-window': true,
  'call-staff': true,
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const unusable: Parsed<never> = { ok: false, message: '无法识别的操作，请重新点选或输入。' };

/** Checks what arrived from a screen (WebSocket or IPC) before the core sees it: the screen is not trusted. */
export function parseCitizenInput(raw: unknown): Parsed<CitizenInput> {
  if (!isRecord(raw) || typeof raw.type !== 'string') return unusable;
  switch (raw.type) {
    case 'citizen.touch':
    case 'citizen.end':
      return { ok: true, value: { type: raw.type } };
    case 'citizen.text':
    case 'citizen.tapQuestion': {
      if (typeof raw.text !== 'string') return unusable;
      const text = raw.text.trim();
      if (!text) return { ok: false, message: '问题不能为空，请输入您想问的问题。' };
      if (text.length > maxQuestionLength) return { ok: false, message: `问题太长了，请控制在${maxQuestionLength}个字以内。` };
      return { ok: true, value: { type: raw.type, text } };
    }
    case 'citizen.tapService':
      if (typeof raw.service !== 'string' || !Object.hasOwn(knownServices, raw.service)) {
        return { ok: false, message: '没有这项服务，请重新选择。' };
      }
      return { ok: true, value: { type: 'citizen.tapService', service: raw.service as ServiceId } };
    default:
      return unusable;
  }
}

/** Staff panel input: PINs are digits, ids are bounded; the core checks the PIN and whether the panel is unlocked. */
export function parseStaffInput(raw: unknown): Parsed<StaffInput> {
  if (!isRecord(raw) || typeof raw.type !== 'string') return unusable;
  switch (raw.type) {
    case 'staff.lock':
      return { ok: true, value: { type: 'staff.lock' } };
    case 'staff.unlock':
      return typeof raw.pin === 'string' && /^\d{4,12}$/.test(raw.pin)
        ? { ok: true, value: { type: 'staff.unlock', pin: raw.pin } }
        : { ok: false, message: '密码是4到12位数字。' };
    case 'staff.printSample':
      return isCitizenId(raw.citizenId)
        ? { ok: true, value: { type: 'staff.printSample', citizenId: raw.citizenId } }
        : unusable;
    case 'staff.closeRequest':
      return typeof raw.id === 'number' && Number.isInteger(raw.id) && raw.id > 0
        ? { ok: true, value: { type: 'staff.closeRequest', id: raw.id } }
        : unusable;
    case 'staff.enrollPhoto': {
      if (!isCitizenId(raw.citizenId)) return unusable;
      const frame = parseCameraFrame(raw.frame);
      return frame.ok ? { ok: true, value: { type: 'staff.enrollPhoto', citizenId: raw.citizenId, frame: frame.value } } : frame;
    }
    default:
      return unusable;
  }
}

/** Face presence from the screen's camera tracking. */
export function parsePresenceInput(raw: unknown): Parsed<PresenceInput> {
  if (!isRecord(raw)) return unusable;
  if (raw.type === 'presence.arrived' || raw.type === 'presence.left') return { ok: true, value: { type: raw.type } };
  return unusable;
}

/** 养老认证 input: the ID number in its shape only (the core checks the check character and the date), frames, cancel. */
export function parseFaceAuthInput(raw: unknown): Parsed<FaceAuthInput> {
  if (!isRecord(raw) || typeof raw.type !== 'string') return unusable;
  switch (raw.type) {
    case 'auth.cancel':
      return { ok: true, value: { type: 'auth.cancel' } };
    case 'auth.idNumber': {
      const idNumber = typeof raw.idNumber === 'string' ? raw.idNumber.toUpperCase() : '';
      return /^\d{17}[\dX]$/.test(idNumber)
        ? { ok: true, value: { type: 'auth.idNumber', idNumber } }
        : { ok: false, message: '身份证号是18位，由数字组成，最后一位可能是X，请重新输入。' };
    }
    case 'auth.frame': {
      const frame = parseCameraFrame(raw.frame);
      return frame.ok ? { ok: true, value: { type: 'auth.frame', frame: frame.value } } : frame;
    }
    default:
      return unusable;
  }
}

const badFrame: Parsed<never> = { ok: false, message: '摄像头画面无法识别，请稍后再试。' };

/**
 * A camera frame: base64 JPEG (checked by its first bytes, FF D8 FF), bounded in size and sides, with a
 * non-negative integer seq. Only the shape is checked here; decoding is for the face pipeline.
 */
export function parseCameraFrame(raw: unknown): Parsed<CameraFrame> {
  if (!isRecord(raw)) return badFrame;
  const { jpegBase64, width, height, capturedAt, seq } = raw;
  if (typeof jpegBase64 !== 'string' || jpegBase64.length === 0 || jpegBase64.length > maxFrameBase64Length) return badFrame;
  if (jpegBase64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(jpegBase64) || !jpegBase64.startsWith('/9j/')) return badFrame;
  if (!isSide(width) || !isSide(height)) return badFrame;
  if (typeof capturedAt !== 'number' || !Number.isFinite(capturedAt) || capturedAt < 0) return badFrame;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return badFrame;
  return { ok: true, value: { jpegBase64, width, height, capturedAt, seq } };
}

/** Any input from the screen. */
export function parseKioskInput(raw: unknown): Parsed<KioskInput> {
  const type = isRecord(raw) && typeof raw.type === 'string' ? raw.type : '';
  if (type.startsWith('staff.')) return parseStaffInput(raw);
  if (type.startsWith('presence.')) return parsePresenceInput(raw);
  if (type.startsWith('auth.')) return parseFaceAuthInput(raw);
  return parseCitizenInput(raw);
}

/**
 * Parses one WebSocket text frame into a ClientMessage. Only messages that carry a camera frame may be larger
 * than `maxTextMessageBytes` (the server's WebSocket limit is `maxFrameMessageBytes`).
 */
export function parseClientMessage(frame: string): Parsed<ClientMessage> {
  if (frame.length > maxFrameMessageBytes) return tooLarge;
  let raw: unknown;
  try {
    raw = JSON.parse(frame);
  } catch {
    return { ok: false, message: '消息格式错误，请重试。' };
  }
  if (!isRecord(raw) || raw.type !== 'input') return unusable;
  if (frame.length > maxTextMessageBytes && !(isRecord(raw.input) && frameInputTypes.has(String(raw.input.type)))) return tooLarge;
  const input = parseKioskInput(raw.input);
  return input.ok ? { ok: true, value: { type: 'input', input: input.value } } : input;
}

const tooLarge: Parsed<never> = { ok: false, message: '消息太长了，请重新操作。' };

function isCitizenId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(value);
}

function isSide(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= maxFrameSide;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
