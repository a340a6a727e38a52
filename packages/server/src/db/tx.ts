import type { Db, Tx } from './client.js';

/** One transaction per command: the writes and their audit event commit together or not at all. */
export function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(work);
}
