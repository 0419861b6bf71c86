import path from 'node:path';
import type { Logger } from 'pino';
import {
  createPrintSpooler,
  createPrinterClient,
  startVirtualPrinter,
  type PrintSpooler,
  type PrinterClient,
  type PrinterEvent,
  type VirtualPrinter,
} from '../../../printer/index.js';
import { createMotionClient, startMotionSimulator, type MotionClient, type MotionSimulator } from '../../../robot/index.js';
import { createIdCardReader, startIdCardReaderSimulator, type IdCardReader, type IdCardReaderSimulator } from '../../../idcard/index.js';
import type { KioskConfig } from '../config/kioskConfigSchema.js';
import type { FieldCipher } from '../privacy/fieldCipher.js';
import { openChipPhotoDecoder, type ChipPhotoDecoder } from './chipPhotoDecoder.js';
import { openPtyPair, socatAvailable, type PtyPair } from './socatPtyPair.js';

export interface DeviceState {
  name: string;
  state: string;
  detail: string;
}

const STATE_LABELS: Record<string, string> = {
  connecting: '正在连接',
  connected: '已连接',
  disconnected: '已断开',
  closed: '已关闭',
  unavailable: '不可用',
};

const ID_CARD_STATE_LABELS: Record<string, string> = {
  starting: '正在连接',
  ready: '已连接',
  faulted: '故障（请输入身份证号）',
  closed: '已关闭',
};

const ID_CARD_FAULT_LABELS: Record<string, string> = {
  disconnected: '读卡器未连接，请检查连接线',
  timeout: '读卡器没有回应',
  checksum: '读卡器通信出错',
  'sam-fault': '安全模块故障，请联系厂商',
};

export interface KioskDevices {
  /** Null when the robot base could not be set up (its reason is in `states()`). */
  robot: MotionClient | null;
  printer: PrinterClient | null;
  /** The print spooler (its database is the kiosk's; jobs survive restarts even without a printer). */
  spooler: PrintSpooler;
  /** The resident ID-card reader; null when the hall has none (`idcard.port: off`) or its simulator could not start. */
  idCardReader: IdCardReader | null;
  /** What decodes the chip photo: the licensed decoder, the simulator's demo decoder, or none. */
  chipPhotos: ChipPhotoDecoder;
  /** The built-in far sides, when configured as `simulator` (tests and the demo put cards on the simulated reader). */
  simulators: { robot: MotionSimulator | null; printer: VirtualPrinter | null; idCard: IdCardReaderSimulator | null };
  states(): DeviceState[];
  close(): Promise<void>;
}

export interface StartDevicesOptions {
  config: KioskConfig;
  dataDir: string;
  cipher: FieldCipher;
  log: Logger;
  onPrinterEvent?: (event: PrinterEvent) => void;
}

/**
 * Opens the robot base and the certificate printer: real serial ports when configured, otherwise the built-in
 * simulators on socat pty pairs (the same bytes as the real devices). A device that cannot start leaves the
 * kiosk running without it and says why.
 */
