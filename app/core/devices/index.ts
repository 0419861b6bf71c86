export { openPtyPair, socatAvailable, type PtyPair } from './socatPtyPair.js';
