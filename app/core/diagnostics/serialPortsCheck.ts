import { constants as fsConstants, promises as fs } from 'node:fs';
import { SerialPort } from 'serialport';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult } from './diagnosticResult.js';
import { errorText } from './deviceEndpoint.js';

export interface SerialPortsCheckOptions {
  /** Enumeration (udev); injectable for tests. Default SerialPort.list(). */
  list?: () => Promise<{ path: string }[]>;
}

const DEVICES = [
  { key: 'robot', name: '机器人底盘', title: '底盘串口' },
  { key: 'printer', name: '打印机', title: '打印机串口' },
  { key: 'idcard', name: '身份证读卡器', title: '读卡器串口' },
] as const;

/**
 * The serial ports: what udev enumerates, and for each device the port the configuration names — whether it exists,
 * which enumerated port it is (a udev symlink resolves to it), whether the kiosk user may read and write it. Which
 * device answers on which port is the device checks' `port` measurement.
 */
export function serialPortsCheck(options: SerialPortsCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'serial',
    title: '串口',
    async run(context) {
      const results: DiagnosticResult[] = [];
      let enumerated: string[] = [];
      try {
        enumerated = (await (options.list ?? (() => SerialPort.list()))()).map((p) => p.path).sort();
        results.push(
          diagnosticResult(
            { id: 'serial.enumerate', device: 'serial', title: '串口列表', status: 'pass', measurements: { count: enumerated.length, ports: enumerated.join(' ') } },
            context.now(),
          ),
        );
      } catch (error) {
        results.push(
          diagnosticResult(
            {
              id: 'serial.enumerate',
              device: 'serial',
              title: '串口列表',
              status: 'warn',
              measurements: { count: null, error: errorText(error) },
              remedy: '无法列出本机串口（需要 udev / udevadm）：下面各设备的串口仍会逐个检查；如需列表请确认系统装有 udev。',
            },
            context.now(),
          ),
        );
      }
      for (const device of DEVICES) results.push(await portResult(device, context.config[device.key].port, enumerated, context));
      return results;
    },
  };
}

async function portResult(device: (typeof DEVICES)[number], port: string, enumerated: string[], context: DiagnosticContext): Promise<DiagnosticResult> {
  const base = { id: `serial.${device.key}`, device: 'serial' as const, title: device.title };
  if (port === 'simulator' || port === 'off') {
    const reason = port === 'off' ? `配置中未启用${device.name}（port: off）` : `${device.name}配置为内置模拟器，不使用真实串口`;
    return diagnosticResult({ ...base, status: 'skipped', measurements: { configured: port, reason }, remedy: `未检查：${reason}。` }, context.now());
  }
  const resolved = await fs.realpath(port).catch(() => null);
  if (resolved === null) {
    return diagnosticResult(
      {
        ...base,
        status: 'fail',
        measurements: { configured: port, exists: false, enumeratedPorts: enumerated.join(' ') },
        remedy: `配置的${device.name}串口 ${port} 不存在：请检查${device.name}的USB/串口线是否插好、电源是否打开；若端口名变了，请按上面的串口列表修改配置（${device.key}.port），最好使用 udev 固定名称。`,
      },
      context.now(),
    );
  }
  const access = await fs.access(port, fsConstants.R_OK | fsConstants.W_OK).then(
    () => true,
    () => false,
  );
  const listed = enumerated.includes(port) || enumerated.includes(resolved);
  const measurements = { configured: port, resolved, exists: true, readWrite: access, enumerated: listed };
  if (!access) {
    return diagnosticResult(
      { ...base, status: 'fail', measurements, remedy: `没有读写 ${port} 的权限：请把运行服务的用户加入 dialout 组（sudo usermod -aG dialout <用户>）后重新登录，或检查 udev 规则中的权限设置。` },
      context.now(),
    );
  }
  if (!listed && enumerated.length > 0) {
    return diagnosticResult(
      { ...base, status: 'warn', measurements, remedy: `${port} 存在但不在系统串口列表中：请确认它确实是${device.name}所接的串口（看${device.name}检查中的“port”是否有回应）。` },
      context.now(),
    );
  }
  return diagnosticResult({ ...base, status: 'pass', measurements }, context.now());
}
