/**
 * The credit centre's file import (`npm run import -- credit penalties.csv`): administrative penalty decisions
 * (行政处罚决定), which authorities deliver to the credit centre as files for publication (双公示), one per line,
 * keyed by the authority and its decision number, so that re-importing a file changes nothing. Each line passes
 * the centre's validation of a PENALTY event (events.ts), as recordCreditEvent applies it; the subject's profile
 * then counts the penalty and is rated again, in the same transaction.
 */
import { collect, numberIn, type DomainImporter } from '../kit/import';
import { isCalendarDate } from '../kit/scalars';
import { AdministrativePenalty, CreditProfile, creditFacts, type AdministrativePenaltyRow, type CreditProfileRow } from './entities';
import { chinaToday, newRecordId, validateCreditEvent, type ProfileRef } from './events';
import { rateCredit } from './rating';

/** The decision number as the authority writes it, e.g. 琼市监罚〔2025〕12号: at most as long as the authority's name. */
const MAX_DECISION_NUMBER = 64;

/** The subject of each parsed penalty, from parse to check (the penalty row keeps the profile, not the subject). */
const subjectOf = new WeakMap<AdministrativePenaltyRow, Exclude<ProfileRef, { profileId: string }>>();

/** validateCreditEvent names GraphQL arguments (input.subject.uscc); a file has columns (uscc). */
function column(argument: string): string {
  const name = argument.replace(/^input\./, '').replace(/^subject\./, '');
  return name === 'subject' || name === 'profileId' ? 'personId/uscc' : name;
}

export const importer: DomainImporter<AdministrativePenaltyRow> = {
  noun: 'administrative penalty',
  event: 'PenaltyRecorded',
  entity: AdministrativePenalty,
  key: 'naturalKey',
  columns: ['authority', 'decisionNumber', 'personId', 'uscc', 'date', 'reason', 'amount'],
  parse(r) {
    const errors: string[] = [];
    const today = chinaToday();
    const decisionNumber = (r.decisionNumber ?? '').trim();
    if (decisionNumber === '' || decisionNumber.length > MAX_DECISION_NUMBER) errors.push(`decisionNumber: the decision's number, 1 to ${MAX_DECISION_NUMBER} characters, e.g. 琼市监罚〔2025〕12号.`);
    const date = r.date ?? '';
    if (!isCalendarDate(date)) errors.push('date: a calendar date written YYYY-MM-DD.');
    const amount = r.amount ? numberIn(errors, 'amount', r.amount) : null;
    // Subjects are the population register's persons and market regulation's enterprises: only the form of the
    // ID or code is checked here, not that the subject exists there; check() finds the subject's credit profile.
    const subject = { personId: r.personId || null, uscc: r.uscc || null };
    const input = { type: 'PENALTY' as const, date, subject, authority: r.authority || null, reason: r.reason || null, amount: amount ?? null };
    const valid = amount === undefined ? undefined : collect(errors, () => validateCreditEvent(input, today), column);
    if (errors.length > 0 || !valid || valid.event.type !== 'PENALTY' || 'profileId' in valid.profile) return { errors };
    const { event } = valid;
    const row: AdministrativePenaltyRow = {
      id: newRecordId('N'),
      // The subject's profile and its region: check() fills them in.
      profileId: '',
      regionCode: '',
      date: event.date,
      authority: event.authority,
      reason: event.reason,
      amount: event.amount,
      naturalKey: `${event.authority}/${decisionNumber}`,
    };
    subjectOf.set(row, valid.profile);
    return { row };
  },
  /** The subject must have a credit profile: the penalty is recorded on it. */
  async check(rows, db) {
    const subjects = rows.map((r) => subjectOf.get(r)!);
    const personIds = [...new Set(subjects.flatMap((s) => ('personId' in s ? [s.personId] : [])))];
    const usccs = [...new Set(subjects.flatMap((s) => ('uscc' in s ? [s.uscc] : [])))];
    const found = await db.orm.em.fork().find(
      CreditProfile,
      { $or: [{ personId: { $in: personIds } }, { uscc: { $in: usccs } }] },
      { fields: ['id', 'personId', 'uscc', 'regionCode'], disableIdentityMap: true },
    );
    const byPerson = new Map(found.filter((p) => p.personId).map((p) => [p.personId!, p]));
    const byUscc = new Map(found.filter((p) => p.uscc).map((p) => [p.uscc!, p]));
    const problems = new Map<number, string[]>();
    rows.forEach((row, i) => {
      const subject = subjects[i]!;
      const profile = 'personId' in subject ? byPerson.get(subject.personId) : byUscc.get(subject.uscc);
      if (!profile) {
        problems.set(i, ['personId' in subject ? `personId: the credit centre has no profile of person ${subject.personId}.` : `uscc: the credit centre has no profile of enterprise ${subject.uscc}.`]);
        return;
      }
      row.profileId = profile.id;
      row.regionCode = profile.regionCode;
    });
    return problems;
  },
  /** Each profile counts its new penalties and is rated again, as recordCreditEvent does for one. */
  async afterInsert(rows, em) {
    const added = new Map<string, number>();
    for (const row of rows) added.set(row.profileId, (added.get(row.profileId) ?? 0) + 1);
    const today = chinaToday();
    const profiles: CreditProfileRow[] = await em.find(CreditProfile, { id: { $in: [...added.keys()] } }, { disableIdentityMap: true });
    for (const profile of profiles) {
      const penaltyCount = profile.penaltyCount + added.get(profile.id)!;
      const { score, rating } = rateCredit(creditFacts({ ...profile, penaltyCount }));
      // Under the version read: a profile changed meanwhile fails the batch, and a re-run completes it.
      const changed = await em.nativeUpdate(CreditProfile, { id: profile.id, version: profile.version }, { penaltyCount, score, rating, ratedOn: today, version: profile.version + 1 });
      if (changed !== 1) throw new Error(`Credit profile ${profile.id} changed while its penalties were imported.`);
    }
  },
};
