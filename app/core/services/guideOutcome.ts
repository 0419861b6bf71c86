/** What happened when the robot tried to take a citizen somewhere. */
export interface GuideOutcome {
  result: 'arrived' | 'blocked' | 'cancelled' | 'e-stop' | 'fault' | 'timed-out' | 'disconnected' | 'unknown-place';
  placeLabel: string;
  directions: string;
}

export interface GuideInput {
  placeId: string;
}
