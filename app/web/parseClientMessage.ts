import type { CitizenInput, ClientMessage, KioskInput, ServiceId, StaffInput } from '../api/kioskApi.js';

/** The longest question the kiosk accepts; the text box stops at 200, this leaves room for voice-to-text. */
export const maxQuestionLength = 500;

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
      return typeof raw.citizenId === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(raw.citizenId)
        ? { ok: true, value: { type: 'staff.printSample', citizenId: raw.citizenId } }
        : unusable;
    case 'staff.closeRequest':
      return typeof raw.id === 'number' && Number.isInteger(raw.id) && raw.id > 0
        ? { ok: true, value: { type: 'staff.closeRequest', id: raw.id } }
        : unusable;
    default:
      return unusable;
  }
}

/** Any input from the screen. */
export function parseKioskInput(raw: unknown): Parsed<KioskInput> {
  if (isRecord(raw) && typeof raw.type === 'string' && raw.type.startsWith('staff.')) return parseStaffInput(raw);
  return parseCitizenInput(raw);
}

/** Parses one WebSocket text frame into a ClientMessage. */
export function parseClientMessage(frame: string): Parsed<ClientMessage> {
  let raw: unknown;
  try {
    raw = JSON.parse(frame);
  } catch {
    return { ok: false, message: '消息格式错误，请重试。' };
  }
  if (!isRecord(raw) || raw.type !== 'input') return unusable;
  const input = parseKioskInput(raw.input);
  return input.ok ? { ok: true, value: { type: 'input', input: input.value } } : input;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
