import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

// One tsconfig per runtime (DESIGN.md, rules of the house 1): the wrong runtime's globals fail the
// typecheck. Each case writes one probe file into a scratch copy of the project's layout that holds
// the project's own tsconfig files and package.json (copied unchanged) and its node_modules (linked), finds the one
// config whose `include` takes the probe, and type-checks the probe with that config's options.

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const runtimeConfigNames = ['common', 'common-node', 'api', 'renderer', 'node', 'electron', 'browser-test'] as const;
type Runtime = (typeof runtimeConfigNames)[number];

type Probe = { file: string; runtime: Runtime; code: string; error?: string };
const cannotFind = (name: string): string => `Cannot find name '${name}'`;
const probes: Probe[] = [
  // The wrong runtime's globals.
  { file: 'app/core/documentProbe.ts', runtime: 'node', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'app/core/session/windowProbe.ts', runtime: 'node', code: 'export const width = window.innerWidth;\n', error: cannotFind('window') },
  { file: 'app/cli/documentProbe.ts', runtime: 'node', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'app/web/documentProbe.ts', runtime: 'node', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'robot/documentProbe.ts', runtime: 'node', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'vision/documentProbe.ts', runtime: 'node', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'test/core/documentProbe.test.ts', runtime: 'node', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'app/renderer/bufferProbe.ts', runtime: 'renderer', code: "export const bytes = Buffer.from('x');\n", error: cannotFind('Buffer') },
  { file: 'app/renderer/camera/processProbe.ts', runtime: 'renderer', code: 'export const env = process.env;\n', error: cannotFind('process') },
  { file: 'app/renderer/requireProbe.ts', runtime: 'renderer', code: "export const fs: unknown = require('fs');\n", error: cannotFind('require') },
  { file: 'app/api/bufferProbe.ts', runtime: 'api', code: "export const bytes = Buffer.from('x');\n", error: cannotFind('Buffer') },
  { file: 'app/api/documentProbe.ts', runtime: 'api', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'common/bufferProbe.ts', runtime: 'common', code: "export const bytes = Buffer.from('x');\n", error: cannotFind('Buffer') },
  { file: 'common/documentProbe.ts', runtime: 'common', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'common/node/documentProbe.ts', runtime: 'common-node', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'app/main/documentProbe.ts', runtime: 'electron', code: 'export const title = document.title;\n', error: cannotFind('document') },
  { file: 'app/preload/documentProbe.ts', runtime: 'electron', code: 'export const title = document.title;\n', error: cannotFind('document') },
  // What each runtime does have.
  { file: 'app/core/cleanProbe.ts', runtime: 'node', code: "import { readFileSync } from 'node:fs';\nexport const bytes = Buffer.from(process.argv.join(' '));\nexport const read = readFileSync;\n" },
  { file: 'speech/cleanProbe.ts', runtime: 'node', code: "export const bytes = Buffer.alloc(2);\n" },
  { file: 'app/renderer/cleanProbe.ts', runtime: 'renderer', code: 'export const title = `${document.title} ${window.location.href}`;\n' },
  { file: 'app/api/cleanProbe.ts', runtime: 'api', code: "import { z } from 'zod';\nexport const last = z.array(z.number()).parse([1, 2]).at(-1);\n" },
  { file: 'common/cleanProbe.ts', runtime: 'common', code: 'export const last = [1, 2].findLast((n) => n > 0);\n' },
  { file: 'common/node/cleanProbe.ts', runtime: 'common-node', code: "import { createHash } from 'node:crypto';\nexport const digest = createHash('sha256').update(Buffer.from('x')).digest('hex');\n" },
  { file: 'app/main/cleanProbe.ts', runtime: 'electron', code: "import { app } from 'electron';\nexport const ready: Promise<void> = app.whenReady();\nexport const bytes = Buffer.alloc(1);\n" },
  { file: 'app/preload/cleanProbe.ts', runtime: 'electron', code: "import { contextBridge } from 'electron';\nexport const expose = contextBridge.exposeInMainWorld;\n" },
  // Playwright hands page functions to the browser, and app/renderer's tests fake its DOM objects:
  // tests that touch browser code have the DOM beside Node.
  { file: 'test/e2e/pageProbe.e2e.test.ts', runtime: 'browser-test', code: 'export const inPage = (): string => document.title;\nexport const inNode = Buffer.alloc(1);\n' },
  { file: 'test/renderer/fakeCamera.test.ts', runtime: 'browser-test', code: 'export const fake = { getTracks: (): MediaStreamTrack[] => [] } as unknown as MediaStream;\n' },
];

