/** How long a member of staff holds the brand mark to open the staff keypad; no citizen taps that long by accident. */
export const staffLongPressMs = 3_000;

/**
 * Calls `onLongPress` once a pointer has stayed down on `element` for `ms`. Lifting, leaving or a cancelled
 * pointer (a scroll, a second finger) stops the count; so does the element leaving the document (a redraw).
 */
export function addLongPress(element: HTMLElement, ms: number, onLongPress: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stop = (): void => {
    clearTimeout(timer);
    timer = undefined;
  };
  element.addEventListener('pointerdown', (event) => {
    if (!event.isPrimary) return stop();
    stop();
    timer = setTimeout(() => {
      timer = undefined;
      if (element.isConnected) onLongPress();
    }, ms);
  });
  for (const type of ['pointerup', 'pointerleave', 'pointercancel'] as const) element.addEventListener(type, stop);
}
