import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildElectron, buildRenderer } from '../../scripts/build.mjs';
import { loadConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { repoRoot } from '../core/config/repoRoot.js';
import { createKioskRuntime } from '../core/kioskRuntime.js';
import { createLogger } from '../core/log/createLogger.js';
import { findFaceLandmarkerModel, startWebKiosk } from '../web/index.js';
import { parseCliArgs, UsageError } from './cliOptions.js';
import { findElectronBinary } from './electronBinary.js';

/**
 * `kiosk start [--web] [--port N]`: the Electron kiosk where its binary exists; otherwise (or with --web)
 * the same UI and KioskApi served on loopback for Chromium, with the built-in simulators either way.
 */
export async function startCommand(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, { web: { type: 'boolean', default: false }, port: { type: 'string' }, host: { type: 'string' } }, false);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) throw new UsageError('--port takes a number from 0 to 65535');
  const overrides = { web: { ...(port !== undefined ? { port } : {}), ...(values.host ? { host: values.host } : {}) } };
  const { config, file } = loadConfig({ ...(values.config ? { file: values.config } : {}), overrides });
  const log = createLogger({ level: config.log.level });
  log.info({ config: file ?? 'defaults (built-in simulators)' }, 'configuration loaded');

  const electron = values.web ? null : findElectronBinary();
  if (electron) {
    await Promise.all([buildRenderer(), buildElectron()]);
    const child = spawn(electron, [path.join(repoRoot, 'dist', 'electron', 'main.cjs')], {
      stdio: 'inherit',
      env: { ...process.env, ...(file ? { KIOSK_CONFIG: file } : {}) },
    });
    return await new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }

  const rendererDir = await buildRenderer();
  const runtime = await createKioskRuntime(config, { log });
  const web = await startWebKiosk({
    api: runtime.api,
    host: config.web.host,
    port: config.web.port,
    rendererDir,
    faceLandmarkerModelPath: findFaceLandmarkerModel(config.modelDirs.map(resolveFromRoot)),
    log: (message, detail) => log.warn({ detail }, message),
  });
  if (!values.web) {
    process.stdout.write(
      'Electron 的程序文件没有安装（ELECTRON_SKIP_BINARY_DOWNLOAD），改为在本机回环地址上提供同样的自助机界面。\n' +
        'The Electron binary is not installed here, so the same kiosk UI is served on loopback instead.\n' +
        `Open it in Chromium's kiosk mode:  chromium --kiosk --app=${web.url}\n`,
    );
  }
  process.stdout.write(`WEB KIOSK READY ${web.url}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await web.close();
  await runtime.close();
  return 0;
}
