export { kioskConfigSchema, type KioskConfig, type LlmConfig, type BackendConfig, type SessionTimingConfig } from './kioskConfigSchema.js';
export { loadConfig, parseConfig, resolveFromRoot, ConfigError, type LoadConfigOptions } from './loadConfig.js';
export { repoRoot } from './repoRoot.js';
