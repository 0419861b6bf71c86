/**
 * Cosine similarity at or above which a face matches its reference (fr_feature embeddings, ArcFace-aligned).
 * Chosen on the shared verification photos so that FAR ≤ 0.1 % holds for full-quality and for ID-style
 * (102×126, JPEG q30) references, overall and among East-Asian pairs — the kiosk's population, whose impostor
 * scores run higher. At 0.40: FAR 0.02–0.08 %, FRR 1.7–2.5 % per comparison; TAR ≥ 99 % at FAR 0.1 % is not
 * reached on the East-Asian subset (see docs/face-verification.md for the tables and their limits).
 */
export const VERIFICATION_THRESHOLD = 0.4;

/**
 * Consecutive frames of one attempt must be at least this similar (frontal frames): the same person in front of
 * the same camera a fraction of a second apart scores far higher, while no impostor pair in the calibration
 * photos reached 0.48.
 */
export const IDENTITY_CONTINUITY_THRESHOLD = 0.5;
