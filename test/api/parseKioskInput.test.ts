import { describe, expect, it } from 'vitest';
import { maxQuestionLength } from '../../app/api/inputLimits.js';
import type { KioskInput } from '../../app/api/kioskApi.js';
import { kioskInputSchema } from '../../app/api/kioskInputSchema.js';
import { parseKioskInput } from '../../app/api/parseKioskInput.js';
import { refusalMessages } from '../../app/api/refusalMessages.js';
import { serviceIdSchema } from '../../app/api/serviceIdSchema.js';
import { chinese, frame } from './fixtures.js';

/** One valid example of every input the screen may send; a Record, so a new input type must be added here. */
const validInputs: { [T in KioskInput['type']]: Extract<KioskInput, { type: T }> } = {
  'citizen.touch': { type: 'citizen.touch' },
  'citizen.text': { type: 'citizen.text', text: '失业金怎么领' },
  'citizen.tapService': { type: 'citizen.tapService', service: 'pension-auth' },
  'citizen.tapQuestion': { type: 'citizen.tapQuestion', text: '灵活就业怎么参保' },
  'citizen.end': { type: 'citizen.end' },
  'citizen.tapQuery': { type: 'citizen.tapQuery', service: 'query_contribution_base' },
  'citizen.recordAction': { type: 'citizen.recordAction', action: 'print' },
  'citizen.changeCitizen': { type: 'citizen.changeCitizen' },
  'citizen.transactionAction': { type: 'citizen.transactionAction', action: 'change', field: 'phone' },
  'staff.unlock': { type: 'staff.unlock', pin: '2580' },
  'staff.lock': { type: 'staff.lock' },
  'staff.printSample': { type: 'staff.printSample', citizenId: 'demo-001' },
  'staff.closeRequest': { type: 'staff.closeRequest', id: 7 },
  'staff.enrollPhoto': { type: 'staff.enrollPhoto', citizenId: 'QD0001', frame: frame() as never },
  'presence.arrived': { type: 'presence.arrived' },
  'presence.left': { type: 'presence.left' },
  'presence.changed': { type: 'presence.changed' },
  'auth.idNumber': { type: 'auth.idNumber', idNumber: '370203196203150422' },
  'auth.frame': { type: 'auth.frame', frame: frame() as never },
  'auth.cancel': { type: 'auth.cancel' },
  'camera.lost': { type: 'camera.lost', reason: 'ended' },
  'camera.restored': { type: 'camera.restored' },
};

function refusal(raw: unknown): { message: string; reason: string } {
  const parsed = parseKioskInput(raw);
  if (parsed.ok) throw new Error(`accepted ${JSON.stringify(raw)}`);
  return parsed.error;
}

describe('parseKioskInput: every input type', () => {
  it.each(Object.entries(validInputs))('accepts %s as it is', (_type, input) => {
    expect(parseKioskInput(input)).toEqual({ ok: true, input });
  });

  it.each(Object.entries(validInputs))('drops fields %s does not have', (_type, input) => {
    expect(parseKioskInput({ ...input, extra: 'x', __proto__: { polluted: true } })).toEqual({ ok: true, input });
  });

  it('offers every service the contract names', () => {
    for (const service of serviceIdSchema.options) {
      expect(parseKioskInput({ type: 'citizen.tapService', service })).toEqual({ ok: true, input: { type: 'citizen.tapService', service } });
    }
  });

  it.each([
    ['no object', null],
    ['a string', 'citizen.touch'],
    ['an array', [{ type: 'citizen.touch' }]],
    ['no type', { text: '失业金' }],
    ['a type that is not a string', { type: 42 }],
    ['an unknown type', { type: 'citizen.openSafe' }],
    ['an unknown family', { type: 'robot.move', x: 1 }],
    ['a family without a member', { type: 'auth.' }],
    ['a core-only event', { type: 'voice.final', text: '失业金', pinyin: 'shi ye jin' }],
    ['a near miss', { type: 'presence.maybe' }],
    ['a staff approval', { type: 'auth.approve' }],
  ])('refuses %s as unusable, in Chinese', (_label, raw) => {
    const error = refusal(raw);
    expect(error.message).toBe(refusalMessages.unusable);
    expect(error.message).toMatch(chinese);
  });
});

