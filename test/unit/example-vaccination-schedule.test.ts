/**
 * The vaccination follow-up app's schedule (examples/vaccination-followup/schedule.ts) is the national immunization
 * programme's, as the health subgraph records it, and the due-dose arithmetic follows completed months of age.
 */
import { VACCINES } from '../../subgraphs/health/vocabulary';
import { addMonths, ageInMonths, dueDoses, followedBornFrom, NIP_SCHEDULE } from '../../examples/vaccination-followup/schedule';

describe('the app schedule', () => {
  it('is the programme schedule of the health subgraph, vaccine by vaccine and dose by dose', () => {
    const platform = VACCINES.filter((v) => v.scheduleMonths.length > 0).map((v) => ({ code: v.code, name: v.name, months: [...v.scheduleMonths] }));
    expect(NIP_SCHEDULE.map((v) => ({ ...v, months: [...v.months] }))).toEqual(platform);
  });

  it('counts completed months, clamping to the end of shorter months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-15', 18)).toBe('2027-02-15');
    expect(addMonths('2026-01-01', -84)).toBe('2019-01-01');
    expect(ageInMonths('2025-03-15', '2026-01-14')).toBe(9);
    expect(ageInMonths('2025-03-15', '2026-01-15')).toBe(10);
    expect(followedBornFrom('2026-01-01')).toBe('2019-01-02');
  });

  it('lists the doses reached and not given, oldest first, with the look-ahead', () => {
    const given = [{ vaccine: 'BCG', dose: 1 }, { vaccine: 'HEPB', dose: 1 }];
    expect(dueDoses('2025-11-10', given, '2026-01-09').map((d) => `${d.vaccine}#${d.dose} ${d.dueOn} ${d.daysOverdue}`)).toEqual(['HEPB#2 2025-12-10 30']);
    // IPV at 2 months: due on the day the child completes them.
    expect(dueDoses('2025-11-10', given, '2026-01-10').map((d) => `${d.vaccine}#${d.dose} ${d.daysOverdue}`)).toEqual(['HEPB#2 31', 'IPV#1 0']);
    expect(dueDoses('2025-11-10', given, '2026-01-01', 9).map((d) => `${d.vaccine}#${d.dose} ${d.daysOverdue}`)).toEqual(['HEPB#2 22', 'IPV#1 -9']);
    // No record yet: every dose reached is due.
    expect(dueDoses('2025-11-10', [], '2025-12-10').map((d) => `${d.vaccine}#${d.dose}`)).toEqual(['BCG#1', 'HEPB#1', 'HEPB#2']);
  });
});
