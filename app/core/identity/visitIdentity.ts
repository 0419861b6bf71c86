import { SERVICES, type IdentityLevel, type ServiceName } from '../nlu/serviceCatalogue.js';

/**
 * Who the citizen in front of the robot is, as far as this visit knows. `verified`: their live face matched, with
 * liveness, the photo on file for the ID number they gave. Kept only for the visit, in memory; the masked number is
 * all the screen may show.
 */
export type VisitIdentity =
  | { level: 'none' }
  | { level: 'verified'; citizenId: string; idNumberMasked: string; nameMasked: string; verifiedAt: number };

export const noIdentity: VisitIdentity = { level: 'none' };

const RANK: Record<IdentityLevel, number> = { none: 0, verified: 1, confirmed: 2 };

/**
 * Whether this identity is enough to start a service. `confirmed` is verified plus an explicit yes to the act,
 * which the transaction asks for itself, so starting one needs `verified`.
 */
export function identityAllows(service: ServiceName, identity: VisitIdentity): boolean {
  const needed = Math.min(RANK[SERVICES[service].identity], RANK.verified);
  return RANK[identity.level] >= needed;
}

/** Why the identity of a visit is forgotten: the visit ends, the face leaves, or the citizen hands over. */
export type IdentityWipeReason = 'visit-ended' | 'face-left' | 'face-changed' | 'citizen-changed';
