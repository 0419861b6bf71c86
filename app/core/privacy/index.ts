export { scrubPersonalData, maskIdLike, isPersonalKey } from './scrubPersonalData.js';
export { createFieldCipher, type FieldCipher } from './fieldCipher.js';
