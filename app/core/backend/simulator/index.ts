export {
  createBackendSimulator,
  type BackendSimulator,
  type BackendSimulatorOptions,
} from './createBackendSimulator.js';
