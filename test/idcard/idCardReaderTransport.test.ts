// The reader on an injected transport (DESIGN.md rule 2), with a scripted far side: what the client does with
// answers a well-behaved simulator never sends. Runs without socat.
import { describe, expect, it } from 'vitest';
import {
  CommandFrameReader,
  createIdCardReader,
  demoCards,
  encodeIdCardText,
  encodeResponseFrame,
  encodeSamId,
  IdCardError,
  joinBaseInfo,
  samCommandName,
  type HostCommand,
  type IdCardReader,
  type IdCardTransport,
  type SamCommandName,
} from '../../idcard/index.js';

type Answer = { sw3: number; data?: Uint8Array } | { raw: Uint8Array } | null;

/** A transport whose far side answers each command frame with what `script` returns for it. */
function scriptedLine(script: (command: SamCommandName | null, frame: HostCommand) => Answer[]) {
  const sent: (SamCommandName | null)[] = [];
  let dataListener: ((chunk: Uint8Array) => void) | undefined;
  const closeListeners: ((error: Error | undefined) => void)[] = [];
  let open = true;
  const reader = new CommandFrameReader();
  const transport: IdCardTransport = {
    get isOpen() {
      return open;
    },
    write(bytes) {
      if (!open) return Promise.reject(new Error('closed'));
      reader.feed(bytes, {
        onCommand: (frame) => {
          const name = samCommandName(frame.cmd, frame.para);
          sent.push(name);
          for (const answer of script(name, frame)) {
            if (answer === null) continue;
            const out = 'raw' in answer ? answer.raw : encodeResponseFrame({ sw1: 0, sw2: 0, sw3: answer.sw3, data: answer.data ?? new Uint8Array(0) });
            setImmediate(() => dataListener?.(out));
          }
        },
      });
      return Promise.resolve();
    },
    onData(listener) {
      dataListener = listener;
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    close() {
      if (open) {
        open = false;
        for (const l of closeListeners) l(undefined);
      }
      return Promise.resolve();
    },
  };
  return { sent, transport, openPort: () => Promise.resolve(transport) };
}

const SAM_ID = encodeSamId({ a: 5, b: 1, date: 20200101, serial1: 1, serial2: 2 });
const healthy = (command: SamCommandName | null): Answer[] | null => {
  if (command === 'samStatus') return [{ sw3: 0x90 }];
  if (command === 'samId') return [{ sw3: 0x90, data: SAM_ID }];
  return null;
};

async function failure(promise: Promise<unknown>): Promise<IdCardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof IdCardError) return error;
    throw error;
  }
  throw new Error('expected an IdCardError');
}

async function readerOn(script: (command: SamCommandName | null, frame: HostCommand) => Answer[]): Promise<{ reader: IdCardReader; sent: (SamCommandName | null)[] }> {
  const line = scriptedLine((command, frame) => healthy(command) ?? script(command, frame));
  const reader = createIdCardReader({ path: 'scripted', openPort: line.openPort, poll: false, commandTimeoutMs: 2_000 });
  expect(await reader.waitUntilReady(20_000)).toBe(true);
  return { reader, sent: line.sent };
}

const text = encodeIdCardText(demoCards[0]!.text);

describe('reader on an injected transport', () => {
  it('reads through whatever transport it is given', async () => {
    const { reader, sent } = await readerOn((command) => {
      if (command === 'findCard') return [{ sw3: 0x9f, data: new Uint8Array(4) }];
      if (command === 'selectCard') return [{ sw3: 0x90, data: new Uint8Array(8) }];
      if (command === 'readBaseInfo') return [{ sw3: 0x90, data: joinBaseInfo({ text, wlt: new Uint8Array(1024) }) }];
      return [{ sw3: 0x21 }];
    });
    expect((await reader.readCard()).text).toEqual(demoCards[0]!.text);
    expect(sent).toEqual(['samStatus', 'samId', 'findCard', 'selectCard', 'readBaseInfo']);
    expect(reader.samIdText).toBe('05.01-20200101-0000000001-0000000002');
    await reader.close();
    expect(reader.state).toBe('closed');
    expect((await failure(reader.findCard())).kind).toBe('disconnected');
  });

  it('skips garbage ahead of an answer and counts a late extra answer without taking it for the next one', async () => {
    let finds = 0;
    const { reader } = await readerOn((command) => {
      if (command !== 'findCard') return [{ sw3: 0x21 }];
      finds++;
      // First find: noise, the answer, then a stray duplicate; the second find's answer is 0x80.
      return finds === 1 ? [{ raw: Uint8Array.of(0x00, 0xaa, 0x96, 0x13) }, { sw3: 0x9f, data: new Uint8Array(4) }, { sw3: 0x9f, data: new Uint8Array(4) }] : [{ sw3: 0x80 }];
    });
    expect(await reader.findCard()).toBe(true);
    await new Promise((r) => setTimeout(r, 20));
    expect(await reader.findCard()).toBe(false);
    expect(reader.stats()).toMatchObject({ unexpectedFrames: 1, discardedBytes: 4 });
    await reader.close();
  });

  it('settles bad-response for an answer of the wrong class or shape, unsupported-card for a permit', async () => {
    const permit = Uint8Array.from(text);
    permit.set([0x49, 0x00], 248); // 'I': foreigner's permanent residence card
    let read = 0;
    const { reader } = await readerOn((command) => {
      if (command === 'findCard') return [{ sw3: 0x90 }]; // success, but not find's success
      if (command === 'selectCard') return [{ sw3: 0x90, data: new Uint8Array(8) }];
      if (command === 'readBaseInfo') {
        read++;
        if (read === 1) return [{ sw3: 0x90, data: new Uint8Array(3) }];
        if (read === 2) return [{ sw3: 0x90, data: joinBaseInfo({ text, wlt: new Uint8Array(1000) }) }];
        return [{ sw3: 0x90, data: joinBaseInfo({ text: permit, wlt: new Uint8Array(1024) }) }];
      }
      return [{ sw3: 0x21 }];
    });
    expect(await failure(reader.findCard())).toMatchObject({ kind: 'bad-response', status: 0x90, command: 'findCard' });
    expect((await failure(reader.readBaseInfo())).kind).toBe('bad-response');
    expect((await failure(reader.readBaseInfo())).message).toMatch(/1000 bytes of photo/);
    expect((await failure(reader.readBaseInfo())).kind).toBe('unsupported-card');
    await reader.close();
  });

  it('a SAM that receives our frame corrupted (0x10) gets it again; twice in a row settles checksum', async () => {
    let statuses = 0;
    const { reader, sent } = await readerOn((command) => {
      if (command === 'selectCard') return [{ sw3: ++statuses === 1 ? 0x10 : 0x90, data: new Uint8Array(statuses === 1 ? 0 : 8) }];
      if (command === 'findCard') return [{ sw3: 0x10 }];
      return [{ sw3: 0x21 }];
    });
    await reader.selectCard();
    expect(sent.filter((c) => c === 'selectCard')).toHaveLength(2);
    expect(await failure(reader.findCard())).toMatchObject({ kind: 'checksum', status: 0x10 });
    expect(sent.filter((c) => c === 'findCard')).toHaveLength(2);
    await reader.close();
  });
});
