export { createLogger, type Logger, type LoggerOptions } from './createLogger.js';
