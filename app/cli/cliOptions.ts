import { parseArgs, type ParseArgsConfig } from 'node:util';

/** parseArgs with the common --config option and a usage error instead of a stack trace. */
export function parseCliArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options: { config: { type: 'string' }, ...options }, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
}
