import { h } from './dom.js';

/** A place on the screen that is rebuilt only when its key changes, so taps, scrolling and videos are not disturbed. */
export interface Slot {
  element: HTMLElement;
  /** Rebuilds the slot when `key` differs from last time; returns whether it did. */
  update(key: string, build: () => HTMLElement | null): boolean;
}

export function createSlot(parent: HTMLElement, className: string): Slot {
  const element = h('div', { className });
  element.hidden = true;
  parent.append(element);
  let lastKey: string | null = null;
  return {
    element,
    update(key, build) {
      if (key === lastKey) return false;
      lastKey = key;
      const content = build();
      element.replaceChildren(...(content ? [content] : []));
      element.hidden = content === null;
      return true;
    },
  };
}
