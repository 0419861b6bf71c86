import type { ServiceTile } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { h } from './dom.js';

/** Big service tiles; `compact` when an answer needs the room. */
export function renderServices(services: ServiceTile[], compact: boolean, send: SendInput): HTMLElement | null {
  if (services.length === 0) return null;
  return h('nav', { className: compact ? 'services services-compact' : 'services', testId: 'services', attrs: { 'aria-label': '服务项目' } }, [
    ...services.map((tile) => {
      const element = h('button', { className: 'tile', testId: `service-tile-${tile.id}`, onClick: () => send({ type: 'citizen.tapService', service: tile.id }) }, [
        h('span', { className: 'tile-label' }, [tile.label]),
        h('span', { className: 'tile-hint' }, [tile.hint]),
      ]);
      element.type = 'button';
      return element;
    }),
  ]);
}
