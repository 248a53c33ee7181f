/**
 * What the chaos run (bench/chaos.ts) holds the stored data to: every acknowledged write present exactly once.
 * Pure, so that its counting is tested on its own (test/unit/chaos-check.test.ts).
 */
export interface WriteLedger {
  /** Idempotency key -> the record id its acknowledgement carried (every acknowledgement of that key). */
  acknowledged: ReadonlyMap<string, ReadonlySet<string>>;
  /** Record ids the run's writes created, as stored. */
  stored: readonly string[];
  /** The record id each stored idempotency key answers with (the write path's own memory of the key). */
  keys: ReadonlyMap<string, string>;
}

export interface WriteCheck {
  acknowledged: number;
  stored: number;
  /** Acknowledged keys whose record is not stored. */
  lost: string[];
  /** Keys acknowledged with two different ids, and ids stored more than once. */
  duplicated: string[];
  /** Stored records no idempotency key answers with: created twice for one key, or by nobody's write. */
  orphans: string[];
}

export function checkWrites(ledger: WriteLedger): WriteCheck {
  const stored = new Map<string, number>();
  for (const id of ledger.stored) stored.set(id, (stored.get(id) ?? 0) + 1);
  const lost: string[] = [];
  const duplicated: string[] = [];
  for (const [key, ids] of ledger.acknowledged) {
    if (ids.size > 1) duplicated.push(`${key}: acknowledged as ${[...ids].join(' and ')}`);
    for (const id of ids) if (!stored.has(id)) lost.push(`${key}: ${id}`);
  }
  for (const [id, n] of stored) if (n > 1) duplicated.push(`${id}: stored ${n} times`);
  const answered = new Set(ledger.keys.values());
  const orphans = [...stored.keys()].filter((id) => !answered.has(id));
  return { acknowledged: ledger.acknowledged.size, stored: stored.size, lost, duplicated, orphans };
}

export function writesHold(check: WriteCheck): boolean {
  return check.lost.length === 0 && check.duplicated.length === 0 && check.orphans.length === 0;
}
