import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// The layering rule of DESIGN.md, rules of the house 1. The table of layers lives in eslint.config.js
// (`layers`); this file tries every pair of it, in every import form, and pins the pairs the house
// rules name so the table itself cannot quietly allow them.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const layerSchema = z.object({
  name: z.string(),
  folder: z.string(),
  mayImport: z.array(z.string()),
  packages: z.object({ only: z.array(z.string()).optional(), builtins: z.boolean().optional(), deny: z.array(z.string()).optional() }),
  why: z.string(),
});
type Layer = z.infer<typeof layerSchema>;
const eslintConfig: unknown = await import(pathToFileURL(path.join(repoRoot, 'eslint.config.js')).href);
const layers: Layer[] = z.object({ layers: z.array(layerSchema) }).parse(eslintConfig).layers;
const packageName = z.object({ name: z.string() }).parse(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))).name;

const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, 'eslint.config.js') });

type Finding = { line: number; message: string };
/** Lints `code` as if it lived at `file` (repository-relative) and returns the layering rule's findings. */
async function layerFindings(file: string, code: string): Promise<Finding[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  const fatal = (result?.messages ?? []).filter((m) => m.fatal);
  expect(fatal, `${file} must parse`).toEqual([]);
  return (result?.messages ?? []).filter((m) => m.ruleId === 'house/layers').map((m) => ({ line: m.line, message: m.message }));
}

