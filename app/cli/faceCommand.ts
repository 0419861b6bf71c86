import { compareImages } from '../../vision/cli/compareImages.js';
import { embedImages, type EmbedImageResult } from '../../vision/cli/embedImages.js';
import { livenessOfImage } from '../../vision/cli/livenessOfImage.js';
import { guidanceFor } from '../core/services/pensionAuth/faceAuthLines.js';
import { UsageError } from './cliOptions.js';

/**
 * One `face embed` line: vision/'s result with, beside the quality failures, the sentence the kiosk would show
 * for them (`guidance`, null when the image passes), so a person reading the output sees what a citizen would.
 */
export function embedLine(result: EmbedImageResult) {
  const { ok, failures, ...measures } = result.quality;
  return { ...result, quality: { ok, failures, guidance: guidanceFor(failures), ...measures } };
}

const USAGE = 'kiosk face embed <image>... | kiosk face compare <a> <b> | kiosk face liveness <image>';

/**
 * `kiosk face embed <image>...` (one JSON line per image), `kiosk face compare <a> <b>` and
 * `kiosk face liveness <image>`: the face pipeline of the 养老认证 on files, for staff and calibration.
 */
export async function faceCommand(args: string[]): Promise<number> {
  const [sub, ...files] = args;
  switch (sub) {
    case 'embed': {
      if (files.length === 0) throw new UsageError(USAGE);
      for (const result of await embedImages(files)) process.stdout.write(`${JSON.stringify(embedLine(result))}\n`);
      return 0;
    }
    case 'compare': {
      if (files.length !== 2) throw new UsageError(USAGE);
      process.stdout.write(`${JSON.stringify(await compareImages(files[0]!, files[1]!))}\n`);
      return 0;
    }
    case 'liveness': {
      if (files.length !== 1) throw new UsageError(USAGE);
      process.stdout.write(`${JSON.stringify(await livenessOfImage(files[0]!))}\n`);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}
