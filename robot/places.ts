import { normalizeHeading, type Pose } from './pose.js';

/**
 * Named places of the hall (窗口3, 自助区, 入口, 充电桩 …) with their map coordinates. The table comes from the kiosk's
 * configuration; the motion controller itself only knows coordinates.
 */
export type PlaceTable = Readonly<Record<string, Pose>>;

export type PlaceLookup = { found: true; name: string; pose: Pose } | { found: false; name: string; known: string[] };

/** Looks a place up by name, tolerating surrounding spaces and full-width digits (窗口３ is 窗口3). */
export function resolvePlace(places: PlaceTable, name: string): PlaceLookup {
  const wanted = canonicalPlaceName(name);
  for (const [placeName, pose] of Object.entries(places)) {
    if (canonicalPlaceName(placeName) === wanted) return { found: true, name: placeName, pose: { ...pose, heading: normalizeHeading(pose.heading) } };
  }
  return { found: false, name, known: Object.keys(places) };
}

function canonicalPlaceName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}
