import { createIdCardReader, type IdCardReader, type IdCardReaderOptions } from '../../../idcard/idCardReader.js';
import { hasValidIdNumberChecksum } from '../../../idcard/idNumberCheck.js';
import { startIdCardReaderSimulator, type IdCardReaderSimulator, type IdCardReaderSimulatorOptions } from '../../../idcard/simulator/idCardReaderSimulator.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult } from './diagnosticResult.js';
import { errorText, openDeviceEndpoint, skippedDevice, timed } from './deviceEndpoint.js';

export interface IdCardReaderCheckOptions {
  /** How long the reader may take to come up (its SAM status). Default 3000 ms. */
  readyTimeoutMs?: number;
  reader?: Partial<Omit<IdCardReaderOptions, 'path'>>;
  /** For the built-in simulator only: its options and a hook to put a card or inject faults. */
  simulator?: Partial<Omit<IdCardReaderSimulatorOptions, 'path'>>;
  onSimulator?: (simulator: IdCardReaderSimulator) => void | Promise<void>;
}

const REMEDY = {
  noAnswer: '身份证读卡器没有回应：请检查读卡器的串口线（或USB线）和电源是否插好，确认配置中的端口（idcard.port）正确，然后重新检查。',
  samFault: '读卡器的安全模块（SAM）回答异常：请关闭读卡器电源后重新开机；仍然如此请联系读卡器厂家，安全模块需要厂家检修。',
  noCard: '读卡器上没有身份证，未做读卡测试：请把一张测试用身份证平放在读卡区后重新检查。',
  readFailed: '读卡失败：请把身份证平放在读卡区中央不要移动后重试；多张卡都读不出请联系读卡器厂家。',
} as const;

/**
 * The resident ID-card reader: the SAM answers its status and ID (a device identifier, not a person's data), and a
 * card is read end to end when one is on the reader (skipped otherwise). Nothing from the card is kept: only sizes
 * and whether the number's check character is right.
 */
export function idCardReaderCheck(options: IdCardReaderCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'idcard',
    title: '身份证读卡器',
    async run(context) {
      const endpoint = await openDeviceEndpoint(context.config.idcard.port, 'diag-idcard');
      if (endpoint.kind === 'unavailable') return [skippedDevice('idcard', 'idcard.sam', '读卡器安全模块（SAM）', endpoint.reason, context.now())];
      let simulator: IdCardReaderSimulator | null = null;
      let reader: IdCardReader | null = null;
      try {
        if (endpoint.kind === 'simulator') {
          simulator = await startIdCardReaderSimulator({ ...options.simulator, path: endpoint.devicePath });
          await options.onSimulator?.(simulator);
        }
        reader = createIdCardReader({ baudRate: context.config.idcard.baudRate, poll: false, ...options.reader, path: endpoint.path });
        return await checkReader(reader, endpoint.kind === 'simulator', options, context);
      } finally {
        await reader?.close().catch(() => undefined);
        await simulator?.stop().catch(() => undefined);
        await endpoint.close();
      }
    },
  };
}

async function checkReader(reader: IdCardReader, simulated: boolean, options: IdCardReaderCheckOptions, context: DiagnosticContext): Promise<DiagnosticResult[]> {
  const sam = { id: 'idcard.sam', device: 'idcard' as const, title: '读卡器安全模块（SAM）' };
  const card = { id: 'idcard.read', device: 'idcard' as const, title: '读取身份证' };
  const ready = await reader.waitUntilReady(options.readyTimeoutMs ?? 3_000);
  const status = await timed(() => reader.samStatus());
  const id = status.error ? null : await timed(() => reader.samId());
  const measurements = { port: reader.path, simulator: simulated, ready, roundTripMs: status.ms, samId: id?.value?.text ?? null, ...(status.error || id?.error ? { error: errorText(status.error ?? id?.error) } : {}) };
  if (status.error || id?.error || !id?.value) {
    const kind = errorText(status.error ?? id?.error);
    const remedy = kind === 'sam-fault' ? REMEDY.samFault : REMEDY.noAnswer;
    return [
      diagnosticResult({ ...sam, status: 'fail', measurements, remedy }, context.now()),
      diagnosticResult({ ...card, status: 'skipped', measurements: { reason: 'reader-not-answering' }, remedy: '读卡器没有正常回应，未做读卡测试：请先按上一项的提示处理。' }, context.now()),
    ];
  }
  const results = [diagnosticResult({ ...sam, status: 'pass', measurements }, context.now())];
  const found = await timed(() => reader.findCard());
  if (found.value !== true) {
    results.push(diagnosticResult({ ...card, status: 'skipped', measurements: { cardPresent: false }, remedy: REMEDY.noCard }, context.now()));
    return results;
  }
  const read = await timed(() => reader.readCard());
  if (!read.value) {
    results.push(diagnosticResult({ ...card, status: 'fail', measurements: { cardPresent: true, error: errorText(read.error), durationMs: read.ms }, remedy: REMEDY.readFailed }, context.now()));
    return results;
  }
  const m = { cardPresent: true, durationMs: read.ms, textBytes: read.value.textBytes.length, photoBytes: read.value.wlt.length, idNumberChecksumOk: hasValidIdNumberChecksum(read.value.text.idNumber) };
  results.push(diagnosticResult({ ...card, status: m.idNumberChecksumOk ? 'pass' : 'warn', measurements: m, remedy: m.idNumberChecksumOk ? null : REMEDY.readFailed }, context.now()));
  return results;
}
