import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { kioskConfigSchema, type KioskConfig } from './kioskConfigSchema.js';
import { repoRoot } from './repoRoot.js';

/** A configuration problem that must stop start-up; the message names the key and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string, readonly issues: string[]) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface LoadConfigOptions {
  /** Path of a JSON config file; defaults to $KIOSK_CONFIG, then `kiosk.config.json` in the repo root if present. */
  file?: string;
  /** Values that win over the file (used by the command line and tests). */
  overrides?: Record<string, unknown>;
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const key = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `配置项 ${key}: ${issue.message}`;
}

export function parseConfig(raw: unknown): KioskConfig {
  const result = kioskConfigSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map(describeIssue);
    throw new ConfigError(`配置无效 (invalid configuration):\n  ${issues.join('\n  ')}`, issues);
  }
  return result.data;
}

export function loadConfig(options: LoadConfigOptions = {}): { config: KioskConfig; file: string | null } {
  const candidate = options.file ?? process.env.KIOSK_CONFIG ?? path.join(repoRoot, 'kiosk.config.json');
  let raw: Record<string, unknown> = {};
  let file: string | null = null;
  if (existsSync(candidate)) {
    file = path.resolve(candidate);
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`配置文件不是有效的 JSON (config file is not valid JSON): ${file}: ${(error as Error).message}`, []);
    }
  } else if (options.file ?? process.env.KIOSK_CONFIG) {
    throw new ConfigError(`找不到配置文件 (config file not found): ${candidate}`, []);
  }
  return { config: parseConfig(deepMerge(raw, options.overrides ?? {})), file };
}

/** Resolves a configured path against the repo root (absolute paths stay as they are). */
export function resolveFromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(repoRoot, p);
}

function deepMerge(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] =
      isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
