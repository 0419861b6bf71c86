import { routeUtterance, type Route } from '../nlu/routeUtterance.js';
import type { SessionEvent } from './sessionEvents.js';

// Several guards look at the same event: route it once.
const routes = new WeakMap<object, Route>();

/** What the citizen's typed, tapped or spoken line asks for; null for events that are not a line. */
export function routeOfCitizenLine(event: SessionEvent): Route | null {
  if (event.type === 'citizen.resolved') return event.route;
  if (event.type !== 'citizen.text' && event.type !== 'citizen.tapQuestion' && event.type !== 'voice.final') return null;
  let route = routes.get(event);
  if (!route) {
    route = event.type === 'voice.final' ? routeUtterance(event.text, event.pinyin) : routeUtterance(event.text);
    routes.set(event, route);
  }
  return route;
}
