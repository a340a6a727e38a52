import type { Transfer } from './api';

/** Newest first: by date, and among transfers of one day the one recorded last (the server lists oldest first). */
export function sortTransfers(transfers: readonly Transfer[]): Transfer[] {
  return transfers
    .map((transfer, index) => ({ transfer, index }))
    .sort((a, b) => b.transfer.transferredOn.localeCompare(a.transfer.transferredOn) || b.index - a.index)
    .map((x) => x.transfer);
}

export function newestTransfer(transfers: readonly Transfer[]): Transfer | undefined {
  return sortTransfers(transfers)[0];
}

/** A transfer that waits for its day: the member still belongs to the old organization until then. */
export function pendingTransfer(transfers: readonly Transfer[]): Transfer | undefined {
  return sortTransfers(transfers).find((t) => t.status === 'pending');
}