describe('citizen input', () => {
  it('trims a question once, here', () => {
    expect(parseKioskInput({ type: 'citizen.text', text: '  失业金怎么领 \n' })).toEqual({ ok: true, input: { type: 'citizen.text', text: '失业金怎么领' } });
    expect(parseKioskInput({ type: 'citizen.tapQuestion', text: '\t医保怎么转 ' })).toEqual({ ok: true, input: { type: 'citizen.tapQuestion', text: '医保怎么转' } });
  });

  it.each(['citizen.text', 'citizen.tapQuestion'])('refuses an empty or whitespace-only %s and asks for a question', (type) => {
    for (const text of ['', '   ', '\n\t ', '\u3000']) {
      expect(refusal({ type, text }).message, JSON.stringify(text)).toBe(refusalMessages.emptyQuestion);
    }
  });

  it('takes a question of 500 characters (after trimming) and refuses 501', () => {
    const longest = '问'.repeat(maxQuestionLength);
    expect(parseKioskInput({ type: 'citizen.text', text: `  ${longest}  ` })).toEqual({ ok: true, input: { type: 'citizen.text', text: longest } });
    expect(refusal({ type: 'citizen.text', text: `${longest}问` }).message).toBe(refusalMessages.questionTooLong);
    expect(refusal({ type: 'citizen.tapQuestion', text: 'x'.repeat(maxQuestionLength + 1) }).message).toContain(`${maxQuestionLength}个字`);
  });

  it('refuses a question that is not text', () => {
    for (const text of [undefined, null, 42, ['失业金'], { text: '失业金' }]) {
      expect(refusal({ type: 'citizen.text', text }).message).toBe(refusalMessages.unusable);
    }
  });

  it('refuses a service that does not exist', () => {
    for (const service of ['open-safe', '', undefined, 3, 'POLICY-QA']) {
      expect(refusal({ type: 'citizen.tapService', service }).message).toBe(refusalMessages.unknownService);
    }
  });
});

describe('staff input', () => {
  it('takes PINs of 4 to 12 digits only', () => {
    expect(parseKioskInput({ type: 'staff.unlock', pin: '123456789012' }).ok).toBe(true);
    for (const pin of ['25a0', '12', '123', '1234567890123', ' 2580', '２５８０', 2580, undefined]) {
      expect(refusal({ type: 'staff.unlock', pin }).message, String(pin)).toBe(refusalMessages.badPin);
    }
  });

  it('takes citizen ids of letters, digits, _ and - up to 40, never a path', () => {
    expect(parseKioskInput({ type: 'staff.printSample', citizenId: 'a'.repeat(40) }).ok).toBe(true);
    for (const citizenId of ['../../etc', 'QD 0001', '', 'a'.repeat(41), 'QD0001/', 42, undefined]) {
      expect(parseKioskInput({ type: 'staff.printSample', citizenId }).ok, String(citizenId)).toBe(false);
    }
  });

  it('takes a positive whole request id', () => {
    for (const id of [-1, 0, 1.5, '7', Number.NaN, 2 ** 60, undefined]) {
      expect(refusal({ type: 'staff.closeRequest', id }).message, String(id)).toMatch(chinese);
    }
  });

  it('takes a demo citizen id and one frame for an enrolment photo, nothing less', () => {
    expect(parseKioskInput({ type: 'staff.enrollPhoto', citizenId: '../QD0001', frame: frame() }).ok).toBe(false);
    expect(refusal({ type: 'staff.enrollPhoto', citizenId: 'QD0001', frame: frame({ width: 0 }) }).message).toBe(refusalMessages.badFrame);
    expect(refusal({ type: 'staff.enrollPhoto', citizenId: 'QD0001' }).message).toBe(refusalMessages.badFrame);
  });
});