let scratch = '';
const parsedConfigs = new Map<Runtime, ts.ParsedCommandLine>();
const sourceFiles = new Map<string, ts.SourceFile | undefined>();

/** Parses a tsconfig file; fails the test on any error in it. */
function parseConfig(configPath: string): ts.ParsedCommandLine {
  const problems: ts.Diagnostic[] = [];
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => problems.push(diagnostic),
  });
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  expect([...problems, ...parsed.errors].map(describeDiagnostic)).toEqual([]);
  return parsed;
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const where = diagnostic.file ? `${path.relative(scratch, diagnostic.file.fileName)}: ` : '';
  return `${where}TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
}

/** A compiler host that parses each library file once for all the cases. */
function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!sourceFiles.has(key)) sourceFiles.set(key, read(fileName, languageVersion, onError, shouldCreate));
    return sourceFiles.get(key);
  };
  return host;
}

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'runtime-types-'));
  // package.json too: its "type": "module" makes the probes ES modules, as in the project.
  for (const name of readdirSync(repoRoot).filter((entry) => /^tsconfig(\..+)?\.json$/.test(entry) || entry === 'package.json')) {
    copyFileSync(path.join(repoRoot, name), path.join(scratch, name));
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(scratch, 'node_modules'), 'junction');
  for (const probe of probes) {
    mkdirSync(path.dirname(path.join(scratch, probe.file)), { recursive: true });
    writeFileSync(path.join(scratch, probe.file), probe.code);
  }
  for (const runtime of runtimeConfigNames) parsedConfigs.set(runtime, parseConfig(path.join(scratch, `tsconfig.${runtime}.json`)));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('one tsconfig per runtime', () => {
  it.each(probes.map((probe) => [probe.file, probe.error ? `fails with "${probe.error}"` : 'passes', probe] as const))(
    '%s %s',
    (_file, _outcome, probe) => {
      const probePath = path.join(scratch, probe.file);
      const owners = runtimeConfigNames.filter((runtime) => parsedConfigs.get(runtime)?.fileNames.includes(probePath));
      expect(owners).toEqual([probe.runtime]);

      const { options } = parsedConfigs.get(probe.runtime)!;
      const program = ts.createProgram({ rootNames: [probePath], options, host: cachingHost(options) });
      expect([...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map(describeDiagnostic)).toEqual([]);
      const source = program.getSourceFile(probePath)!;
      const errors = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(describeDiagnostic);
      if (probe.error) {
        expect(errors).toHaveLength(1);
        expect(errors[0]).toContain(probe.error);
      } else {
        expect(errors).toEqual([]);
      }
    },
  );
});

describe('npm run typecheck', () => {
  const readJson = (file: string): unknown => ts.parseConfigFileTextToJson(file, readFileSync(path.join(repoRoot, file), 'utf8')).config;

  it('builds tsconfig.json, which references every runtime config', () => {
    const scripts = z.object({ scripts: z.object({ typecheck: z.string() }) }).parse(readJson('package.json')).scripts;
    const args = scripts.typecheck.split(/\s+/);
    expect(args[0]).toBe('tsc');
    expect(args.some((arg) => arg === '-b' || arg === '--build')).toBe(true);
    expect(args.filter((arg) => arg.endsWith('.json'))).toEqual(['tsconfig.json']);

    const root = z.object({ files: z.array(z.string()), references: z.array(z.object({ path: z.string() })) }).parse(readJson('tsconfig.json'));
    expect(root.files).toEqual([]);
    const present = readdirSync(repoRoot).filter((entry) => /^tsconfig\..+\.json$/.test(entry) && entry !== 'tsconfig.base.json');
    expect(root.references.map((reference) => path.basename(reference.path)).sort()).toEqual(present.sort());
    expect(present.sort()).toEqual(runtimeConfigNames.map((runtime) => `tsconfig.${runtime}.json`).sort());
  });

  it('checks every TypeScript file of the project under exactly one runtime', () => {
    const owners = new Map<string, Runtime[]>();
    for (const runtime of runtimeConfigNames) {
      for (const file of parseConfig(path.join(repoRoot, `tsconfig.${runtime}.json`)).fileNames) {
        const relative = path.relative(repoRoot, file).split(path.sep).join('/');
        owners.set(relative, [...(owners.get(relative) ?? []), runtime]);
      }
    }
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.mts', '*.cts'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file !== '' && existsSync(path.join(repoRoot, file)));
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((file) => owners.get(file)?.length !== 1).map((file) => `${file}: ${owners.get(file)?.join(', ') ?? 'no config'}`)).toEqual([]);
  });
});
