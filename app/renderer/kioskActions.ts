import type { CitizenInput } from '../api/kioskApi.js';

/** How a screen part reports what the citizen did. Returns false when the input could not be sent (offline). */
export type SendInput = (input: CitizenInput) => boolean;
