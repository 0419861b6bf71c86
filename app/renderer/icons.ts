import type { LivenessChallengeKind } from '../api/kioskApi.js';

const svgNs = 'http://www.w3.org/2000/svg';

/** An SVG element built node by node (never from markup), like `h` for HTML. */
export function svg(tag: string, attrs: Record<string, string | number> = {}, children: SVGElement[] = []): SVGElement {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const stroke = { fill: 'none', stroke: 'currentColor', 'stroke-width': 4, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };

function head(cx: number, cy: number): SVGElement[] {
  return [
    svg('ellipse', { cx, cy, rx: 13, ry: 16, ...stroke }),
    svg('circle', { cx: cx - 5, cy: cy - 3, r: 1.8, fill: 'currentColor' }),
    svg('circle', { cx: cx + 5, cy: cy - 3, r: 1.8, fill: 'currentColor' }),
  ];
}

/** A simple picture of each liveness action, for citizens who read slowly. */
export function challengeIcon(kind: LivenessChallengeKind): SVGElement {
  const parts: SVGElement[] = [];
  switch (kind) {
    case 'blink':
      parts.push(
        svg('path', { d: 'M6 30 Q32 6 58 30 Q32 54 6 30 Z', ...stroke }),
        svg('circle', { cx: 32, cy: 30, r: 8, fill: 'currentColor' }),
        svg('path', { d: 'M10 50 Q32 62 54 50 M18 52 l-3 6 M32 56 v6 M46 52 l3 6', ...stroke }),
      );
      break;
    case 'turnLeft':
      parts.push(...head(38, 26), svg('path', { d: 'M34 52 H8 M8 52 l9 -7 M8 52 l9 7', ...stroke }));
      break;
    case 'turnRight':
      parts.push(...head(26, 26), svg('path', { d: 'M30 52 H56 M56 52 l-9 -7 M56 52 l-9 7', ...stroke }));
      break;
    case 'openMouth':
      parts.push(
        svg('ellipse', { cx: 32, cy: 32, rx: 22, ry: 26, ...stroke }),
        svg('circle', { cx: 24, cy: 24, r: 2.5, fill: 'currentColor' }),
        svg('circle', { cx: 40, cy: 24, r: 2.5, fill: 'currentColor' }),
        svg('ellipse', { cx: 32, cy: 44, rx: 7, ry: 8, ...stroke }),
      );
      break;
    case 'nod':
      parts.push(...head(26, 32), svg('path', { d: 'M52 10 V54 M52 10 l-7 9 M52 10 l7 9 M52 54 l-7 -9 M52 54 l7 -9', ...stroke }));
      break;
  }
  return svg('svg', { class: 'challenge-icon', viewBox: '0 0 64 64', width: 64, height: 64, 'aria-hidden': 'true' }, parts);
}

/** A ring that empties as the seconds run out, with the seconds in the middle. */
export function secondsRing(secondsLeft: number, fullSeconds: number): SVGElement {
  const radius = 26;
  const circumference = 2 * Math.PI * radius;
  const share = fullSeconds > 0 ? Math.max(0, Math.min(1, secondsLeft / fullSeconds)) : 0;
  const urgent = secondsLeft <= 3;
  return svg('svg', { class: urgent ? 'seconds-ring seconds-ring-urgent' : 'seconds-ring', viewBox: '0 0 64 64', width: 64, height: 64, 'aria-hidden': 'true' }, [
    svg('circle', { cx: 32, cy: 32, r: radius, class: 'seconds-ring-track', fill: 'none', 'stroke-width': 6 }),
    svg('circle', {
      cx: 32,
      cy: 32,
      r: radius,
      class: 'seconds-ring-left',
      fill: 'none',
      'stroke-width': 6,
      'stroke-linecap': 'round',
      'stroke-dasharray': `${(share * circumference).toFixed(2)} ${circumference.toFixed(2)}`,
      transform: 'rotate(-90 32 32)',
    }),
    svg('text', { x: 32, y: 33, 'text-anchor': 'middle', 'dominant-baseline': 'middle', class: 'seconds-ring-text' }, [textNode(String(Math.max(0, Math.ceil(secondsLeft))))]),
  ]);
}

function textNode(text: string): SVGElement {
  // SVG <text> takes text nodes; wrap one in a tspan so `svg()` children stay elements.
  const span = document.createElementNS(svgNs, 'tspan');
  span.append(document.createTextNode(text));
  return span;
}
