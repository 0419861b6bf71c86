import { compareImages } from '../../vision/cli/compareImages.js';
import { embedImages } from '../../vision/cli/embedImages.js';
import { livenessOfImage } from '../../vision/cli/livenessOfImage.js';
import { UsageError } from './cliOptions.js';

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
      for (const result of await embedImages(files)) process.stdout.write(`${JSON.stringify(result)}\n`);
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
