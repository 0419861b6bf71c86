// Lint with the house layering rule (DESIGN.md "Rules of the house" 1): a wrong import fails CI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'worker_threads', 'events', 'util', 'zlib', 'buffer', 'tty', 'dgram', 'dns', 'readline'];
const nodeOnlyPackages = ['better-sqlite3', 'serialport', '@serialport/*', 'sherpa-onnx-node', 'onnxruntime-node', 'ws', 'pino', 'sharp', '@node-rs/*', 'electron'];
const deviceFolders = ['robot', 'printer', 'speech', 'vision'];

function restrict(patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'bench/results/', 'test/e2e/screenshots/', 'data/runtime/', 'data/models/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', URL: 'readonly', fetch: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', performance: 'readonly', queueMicrotask: 'readonly', structuredClone: 'readonly', window: 'readonly', document: 'readonly', WebSocket: 'readonly', location: 'readonly', navigator: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['app/core/**'],
    rules: restrict([
      { group: ['electron'], message: 'app/core is plain Node: it never imports electron.' },
      { group: ['**/renderer/**', '**/app/main/**', '**/app/preload/**', '**/app/web/**'], message: 'app/core never imports renderer, Electron or web-transport code.' },
    ]),
  },
  {
    files: ['app/renderer/**'],
    rules: restrict([
      { group: nodeBuiltins, message: 'app/renderer is browser code: no Node modules.' },
      { group: nodeOnlyPackages, message: 'app/renderer is browser code: no Node-only packages.' },
      { group: ['**/core/**', '**/main/**', '**/preload/**', '**/web/**', '**/cli/**'], message: 'app/renderer talks to the core only through KioskApi (app/api).' },
    ]),
  },
  {
    files: ['app/api/**'],
    rules: restrict([
      { group: [...nodeBuiltins, ...nodeOnlyPackages], message: 'app/api is shared by renderer and core: types only.' },
      { group: ['**/core/**', '**/renderer/**'], message: 'app/api depends on nothing.' },
    ]),
  },
  ...deviceFolders.map((folder) => ({
    files: [`${folder}/**`],
    rules: restrict([
      { group: ['**/app/**', '../app', '../app/**'], message: `${folder}/ is a device library: it never imports app/.` },
      ...deviceFolders.filter((f) => f !== folder).map((other) => ({ group: [`**/${other}/**`, `../${other}`, `../${other}/**`], message: `${folder}/ never imports another device folder (${other}/).` })),
    ]),
  })),
);
