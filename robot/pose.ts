/** Where the robot stands on the hall map: metres from the map origin, heading in degrees (0 = +x, counter-clockwise). */
export interface Pose {
  x: number;
  y: number;
  heading: number;
}

/** Maps any angle in degrees into (−180, 180]. */
export function normalizeHeading(degrees: number): number {
  let h = degrees % 360;
  if (h <= -180) h += 360;
  if (h > 180) h -= 360;
  return h;
}

export function distanceBetween(a: Pick<Pose, 'x' | 'y'>, b: Pick<Pose, 'x' | 'y'>): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
