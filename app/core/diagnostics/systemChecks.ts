import { backendReachabilityCheck } from './backendReachabilityCheck.js';
import { configurationCheck } from './configurationCheck.js';
import { databaseIntegrityCheck } from './databaseIntegrityCheck.js';
import type { DiagnosticContext } from './diagnosticContext.js';
import type { DiagnosticCheck } from './diagnosticResult.js';
import { llmReachabilityCheck } from './llmReachabilityCheck.js';
import { modelFilesCheck } from './modelFilesCheck.js';
import { outboxBacklogCheck } from './outboxBacklogCheck.js';
import { storageCheck } from './storageCheck.js';
import { systemLoadCheck } from './systemLoadCheck.js';

export { backendReachabilityCheck, BACKEND_SLOW_MS, CLOCK_SKEW_FAIL_MS, CLOCK_SKEW_WARN_MS, type BackendReachabilityCheckOptions } from './backendReachabilityCheck.js';
export { configurationCheck } from './configurationCheck.js';
export { databaseIntegrityCheck } from './databaseIntegrityCheck.js';
export { llmReachabilityCheck, LLM_PROBE_TIMEOUT_MS, LLM_SLOW_MS, type LlmReachabilityCheckOptions } from './llmReachabilityCheck.js';
export { modelFilesCheck, type ModelFilesCheckOptions } from './modelFilesCheck.js';
export { outboxBacklogCheck, OUTBOX_OLDEST_FAIL_MS, OUTBOX_OLDEST_WARN_MS, OUTBOX_WAITING_WARN } from './outboxBacklogCheck.js';
export { storageCheck, DISK_FREE_FAIL_BYTES, DISK_FREE_WARN_BYTES, DISK_FREE_WARN_RATIO, type StatFs, type StorageCheckOptions } from './storageCheck.js';
export { systemLoadCheck, type SystemLoadCheckOptions } from './systemLoadCheck.js';

/**
 * The checks that need no device: storage (disk, database integrity), models, business system and LLM, the
 * outbox, the host (load, memory, temperature) and the configuration, in the order a technician reads them.
 */
export const systemDiagnosticChecks: DiagnosticCheck<DiagnosticContext>[] = [
  storageCheck(),
  databaseIntegrityCheck(),
  modelFilesCheck(),
  backendReachabilityCheck(),
  llmReachabilityCheck(),
  outboxBacklogCheck(),
  systemLoadCheck(),
  configurationCheck(),
];
