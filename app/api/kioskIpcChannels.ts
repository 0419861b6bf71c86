/**
 * IPC channel names between the Electron main process and the preload bridge (the Electron transport of KioskApi).
 * - send: renderer → main, one KioskInput (checked with parseKioskInput in main).
 * - subscribe: renderer → main, "send me the current view now" (pushed back on `view`,
 *   so the first view and later ones arrive in order on one channel).
 * - view: main → renderer, every KioskView.
 */
export const kioskIpcChannels = {
  send: 'kiosk:send',
  subscribe: 'kiosk:subscribe',
  view: 'kiosk:view',
} as const;
