import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../app/core/config/repoRoot.js';

// Lints source text as if it lived at a given path, with the project's own eslint.config.js.
const eslint = new ESLint({ cwd: repoRoot });
async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rule (DESIGN.md, rules of the house 1)', () => {
  it('fails when app/core imports electron or renderer code', async () => {
    expect(await restrictedImports('app/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toHaveLength(1);
    expect(await restrictedImports('app/core/session/x.ts', "import { renderKiosk } from '../../renderer/renderKiosk.js';\nexport const r = renderKiosk;\n")).toHaveLength(1);
  });

  it('fails when app/renderer imports Node modules or the core', async () => {
    expect(await restrictedImports('app/renderer/x.ts', "import fs from 'node:fs';\nexport const f = fs;\n")).toHaveLength(1);
    expect(await restrictedImports('app/renderer/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toHaveLength(1);
    expect(await restrictedImports('app/renderer/x.ts', "import { loadConfig } from '../core/config/loadConfig.js';\nexport const l = loadConfig;\n")).toHaveLength(1);
  });

  it('fails when a device folder imports app/ or another device folder', async () => {
    expect(await restrictedImports('robot/x.ts', "import { createLogger } from '../app/core/log/createLogger.js';\nexport const c = createLogger;\n")).toHaveLength(1);
    expect(await restrictedImports('printer/x.ts', "import { crc16 } from '../robot/crc16.js';\nexport const c = crc16;\n")).toHaveLength(1);
  });

  it('allows what the layers may use', async () => {
    expect(await restrictedImports('app/core/x.ts', "import fs from 'node:fs';\nimport { z } from 'zod';\nexport const a = [fs, z];\n")).toEqual([]);
    expect(await restrictedImports('app/renderer/x.ts', "import type { KioskView } from '../api/kioskApi.js';\nexport type V = KioskView;\n")).toEqual([]);
    expect(await restrictedImports('robot/x.ts', "import { SerialPort } from 'serialport';\nexport const s = SerialPort;\n")).toEqual([]);
  });
});
