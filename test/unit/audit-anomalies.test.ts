import { detectAnomalies, isWorkingTime } from '../../subgraphs/kit/audit/anomalies';
import type { AuditJson } from '../../subgraphs/kit/audit/trail';
import { auditConfig } from '../../subgraphs/kit/config';

const T = auditConfig({}).anomalies; // baseline 28 days, factor 3, min 50, 8-19h, 10 denials in 10 minutes
const FROM = new Date('2026-03-02T00:00:00+08:00'); // a Monday
const TO = new Date('2026-03-03T00:00:00+08:00');
let seq = 0;

/** A record at local (UTC+8) time `local` on the period's day unless `at` is given. */
function record(over: Partial<AuditJson> & { at?: string; keys?: number } = {}): AuditJson {
  const { at, keys = 1, ...rest } = over;
  seq += 1;
  return {
    writer: 'health', seq, time: new Date(at ?? '2026-03-02T10:00:00+08:00').toISOString(), kind: 'read', sub: 'alice', dept: 'health', roles: ['analyst'],
    region: '460100', client: null, purpose: 'care', operationName: null, documentHash: null, requestId: `r${seq}`,
    fields: [['HealthRecord.bloodType', 'FULL', keys]], recordKeys: Array.from({ length: keys }, (_, i) => `HealthRecord:${seq}-${i}`),
    grantIds: [], outOfRegion: 0, prevHash: '', hash: '', ...rest,
  };
}

const rules = (records: AuditJson[], grants = []) => detectAnomalies(records, { from: FROM, to: TO }, T, grants).map((a) => `${a.rule}:${a.sub}`);

describe(detectAnomalies.name, () => {
  it('returns nothing for ordinary use: working hours, own region, usual volume', () => {
    const baseline = Array.from({ length: 28 }, (_, d) => record({ at: new Date(FROM.getTime() - (d + 1) * 86400_000 + 10 * 3600_000).toISOString(), keys: 40 }));
    expect(rules([...baseline, record({ keys: 60 })])).toEqual([]);
  });

  it("flags a caller reading many more records than their own usual", () => {
    const baseline = Array.from({ length: 28 }, (_, d) => record({ at: new Date(FROM.getTime() - (d + 1) * 86400_000 + 10 * 3600_000).toISOString(), keys: 10 }));
    expect(rules([...baseline, record({ keys: 31 }), record({ keys: 30 })])).toEqual(['volume-own-baseline:alice']);
    expect(rules([...baseline, record({ keys: 29 })])).toEqual([]); // 29 < 3 x 10
  });

  it('flags a caller reading many more records than peers of the same department and roles', () => {
    const peers = ['bob', 'carol', 'dave'].map((sub) => record({ sub, keys: 20 }));
    const found = rules([...peers, record({ keys: 70 }), record({ sub: 'erin', dept: 'housing', keys: 500 })]);
    expect(found).toContain('volume-peers:alice');
    expect(found).not.toContain('volume-peers:erin'); // no peers in housing
  });

  it('flags reads outside working hours, local time, and at weekends', () => {
    expect(isWorkingTime('2026-03-02T10:00:00+08:00', T)).toBe(true);
    expect(isWorkingTime('2026-03-02T19:30:00+08:00', T)).toBe(false);
    expect(isWorkingTime('2026-03-07T10:00:00+08:00', T)).toBe(false); // Saturday
    expect(rules([record({ at: '2026-03-02T23:10:00+08:00' })])).toEqual(['off-hours:alice']);
    // Denials alone are not reads.
    expect(rules([record({ at: '2026-03-02T23:10:00+08:00', fields: [['Person.maritalStatus', 'DENIED', 1]] })])).toEqual([]);
  });

  it("flags reads of records outside the caller's region", () => {
    expect(rules([record({ outOfRegion: 3 })])).toEqual(['out-of-region:alice']);
  });

  it('flags a grant used or tried for a purpose other than its own', () => {
    const grant = { id: 'g-1', granteeDept: 'health', subject: 'Person', fields: ['maritalStatus'], purpose: 'elderly-care', expiresAt: '2027-01-01T00:00:00Z' };
    const tried = record({ purpose: 'marketing', fields: [['Person.maritalStatus', 'DENIED', 1]] });
    expect(rules([tried], [grant] as never)).toEqual(['grant-purpose:alice']);
    expect(rules([record({ purpose: 'other', grantIds: ['g-1'] })], [grant] as never)).toEqual(['grant-purpose:alice']);
    expect(rules([record({ purpose: 'elderly-care', grantIds: ['g-1'] })], [grant] as never)).toEqual([]);
  });

  it('flags many denials in a short time, not the same number spread out', () => {
    const denial = (minute: number) => record({ at: new Date(Date.parse('2026-03-02T10:00:00+08:00') + minute * 60_000).toISOString(), kind: 'denial', fields: [['Person.maritalStatus', 'DENIED', 1]] });
    expect(rules(Array.from({ length: 10 }, (_, i) => denial(i)))).toEqual(['denial-burst:alice']);
    expect(rules(Array.from({ length: 10 }, (_, i) => denial(i * 30)))).toEqual([]);
  });
});