function relativeSpecifier(fromFile: string, toFile: string): string {
  const relative = path.posix.relative(path.posix.dirname(fromFile), toFile);
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** One line per way of reaching `target` (repository-relative) from `file`: each must be judged alike. */
function everyImportForm(file: string, target: string): string[] {
  const relative = relativeSpecifier(file, target);
  const absolute = path.join(repoRoot, target);
  return [
    `import { a } from '${relative}';`,
    `import type { B } from '${relative}';`,
    `export { c } from '${relative}';`,
    `export * from '${relative}';`,
    `export const d = await import('${relative}');`,
    `export const e = require('${relative}');`,
    `import f = require('${relative}');`,
    `export type G = import('${relative}').G;`,
    `import '${absolute}';`,
    `import '${pathToFileURL(absolute).href}';`,
    `import '${packageName}/${target}';`,
    `import '${target}';`,
  ];
}

const pairs = layers.flatMap((importer) =>
  layers.filter((target) => target !== importer).map((target) => ({ importer, target, allowed: importer.mayImport.includes(target.name) })),
);

describe('layering rule: the table (eslint.config.js `layers`)', () => {
  it('names only layers that exist, and every folder with source code belongs to a layer', () => {
    const names = new Set(layers.map((layer) => layer.name));
    expect(names.size).toBe(layers.length);
    for (const layer of layers) for (const name of layer.mayImport) expect(names, `${layer.name} may import ${name}`).toContain(name);

    const sourceFiles = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.mts', '*.cts', '*.js', '*.mjs', '*.cjs'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file.includes('/') && existsSync(path.join(repoRoot, file)));
    const folders = [...new Set(sourceFiles.map((file) => file.split('/').slice(0, file.startsWith('app/') ? 2 : 1).join('/')))];
    const uncovered = folders.filter((folder) => !layers.some((layer) => folder === layer.folder || folder.startsWith(`${layer.folder}/`)));
    expect(uncovered).toEqual([]);
    expect(readdirSync(path.join(repoRoot, 'app')).filter((entry) => !layers.some((layer) => layer.folder === `app/${entry}`))).toEqual([]);
  });

  it('covers every pair of layers', () => {
    expect(pairs.length).toBe(layers.length * (layers.length - 1));
    expect(pairs.filter((pair) => !pair.allowed).length).toBeGreaterThan(pairs.length / 2);
  });
});

describe('layering rule: every forbidden pair fails, in every import form', () => {
  it.each(pairs.filter((pair) => !pair.allowed).map((pair) => [pair.importer.name, pair.target.name, pair] as const))(
    '%s → %s is an error',
    async (_importer, _target, { importer, target }) => {
      const file = `${importer.folder}/layeringProbe/probe.ts`;
      const lines = everyImportForm(file, `${target.folder}/x.js`);
      const findings = await layerFindings(file, lines.join('\n'));
      expect(findings.map((f) => f.line)).toEqual(lines.map((_, i) => i + 1));
      for (const finding of findings) expect(finding.message).toContain(`${importer.name} may not import ${target.name} (`);
    },
  );
});

describe('layering rule: every allowed pair passes, in every import form', () => {
  it.each(pairs.filter((pair) => pair.allowed).map((pair) => [pair.importer.name, pair.target.name, pair] as const))(
    '%s → %s is allowed',
    async (_importer, _target, { importer, target }) => {
      const file = `${importer.folder}/layeringProbe/probe.ts`;
      expect(await layerFindings(file, everyImportForm(file, `${target.folder}/x.js`).join('\n'))).toEqual([]);
    },
  );
});

describe('layering rule: the pairs the house rules name (fixed here, whatever the table says)', () => {
  const forbidden: [file: string, specifier: string][] = [
    ['app/renderer/x.ts', '../../vision/faceEmbedder.js'],
    ['app/renderer/camera/x.ts', '../../../robot/robotClient.js'],
    ['app/renderer/x.ts', '../../printer/index.js'],
    ['app/renderer/x.ts', '../../speech/index.js'],
    ['app/renderer/x.ts', '../../idcard/index.js'],
    ['app/renderer/x.ts', '../../common/node/x.js'],
    ['app/renderer/x.ts', '../core/config/loadConfig.js'],
    ['app/renderer/x.ts', '../preload/preload.js'],
    ['app/renderer/x.ts', '../main/main.js'],
    ['app/renderer/x.ts', '../web/index.js'],
    ['app/core/x.ts', '../cli/main.js'],
    ['app/core/session/x.ts', '../../renderer/renderKiosk.js'],
    ['app/core/x.ts', '../main/main.js'],
    ['app/core/x.ts', '../preload/preload.js'],
    ['app/core/x.ts', '../web/webKioskServer.js'],
    ['app/core/x.ts', 'electron'],
    ['app/preload/x.ts', '../core/kioskRuntime.js'],
    ['app/preload/x.ts', '../main/main.js'],
    ['app/preload/x.ts', '../web/index.js'],
    ['app/preload/x.ts', 'node:fs'],
    ['app/main/x.ts', '../web/webKioskServer.js'],
    ['app/main/x.ts', '../cli/main.js'],
    ['app/main/x.ts', '../renderer/main.js'],
    ['robot/x.ts', '../app/core/log/createLogger.js'],
    ['robot/x.ts', '../app/api/index.js'],
    ['printer/x.ts', '../robot/crc16.js'],
    ['speech/x.ts', '../vision/index.js'],
    ['vision/x.ts', '../speech/index.js'],
    ['common/x.ts', '../app/api/index.js'],
    ['common/x.ts', '../robot/index.js'],
    ['common/x.ts', './node/x.js'],
    ['common/x.ts', 'node:fs'],
    ['common/node/x.ts', '../../app/core/index.js'],
    ['common/node/x.ts', '../../vision/index.js'],
    ['app/api/x.ts', '../core/index.js'],
    ['app/api/x.ts', '../renderer/index.js'],
    ['app/api/x.ts', 'xstate'],
    ['app/api/x.ts', 'node:crypto'],
    ['app/renderer/x.ts', 'node:fs'],
    ['app/renderer/x.ts', 'fs'],
    ['app/renderer/x.ts', 'better-sqlite3'],
    ['app/renderer/x.ts', '@serialport/bindings-cpp'],
    ['app/renderer/x.ts', 'electron'],
    ['app/core/x.ts', '#core/x.js'],
    ['app/core/x.ts', '../../../shared/x.js'],
  ];
  it.each(forbidden)('%s importing %s is an error', async (file, specifier) => {
    expect(await layerFindings(file, `import '${specifier}';\n`)).toHaveLength(1);
  });

  const allowed: [file: string, specifier: string][] = [
    ['app/renderer/x.ts', '../api/kioskApi.js'],
    ['app/renderer/x.ts', '../../common/x.js'],
    ['app/renderer/x.ts', './camera/index.js'],
    ['app/renderer/x.ts', '@mediapipe/tasks-vision'],
    ['app/preload/x.ts', '../api/kioskIpcChannels.js'],
    ['app/preload/x.ts', 'electron'],
    ['app/main/x.ts', '../core/kioskRuntime.js'],
    ['app/main/x.ts', 'electron'],
    ['app/core/x.ts', '../../vision/index.js'],
    ['app/core/x.ts', '../../common/node/x.js'],
    ['app/core/x.ts', './vision/x.js'],
    ['app/core/x.ts', 'node:fs'],
    ['app/api/x.ts', 'zod'],
    ['app/api/x.ts', '../../common/x.js'],
    ['robot/x.ts', '../common/node/x.js'],
    ['robot/x.ts', 'serialport'],
    ['common/node/x.ts', '../x.js'],
    ['common/node/x.ts', 'node:fs'],
    ['app/cli/x.ts', '../web/index.js'],
    ['app/cli/x.ts', '../../scripts/build.mjs'],
    ['test/web/x.test.ts', '../../app/renderer/camera/faceGeometry.js'],
    ['test/core/x.test.ts', '../../vision/index.js'],
    ['bench/x.bench.ts', '../test/sharedData.js'],
  ];
  it.each(allowed)('%s importing %s is allowed', async (file, specifier) => {
    expect(await layerFindings(file, `import '${specifier}';\n`)).toEqual([]);
  });
});