describe('养老认证 input', () => {
  it('takes an 18-character ID number of digits with a final X, upper-casing x', () => {
    expect(parseKioskInput({ type: 'auth.idNumber', idNumber: '370203196203150422' })).toEqual({ ok: true, input: { type: 'auth.idNumber', idNumber: '370203196203150422' } });
    expect(parseKioskInput({ type: 'auth.idNumber', idNumber: '37020319620315042x' })).toEqual({ ok: true, input: { type: 'auth.idNumber', idNumber: '37020319620315042X' } });
  });

  it.each(['37020319620315042', '3702031962031504221', '3702031962031X0422', '37020319620315042Y', ' 370203196203150422', '３７０２０３１９６２０３１５０４２２', ''])(
    'refuses the ID number %j and says what it should be',
    (idNumber) => {
      expect(refusal({ type: 'auth.idNumber', idNumber }).message).toContain('18位');
    },
  );

  it('refuses an ID number that is not a string', () => {
    expect(refusal({ type: 'auth.idNumber', idNumber: 370203196203150 }).message).toContain('18位');
    expect(refusal({ type: 'auth.idNumber' }).message).toContain('18位');
  });

  it('takes auth.cancel and the two presence events without their extra fields', () => {
    expect(parseKioskInput({ type: 'auth.cancel', reason: 'x' })).toEqual({ ok: true, input: { type: 'auth.cancel' } });
    expect(parseKioskInput({ type: 'presence.left', faces: 3 })).toEqual({ ok: true, input: { type: 'presence.left' } });
  });
});

describe('camera input', () => {
  it('takes camera.lost with each reason and camera.restored', () => {
    for (const reason of ['no-camera', 'denied', 'ended'] as const) {
      expect(parseKioskInput({ type: 'camera.lost', reason })).toEqual({ ok: true, input: { type: 'camera.lost', reason } });
    }
    expect(parseKioskInput({ type: 'camera.restored', reason: 'ended' })).toEqual({ ok: true, input: { type: 'camera.restored' } });
  });

  it('refuses camera.lost without a known reason', () => {
    for (const reason of [undefined, '', 'unplugged', 'ENDED', 1]) {
      expect(refusal({ type: 'camera.lost', reason }).message, String(reason)).toBe(refusalMessages.unusable);
    }
  });
});

describe('what a refusal logs', () => {
  it('names the input type, the failed check and the field, never the content', () => {
    const secretQuestion = `我的身份证号是370203196203150422，${'问'.repeat(maxQuestionLength)}`;
    const tooLong = refusal({ type: 'citizen.text', text: secretQuestion });
    expect(tooLong.reason).toBe('citizen.text: too_big at text');
    const badId = refusal({ type: 'auth.idNumber', idNumber: '37020319620315042Y' });
    expect(badId.reason).toBe('auth.idNumber: invalid_format at idNumber');
    expect(badId.reason).not.toContain('3702');
    expect(refusal({ type: 'staff.unlock', pin: '25a0' }).reason).not.toContain('25a0');
    expect(refusal({ type: 'auth.frame', frame: frame({ width: 0 }) }).reason).toBe('auth.frame: too_small at frame.width');
  });

  it('does not repeat an unknown type, which is the sender’s text', () => {
    const error = refusal({ type: '370203196203150422 张三' });
    expect(error.reason).toBe('unknown type: invalid_union at type');
    expect(refusal(null).reason).toBe('unknown type: invalid_type at (root)');
  });
});

describe('the schema and the type are one', () => {
  it('parses to exactly what the KioskInput type describes', () => {
    const input: KioskInput = kioskInputSchema.parse({ type: 'camera.lost', reason: 'denied' });
    expect(input).toEqual({ type: 'camera.lost', reason: 'denied' });
  });
});
