import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../../../app/core/log/createLogger.js';
import { createVisionFaceAnalyzer } from '../../../../app/core/services/pensionAuth/visionFaceAnalyzer.js';
import { readFaceModelEntries } from '../../../../vision/models/faceModelManifest.js';
import { loadFaceModels, type FaceModels } from '../../../../vision/models/loadFaceModels.js';

const log = createLogger({ level: 'silent' });

describe('the analyzer over vision/', () => {
  it('close() releases the five ONNX Runtime sessions it loaded (InferenceSession.release)', async () => {
    let models: FaceModels | undefined;
    // Its own sessions (entries given: not the shared cache), so releasing them disturbs nobody.
    const analyzer = await createVisionFaceAnalyzer(log, { loadModels: async () => (models = await loadFaceModels({ entries: readFaceModelEntries() })) });
    expect(analyzer).not.toBeNull();
    const releases = [models!.detect, models!.landmark, models!.embed, models!.liveness, models!.eye].map((m) => vi.spyOn(m.session, 'release'));
    expect(releases.every((r) => r.mock.calls.length === 0)).toBe(true);
    await analyzer!.close();
    expect(releases.map((r) => r.mock.calls.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('is null (the service is not offered) when the models cannot be loaded', async () => {
    const warn = vi.spyOn(log, 'warn');
    expect(await createVisionFaceAnalyzer(log, { loadModels: async () => Promise.reject(new Error('face models unusable')) })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
