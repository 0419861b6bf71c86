import { connectHallBackend } from '../core/backend/connectHallBackend.js';
import { loadConfig, resolveFromRoot } from '../core/config/loadConfig.js';
import { parseCliArgs, UsageError } from './cliOptions.js';

/** `kiosk citizens`: the business-system simulator's demo citizens, for staff demos and testers. */
export async function citizensCommand(args: string[]): Promise<number> {
  const { values } = parseCliArgs(args, {}, false);
  const { config } = loadConfig(values.config ? { file: values.config } : {});
  if (config.backend.mode !== 'simulator') {
    throw new UsageError('演示市民只存在于业务系统模拟器中 (demo citizens exist only in the built-in simulator; backend.mode is "remote")');
  }
  const backend = await connectHallBackend(config.backend, resolveFromRoot(config.dataDir));
  try {
    const citizens = await backend.client.listDemoCitizens();
    const out = citizens.map((c) => ({
      id: c.citizenId,
      name: c.name,
      idNumber: c.idNumber,
      gender: c.gender,
      birthDate: c.birthDate,
      usefulFor: c.usefulFor.map((u) => u.tag),
      usefulForLabels: c.usefulFor.map((u) => u.label),
      referencePhoto: c.referencePhoto,
    }));
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } finally {
    await backend.close();
  }
}
