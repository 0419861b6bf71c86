import { existsSync, statSync } from 'node:fs';
import type { ModelManifest } from '../../../common/modelManifest.js';
import { readModelManifest } from '../../../common/node/readModelManifest.js';
import { checkModels } from '../../../speech/models/checkModels.js';
import { checkFaceModels } from '../../../vision/models/checkFaceModels.js';
import { faceModelEntries, type FaceModelEntry } from '../../../vision/models/faceModelManifest.js';
import { resolveFromRoot } from '../config/loadConfig.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import { diagnosticResult, type DiagnosticCheck, type DiagnosticResult, type DiagnosticStatus } from './diagnosticResult.js';

export interface ModelFilesCheckOptions {
  /** Default: models/manifest.json of the repository. */
  manifestPath?: string;
}

const REMEDY = {
  missing:
    '模型文件缺失：请在有网络的电脑上运行 `npm run models` 下载模型，再把整个模型文件夹复制到本机配置的模型目录（配置项 modelDirs）中，然后重启服务；若无法获取，请联系厂家提供模型包。',
  fallback: '该模型没有安装，本机正在使用同一用途的备用（开发版）模型，识别或合成效果可能较差：请按手册把正式模型复制到模型目录；如无模型包请联系厂家。',
  corrupt: '模型文件已损坏或版本不对（大小或 sha256 校验值与清单不符）：请删除该模型文件夹，重新从厂家提供的模型包或 `npm run models` 复制完整的文件夹，然后重启服务；反复出现请检查存储是否有坏块并联系厂家。',
  ttsFallback: '语音合成模型没有安装，本机正在用 espeak-ng 的机器音播报，老年人可能听不清：请按手册把语音合成模型文件夹复制到模型目录（配置项 modelDirs）后重启服务；如无模型包请联系厂家。',
  unverified: '模型文件存在，但清单中没有记录校验值，无法确认是否完整：可在有网络的电脑上运行 `npm run models -- --record` 记录校验值后更新清单；如识别异常请联系厂家。',
  manifest: '无法读取模型清单 models/manifest.json：请确认程序文件完整（重新安装本版本的程序），仍有问题请联系厂家。',
} as const;

interface ModelVerdict {
  id: string;
  role: string;
  tier: string;
  state: 'ok' | 'unverified' | 'missing' | 'corrupt';
  usable: boolean;
  /** Some of its files are there (an incomplete copy, not an absent model). */
  partial: boolean;
  reason: string;
  bytes: number | null;
}

/**
 * models.<id>: every speech and face model of the manifest, found in the configured model folders, its files
 * present with the recorded size and sha256 (the kiosk's own checks: speech/models/checkModels,
 * vision/models/checkFaceModels). A model that is absent while another of the same role is usable is a warning
 * (the kiosk falls back to it), and so is an absent TTS model (the kiosk speaks with espeak-ng); an incomplete or damaged one is a failure.
 */
export function modelFilesCheck(options: ModelFilesCheckOptions = {}): DiagnosticCheck<DiagnosticContext> {
  return {
    device: 'models',
    title: '模型文件',
    async run(context) {
      let manifest: ModelManifest;
      let faceEntries: FaceModelEntry[];
      try {
        manifest = readModelManifest(options.manifestPath);
        faceEntries = faceModelEntries(manifest);
      } catch (error) {
        return [diagnosticResult({ id: 'models.manifest', device: 'models', title: '模型清单', status: 'fail', measurements: { error: (error as Error).message }, remedy: REMEDY.manifest }, context.now())];
      }
      const modelDirs = context.config.modelDirs.map(resolveFromRoot);
      const verdicts: ModelVerdict[] = [];
      for (const s of await checkModels({ ...manifest, models: manifest.models.filter((m) => !faceEntries.includes(m as FaceModelEntry)) }, modelDirs)) {
        const present = s.files.filter((f) => f.state !== 'missing');
        const bytes = present.reduce((sum, f) => sum + (f.size ?? 0), 0);
        verdicts.push({ id: s.id, role: s.role, tier: s.tier, state: s.state, usable: s.usable, partial: present.length > 0, reason: s.reason, bytes: present.length > 0 ? bytes : null });
      }
      for (const s of await checkFaceModels(faceEntries, { modelDirs })) {
        verdicts.push({ id: s.id, role: s.role, tier: s.tier, state: s.state, usable: s.usable, partial: false, reason: s.reason, bytes: s.file !== undefined && existsSync(s.file) ? statSync(s.file).size : null });
      }
      const usableRoles = new Set(verdicts.filter((v) => v.usable).map((v) => v.role));
      return verdicts.map((v): DiagnosticResult => {
        let status: DiagnosticStatus;
        let remedy: string;
        if (v.state === 'ok') [status, remedy] = ['pass', ''];
        else if (v.state === 'unverified') [status, remedy] = ['warn', REMEDY.unverified];
        else if (v.state === 'corrupt') [status, remedy] = ['fail', REMEDY.corrupt];
        else if (!v.partial && usableRoles.has(v.role)) [status, remedy] = ['warn', REMEDY.fallback];
        // The kiosk speaks with espeak-ng when no TTS model is usable: poorer, but it works.
        else if (!v.partial && v.role === 'tts') [status, remedy] = ['warn', REMEDY.ttsFallback];
        else [status, remedy] = ['fail', REMEDY.missing];
        return diagnosticResult(
          { id: `models.${v.id}`, device: 'models', title: `模型 ${v.id}（${v.role}）`, status, measurements: { role: v.role, tier: v.tier, state: v.state, usable: v.usable, bytes: v.bytes, detail: v.reason }, remedy },
          context.now(),
        );
      });
    },
  };
}
