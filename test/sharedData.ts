import path from 'node:path';
import { repoRoot } from '../app/core/config/repoRoot.js';

/**
 * The project's shared folder (seed, models, recordings, face photos) lies beside the checkout as `../shared`
 * on developer machines and in CI. Tests read it from there and skip with a message naming it when absent.
 */
export const sharedDir = process.env.KIOSK_SHARED_DIR ?? path.resolve(repoRoot, '..', 'shared');
export const sharedModelsDir = path.join(sharedDir, 'models');
export const sharedDataDir = path.join(sharedDir, 'data');
export const sharedSpeechDir = path.join(sharedDataDir, 'speech');