export async function startKioskDevices(options: StartDevicesOptions): Promise<KioskDevices> {
  const { config, dataDir, log } = options;
  const pairs: PtyPair[] = [];
  const problems = new Map<string, string>();
  const needsPty = config.robot.port === 'simulator' || config.printer.port === 'simulator' || config.idcard.port === 'simulator';
  const canPty = needsPty && socatAvailable();
  if (needsPty && !canPty) log.warn('socat is not installed: the built-in robot, printer and ID-card reader simulators cannot start (apt-get install socat)');

  async function simulatedPath(name: string): Promise<{ kiosk: string; device: string } | null> {
    if (!canPty) return null;
    const pair = await openPtyPair({ name });
    pairs.push(pair);
    return { kiosk: pair.kioskPath, device: pair.devicePath };
  }

  let robot: MotionClient | null = null;
  let robotSimulator: MotionSimulator | null = null;
  const robotPath = config.robot.port === 'simulator' ? await simulatedPath('robot') : { kiosk: config.robot.port, device: '' };
  if (robotPath) {
    if (config.robot.port === 'simulator') robotSimulator = await startMotionSimulator({ path: robotPath.device });
    robot = createMotionClient({ path: robotPath.kiosk, baudRate: config.robot.baudRate });
  } else {
    problems.set('robot', '未安装 socat，机器人底盘模拟器无法启动');
  }

  let printer: PrinterClient | null = null;
  let printerSimulator: VirtualPrinter | null = null;
  const printerPath = config.printer.port === 'simulator' ? await simulatedPath('printer') : { kiosk: config.printer.port, device: '' };
  if (printerPath) {
    if (config.printer.port === 'simulator') {
      printerSimulator = await startVirtualPrinter({ path: printerPath.device, outputDir: path.join(dataDir, 'virtual-printer') });
    }
    printer = createPrinterClient({ path: printerPath.kiosk });
  } else {
    problems.set('printer', '未安装 socat，打印机模拟器无法启动');
  }

  let idCardReader: IdCardReader | null = null;
  let idCardSimulator: IdCardReaderSimulator | null = null;
  const idCardPath = config.idcard.port === 'off' ? null : config.idcard.port === 'simulator' ? await simulatedPath('idcard') : { kiosk: config.idcard.port, device: '' };
  if (idCardPath) {
    if (config.idcard.port === 'simulator') idCardSimulator = await startIdCardReaderSimulator({ path: idCardPath.device });
    idCardReader = createIdCardReader({ path: idCardPath.kiosk, baudRate: config.idcard.baudRate });
  } else if (config.idcard.port === 'simulator') {
    problems.set('idcard', '未安装 socat，身份证读卡器模拟器无法启动');
  }
  const chipPhotos = await openChipPhotoDecoder(config.idcard, log);

  const spooler = createPrintSpooler({
    databasePath: path.join(dataDir, 'print-spool.sqlite'),
    seal: (text) => options.cipher.encrypt(text),
    unseal: (sealed) => options.cipher.decrypt(sealed),
    ...(printer ? { printer } : {}),
    ...(options.onPrinterEvent ? { onEvent: options.onPrinterEvent } : {}),
  });
  for (const job of spooler.recoveredJobs) log.warn({ job: job.id, state: job.state }, 'print job was mid-print at the last stop: staff must confirm or reprint it');

  return {
    robot,
    printer,
    spooler,
    idCardReader,
    chipPhotos,
    simulators: { robot: robotSimulator, printer: printerSimulator, idCard: idCardSimulator },
    states() {
      const simulated = (key: 'robot' | 'printer') => (config[key].port === 'simulator' ? '（模拟器）' : `（${config[key].port}）`);
      const robotState: DeviceState = robot
        ? { name: `机器人底盘${simulated('robot')}`, state: STATE_LABELS[robot.connectionState] ?? robot.connectionState, detail: robot.telemetry ? `电量 ${Math.round(robot.telemetry.battery)}%${robot.telemetry.estopLatched ? "，急停未复位" : ""}` : '' }
        : { name: '机器人底盘', state: STATE_LABELS.unavailable!, detail: problems.get('robot') ?? '' };
      const printerState: DeviceState = printer
        ? { name: `打印机${simulated('printer')}`, state: STATE_LABELS[printer.connected ? 'connected' : 'disconnected']!, detail: '' }
        : { name: '打印机', state: STATE_LABELS.unavailable!, detail: problems.get('printer') ?? '' };
      const idCardState: DeviceState | null =
        config.idcard.port === 'off'
          ? null
          : idCardReader
            ? {
                name: `身份证读卡器${config.idcard.port === 'simulator' ? '（模拟器）' : `（${config.idcard.port}）`}`,
                state: ID_CARD_STATE_LABELS[idCardReader.state] ?? idCardReader.state,
                detail: [idCardReader.fault ? ID_CARD_FAULT_LABELS[idCardReader.fault] : '', chipPhotos.summary].filter(Boolean).join('；'),
              }
            : { name: '身份证读卡器', state: STATE_LABELS.unavailable!, detail: problems.get('idcard') ?? '' };
      return idCardState ? [robotState, printerState, idCardState] : [robotState, printerState];
    },
    async close() {
      await robot?.close();
      await printer?.close();
      await idCardReader?.close();
      spooler.close();
      await robotSimulator?.stop();
      await printerSimulator?.close();
      await idCardSimulator?.stop();
      for (const pair of pairs) await pair.close();
    },
  };
}
