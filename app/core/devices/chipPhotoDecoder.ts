import type { Logger } from 'pino';
import { demoWltDecoder, loadWltDecoder, NO_DECODER_MESSAGE, noWltDecoder, type WltDecoder } from '../../../idcard/index.js';
import type { IdCardConfig } from '../config/kioskConfigSchema.js';
import { resolveFromRoot } from '../config/loadConfig.js';
import { loadDemoCardPhotos } from './demoCardPhotos.js';

/** Which decoder turns chip photos (WLT) into pictures on this kiosk. */
export type ChipPhotoDecoderKind =
  /** None installed: cards fill the number, faces are checked against the photo on file. */
  | 'none'
  /** The site's module around the vendor's licensed decoder. */
  | 'licensed'
  /** The module is configured but could not be loaded: as 'none', and the log says why. */
  | 'failed'
  /** The simulator's demo cards only (never a real card). */
  | 'demo';

export interface ChipPhotoDecoder {
  kind: ChipPhotoDecoderKind;
  decoder: WltDecoder;
  /** For the staff panel's device list (plain Chinese). */
  summary: string;
}

/** Said once at start when a real reader has no decoder: what works, what does not, what the site must install. */
export const NO_CHIP_PHOTO_DECODER_LOG =
  '未安装身份证芯片照片（WLT）授权解码库：读卡器照常读出姓名和身份证号，但不能用芯片照片核验人脸，刷脸核验改用业务系统留存的照片。' +
  '请向读卡器厂商索取授权解码库，并在配置项 idcard.wltDecoder 中填写其适配模块的路径（见 docs/idcard.md 第 9、11 节）。 / ' +
  NO_DECODER_MESSAGE +
  ' Until then the kiosk checks faces against the photo on file.';

/**
 * The chip-photo decoder for the configured reader: the licensed module when one is configured; for the built-in
 * simulator, the demo decoder with the demo cards' photos; otherwise none, said once in the log in Chinese and English.
 * Never throws: a module that cannot be loaded leaves the kiosk without chip photos and the log names the reason.
 */
export async function openChipPhotoDecoder(config: IdCardConfig, log: Logger): Promise<ChipPhotoDecoder> {
  if (config.wltDecoder) {
    const loaded = await loadWltDecoder({ modulePath: resolveFromRoot(config.wltDecoder) });
    if (loaded.status === 'loaded') {
      log.info({ decoder: loaded.decoder.name, module: loaded.modulePath }, 'ID card chip photo decoder loaded');
      return { kind: 'licensed', decoder: loaded.decoder, summary: `芯片照片解码：${loaded.decoder.name}` };
    }
    if (loaded.status === 'failed') {
      log.error(
        { module: loaded.modulePath, reason: loaded.error.message },
        `身份证芯片照片解码模块无法加载，刷脸核验改用业务系统留存的照片 / the configured WLT decoder could not be loaded: ${loaded.error.message}`,
      );
      return { kind: 'failed', decoder: loaded.decoder, summary: '芯片照片解码模块加载失败，核验用留存照片' };
    }
  }
  if (config.port === 'simulator') {
    const dir = resolveFromRoot(config.demoPhotoDir);
    const { photos, missing } = await loadDemoCardPhotos(dir);
    if (missing.length > 0) log.info({ dir, missing }, 'simulator demo cards without a chip photo (face photos not found): the photo on file is used for them');
    log.info({ photos: photos.size }, 'ID card simulator: demo chip photos decoded by the demo decoder (it decodes no real card)');
    return { kind: 'demo', decoder: demoWltDecoder(photos), summary: `模拟器演示照片（${photos.size} 张）` };
  }
  if (config.port !== 'off') log.warn(NO_CHIP_PHOTO_DECODER_LOG);
  return { kind: 'none', decoder: noWltDecoder(), summary: '未安装芯片照片解码库，核验用留存照片' };
}
