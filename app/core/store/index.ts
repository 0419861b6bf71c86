export { openDatabase, migrate } from './openDatabase.js';
export { kioskMigrations, type Migration } from './migrations.js';
export { SessionEventStore, type StoredSessionEvent } from './sessionEventStore.js';
export { StaffRequestStore, type StaffRequest } from './staffRequestStore.js';
