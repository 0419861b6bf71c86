import type { QueryTile } from '../api/kioskApi.js';
import type { SendInput } from './kioskActions.js';
import { h } from './dom.js';

/**
 * The 聊天查 menu after 权益查询: one big tile per query the core offers. A query that needs the face check first
 * says so on its tile (需刷脸), so nobody is surprised by the camera; the core decides whether it is asked.
 */
export function renderQueryMenu(tiles: QueryTile[], send: SendInput): HTMLElement {
  return h('section', { className: 'query-menu', testId: 'query-menu', attrs: { 'aria-label': '权益查询' } }, [
    h('h2', { className: 'query-menu-title' }, ['权益查询：请选择要查的项目']),
    tiles.some((tile) => tile.needsFace) && h('p', { className: 'query-menu-note' }, ['标有“需刷脸”的项目，要先输入身份证号、刷脸核实是您本人。']),
    tiles.length === 0
      ? h('p', { className: 'query-menu-empty', testId: 'query-menu-empty' }, ['现在没有可查的项目，请问工作人员。'])
      : h('div', { className: 'query-tiles' }, tiles.map((tile) => renderQueryTile(tile, send))),
  ]);
}

function renderQueryTile(tile: QueryTile, send: SendInput): HTMLButtonElement {
  const element = h(
    'button',
    {
      className: tile.needsFace ? 'query-tile query-tile-face' : 'query-tile',
      testId: `query-tile-${tile.service}`,
      attrs: { 'data-needs-face': String(tile.needsFace) },
      onClick: () => send({ type: 'citizen.tapQuery', service: tile.service }),
    },
    [
      h('span', { className: 'query-tile-label' }, [tile.label]),
      tile.needsFace && h('span', { className: 'query-tile-mark', testId: 'query-tile-needs-face' }, ['需刷脸']),
    ],
  );
  element.type = 'button';
  return element;
}
