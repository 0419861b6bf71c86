export {
  createBackendSimulator,
  DEFAULT_ISSUING_HALL,
  DEFAULT_SHARED_DATA_DIR,
  type AccessLogEntry,
  type BackendSimulator,
  type BackendSimulatorOptions,
  type SimulatorInspection,
} from './createBackendSimulator.js';
export type { FaultControls } from './faultInjector.js';
export { demoCitizenSeeds, demoTagLabels, type DemoCitizenSeed } from './demoCitizens.js';
export { openSimulatorDatabase, type SimulatorDatabase } from './simulatorDatabase.js';
