import type { KioskInput } from '../api/kioskApi.js';

/**
 * How a screen part reports what the citizen (or, on the staff panel, a member of staff) did.
 * Returns false when the input could not be sent (offline).
 */
export type SendInput = (input: KioskInput) => boolean;
