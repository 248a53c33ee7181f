/**
 * Rule-based anomaly report over audit records (README "Audit trail" explains each rule and its thresholds).
 * Pure: the governance service feeds it the records of the period and of the baseline before it.
 */
import type { Grant } from '../../../auth';
import type { AnomalyThresholds } from '../config';
import type { AuditJson } from './trail';

export type AnomalyRule = 'volume-own-baseline' | 'volume-peers' | 'off-hours' | 'out-of-region' | 'grant-purpose' | 'denial-burst';

export interface Anomaly {
  rule: AnomalyRule;
  sub: string;
  dept: string | null;
  /** What was observed, against what, in a sentence. */
  description: string;
  count: number;
  /** The records that make the case, as writer#seq (at most 20). */
  records: string[];
}

/** Hainan's local time is UTC+8 all year. */
const LOCAL_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const ref = (r: AuditJson) => `${r.writer}#${r.seq}`;
const reads = (r: AuditJson) => r.fields.some(([, d]) => d === 'FULL' || d === 'MASKED');
const readKeys = (r: AuditJson) => (reads(r) ? r.recordKeys.filter((k) => !k.startsWith('+')).length : 0);

function byCaller(records: readonly AuditJson[]): Map<string, AuditJson[]> {
  const out = new Map<string, AuditJson[]>();
  for (const r of records) {
    const list = out.get(r.sub) ?? [];
    list.push(r);
    out.set(r.sub, list);
  }
  return out;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function isWorkingTime(iso: string, t: AnomalyThresholds): boolean {
  const local = new Date(Date.parse(iso) + LOCAL_OFFSET_MS);
  const day = local.getUTCDay();
  const hour = local.getUTCHours();
  return day >= 1 && day <= 5 && hour >= t.workStartHour && hour < t.workEndHour;
}

/**
 * `records` must hold the period [from, to) and the baseline days before it; records outside both are ignored.
 * `grants` are the grants in force, for the grant-purpose rule.
 */
export function detectAnomalies(records: readonly AuditJson[], period: { from: Date; to: Date }, t: AnomalyThresholds, grants: readonly Grant[] = []): Anomaly[] {
  const from = period.from.getTime();
  const to = period.to.getTime();
  const baselineFrom = from - t.baselineDays * DAY_MS;
  const inPeriod = records.filter((r) => Date.parse(r.time) >= from && Date.parse(r.time) < to);
  const baseline = records.filter((r) => Date.parse(r.time) >= baselineFrom && Date.parse(r.time) < from);
  const periodDays = Math.max(1, (to - from) / DAY_MS);
  const anomalies: Anomaly[] = [];
  const flag = (rule: AnomalyRule, list: AuditJson[], count: number, description: string) =>
    anomalies.push({ rule, sub: list[0]!.sub, dept: list[0]!.dept, description, count, records: list.slice(0, 20).map(ref) });

  const callers = byCaller(inPeriod);
  const baselines = byCaller(baseline);
  const volume = new Map([...callers].map(([sub, list]) => [sub, list.reduce((n, r) => n + readKeys(r), 0)]));

  for (const [sub, list] of callers) {
    const read = volume.get(sub)!;
    const readList = list.filter(reads);
    // 1. Many more records than the caller's own usual (per day, over the baseline days).
    const own = ((baselines.get(sub) ?? []).reduce((n, r) => n + readKeys(r), 0) / t.baselineDays) * periodDays;
    if (read >= t.minRecords && read > t.volumeFactor * own) {
      flag('volume-own-baseline', readList, read, `${sub} read ${read} records in the period, more than ${t.volumeFactor} times their own usual of ${own.toFixed(1)} for a period this long.`);
    }
    // 2. Many more than peers: callers of the same department and roles.
    const key = JSON.stringify([list[0]!.dept, [...list[0]!.roles].sort()]);
    const peers = [...callers].filter(([other, l]) => other !== sub && JSON.stringify([l[0]!.dept, [...l[0]!.roles].sort()]) === key).map(([other]) => volume.get(other)!);
    const peerMedian = median(peers);
    if (peers.length > 0 && read >= t.minRecords && read > t.volumeFactor * peerMedian) {
      flag('volume-peers', readList, read, `${sub} read ${read} records, more than ${t.volumeFactor} times the median of ${peerMedian} of ${peers.length} peer(s) with the same department and roles.`);
    }
    // 3. Reads outside working hours (local time).
    const late = readList.filter((r) => !isWorkingTime(r.time, t));
    if (late.length > 0) {
      flag('off-hours', late, late.length, `${sub} read protected data ${late.length} time(s) outside working hours (${t.workStartHour}:00 to ${t.workEndHour}:00, Monday to Friday, UTC+8).`);
    }
    // 4. Records outside the caller's region.
    const away = readList.filter((r) => r.outOfRegion > 0);
    if (away.length > 0) {
      const n = away.reduce((s, r) => s + r.outOfRegion, 0);
      flag('out-of-region', away, n, `${sub} (region ${list[0]!.region}) read ${n} record(s) of other regions.`);
    }
    // 5. A grant used, or tried, for a purpose other than its own.
    const mismatched = list.filter((r) => {
      const used = r.grantIds.some((id) => grants.some((g) => g.id === id && g.purpose !== r.purpose));
      const tried = r.fields.some(([tf, d]) => {
        if (d !== 'DENIED') return false;
        const [type, field] = tf.split('.');
        return grants.some((g) => g.granteeDept === r.dept && g.subject === type && g.fields.includes(field!) && g.purpose !== r.purpose);
      });
      return used || tried;
    });
    if (mismatched.length > 0) {
      flag('grant-purpose', mismatched, mismatched.length, `${sub} used or tried fields that a grant of ${list[0]!.dept} covers for another purpose, ${mismatched.length} time(s) (purposes stated: ${[...new Set(mismatched.map((r) => r.purpose ?? 'none'))].join(', ')}).`);
    }
    // 6. Many denials in a short time: a sliding window over the caller's denial records.
    const denials = list.filter((r) => r.fields.some(([, d]) => d === 'DENIED')).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    const windowMs = t.denialWindowMinutes * 60_000;
    let best: AuditJson[] = [];
    for (let i = 0, j = 0; j < denials.length; j += 1) {
      while (Date.parse(denials[j]!.time) - Date.parse(denials[i]!.time) > windowMs) i += 1;
      if (j - i + 1 > best.length) best = denials.slice(i, j + 1);
    }
    if (best.length >= t.denialBurst) {
      flag('denial-burst', best, best.length, `${sub} was refused ${best.length} times within ${t.denialWindowMinutes} minutes (from ${best[0]!.time}).`);
    }
  }
  return anomalies.sort((a, b) => a.rule.localeCompare(b.rule) || a.sub.localeCompare(b.sub));
}
