// Builds the kiosk with esbuild: the browser renderer (also served by the web kiosk) and the Electron main + preload.
// Usage: node scripts/build.mjs [renderer|electron|all]   (default: all)
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Native addons and packages that load files at run time: they stay in node_modules, never in the bundle. */
export const nodeExternals = [
  'electron',
  'better-sqlite3',
  '@node-rs/jieba',
  'sherpa-onnx-node',
  'onnxruntime-node',
  'serialport',
  '@serialport/*',
  'pino',
  'pino-pretty',
];

/** Static files copied beside the renderer bundle. */
const rendererStaticFiles = ['index.html', 'styles.css'];

/** Bundles app/renderer into `outDir` (default dist/renderer) and returns that folder. */
export async function buildRenderer({ outDir = path.join(repoRoot, 'dist', 'renderer'), minify = false } = {}) {
  await mkdir(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'app', 'renderer', 'main.ts')],
    outfile: path.join(outDir, 'main.js'),
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    // A classic script: module scripts are blocked on file:// pages, which is how Electron loads it.
    format: 'iife',
    sourcemap: true,
    minify,
    logLevel: 'warning',
  });
  await Promise.all(
    rendererStaticFiles.map((name) => copyFile(path.join(repoRoot, 'app', 'renderer', name), path.join(outDir, name))),
  );
  return outDir;
}

/** Bundles the Electron main process and preload into `outDir` (default dist/electron) as CommonJS. */
export async function buildElectron({ outDir = path.join(repoRoot, 'dist', 'electron') } = {}) {
  await mkdir(outDir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: nodeExternals,
    logLevel: 'warning',
  };
  await Promise.all([
    esbuild.build({
      ...common,
      entryPoints: [path.join(repoRoot, 'app', 'main', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      plugins: [keepImportMetaUrl(outDir)],
    }),
    esbuild.build({
      ...common,
      entryPoints: [path.join(repoRoot, 'app', 'preload', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
    }),
  ]);
  return outDir;
}

export async function buildAll() {
  await Promise.all([buildRenderer(), buildElectron()]);
}

/**
 * CommonJS has no import.meta, and app/core finds its files from import.meta.url (repoRoot.ts).
 * Rewrite it in our own sources to the source file's real location, computed from the bundle's
 * __dirname at run time, so paths keep meaning what they meant in the source tree.
 */
function keepImportMetaUrl(outDir) {
  return {
    name: 'keep-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const fromBundle = (target) => JSON.stringify(path.relative(outDir, target).split(path.sep).join('/'));
        const file = `require("node:path").join(__dirname, ${fromBundle(args.path)})`;
        const dir = `require("node:path").join(__dirname, ${fromBundle(path.dirname(args.path))})`;
        const contents = source
          .replaceAll('import.meta.url', `require("node:url").pathToFileURL(${file}).href`)
          .replaceAll('import.meta.filename', file)
          .replaceAll('import.meta.dirname', dir);
        return { contents, loader: 'ts' };
      });
    },
  };
}

const runDirectly = process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (runDirectly) {
  const target = process.argv[2] ?? 'all';
  const builds = { renderer: buildRenderer, electron: buildElectron, all: buildAll };
  const run = builds[target];
  if (!run) {
    console.error(`unknown build target "${target}": use renderer, electron or all`);
    process.exit(2);
  }
  const started = performance.now();
  await run();
  console.log(`built ${target} in ${Math.round(performance.now() - started)} ms`);
}
