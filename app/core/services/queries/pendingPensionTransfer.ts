import type { BackendClient } from '../../backend/backendClient.js';

export interface PendingTransfer {
  fromRegion: string;
  insurance: '养老' | '医疗';
  /** Months the other side confirmed; null before it did. */
  months: number | null;
}

/**
 * A transfer into this city not yet finished (养老 first): its months are not in the local record until 已办结, so an
 * answer that counts months or looks for old payments says they are on the way.
 */
export async function pendingTransferIn(backend: BackendClient, citizenId: string): Promise<PendingTransfer | null> {
  const { transfers } = await backend.getTransfers(citizenId);
  const open = transfers.filter((t) => t.direction === '转入' && t.stage !== '已办结');
  const chosen = open.find((t) => t.insurance === '养老') ?? open[0];
  return chosen ? { fromRegion: chosen.fromRegion, insurance: chosen.insurance, months: chosen.transferredMonths } : null;
}
