/**
 * Remembers the answer to every idempotent write by (kiosk, key), so a retry gets the first answer and
 * causes no second effect. The answer is saved in the same transaction as the write itself.
 */
import { createHash } from 'node:crypto';
import type { SimulatorDatabase } from './simulatorDatabase.js';

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

/** Identifies what was asked, so the same key reused for a different request is caught. */
export function hashWriteRequest(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method}\n${path}\n${body}`, 'utf8').digest('hex');
}

export function createIdempotencyStore(db: SimulatorDatabase) {
  const find = db.prepare('SELECT request_hash, status, response_json FROM idempotency_keys WHERE kiosk_id = ? AND idempotency_key = ?');
  const save = db.prepare(`INSERT INTO idempotency_keys (kiosk_id, idempotency_key, request_hash, status, response_json, created_at)
    VALUES (?, ?, ?, ?, ?, ?)`);

  return {
    find(kioskId: string, key: string): StoredResponse | null {
      const row = find.get(kioskId, key) as { request_hash: string; status: number; response_json: string } | undefined;
      return row ? { requestHash: row.request_hash, status: row.status, body: JSON.parse(row.response_json) as unknown } : null;
    },
    save(kioskId: string, key: string, response: StoredResponse, createdAt: string): void {
      save.run(kioskId, key, response.requestHash, response.status, JSON.stringify(response.body), createdAt);
    },
  };
}
