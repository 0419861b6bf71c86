import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadFaceModels } from './models/loadFaceModels.js';
import { analyzeImage } from './analysis/analyzeFrame.js';
import { cosineSimilarity } from './embed/cosineSimilarity.js';
const root = '/work/shared/data/faces';
const models = await loadFaceModels();
const variant = process.argv[2] ?? 'default';
const rows = readFileSync(path.join(root, 'manifest.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
const items: { id: string; file: string; notes: string; emb: Float32Array | null; n: number }[] = [];
for (const r of rows) {
  const pad = variant === 'nopad' ? false : variant === 'padfaceapi' ? r[1]!.startsWith('faceapi') : true;
  const a = await analyzeImage(models, path.join(root, r[1]!), { padSmallImages: pad, mainFace: 'central' });
  items.push({ id: r[0]!, file: r[1]!, notes: r[r.length - 1]!, emb: a.face?.embedding ?? null, n: a.faceCount });
}
console.log('no face:', items.filter((i) => !i.emb).map((i) => i.file).join(' '));
const gen: [number, string, string][] = [], imp: [number, string, string][] = [];
for (let i = 0; i < items.length; i++) for (let j = i + 1; j < items.length; j++) {
  const a = items[i]!, b = items[j]!;
  const s = a.emb && b.emb ? cosineSimilarity(a.emb, b.emb) : -1;
  (a.id === b.id ? gen : imp).push([s, a.file, b.file]);
}
gen.sort((a, b) => a[0] - b[0]); imp.sort((a, b) => b[0] - a[0]);
const G = gen.map((g) => g[0]), I = imp.map((g) => g[0]);
let eer = 1, eerT = 0;
for (let t = -0.2; t <= 1; t += 0.001) { const far = I.filter((s) => s >= t).length / I.length, frr = G.filter((s) => s < t).length / G.length; const e = Math.max(far, frr); if (e < eer) { eer = e; eerT = t; } }
console.log(variant, 'gen', G.length, 'imp', I.length, 'EER~', eer.toFixed(4), '@', eerT.toFixed(3));
console.log('lowest genuine', gen.slice(0, 8).map((g) => `${g[0].toFixed(3)} ${g[1]} ${g[2]}`).join('\n'));
console.log('highest impostor', imp.slice(0, 5).map((g) => `${g[0].toFixed(3)} ${g[1]} ${g[2]}`).join('\n'));
for (const far of [1e-2, 1e-3]) { const t = I[Math.floor(far * I.length)]!; console.log('FAR', far, 'thr', t.toFixed(3), 'TAR', (G.filter((s) => s > t).length / G.length).toFixed(4)); }
