/** The credit domain's pure parts: the rating, the validation of credit events, what an event changes, the seed. */
import { GraphQLError } from 'graphql';
import type { CreditEventInput } from '../../subgraphs/credit/__generated__/resolvers';
import { creditFacts, type CreditProfileRow, type LoanRow } from '../../subgraphs/credit/entities';
import { chinaToday, planCreditEvent, validAmount, validateCreditEvent, type CreditEvent } from '../../subgraphs/credit/events';
import { BASE_SCORE, loanFacts, rateCredit, ratingOfScore, type CreditFacts, type LoanStatus } from '../../subgraphs/credit/rating';
import { creditRows, WORLD_TODAY } from '../../subgraphs/credit/seed';
import { AdministrativePenalty, CreditProfile, Loan, QualityViolation } from '../../subgraphs/credit/entities';
import { generateWorld } from '../../subgraphs/kit/world/world';
import { makeUscc } from '../../subgraphs/kit/world/uscc';

const TODAY = '2025-06-30';
const USCC = makeUscc(7, '460106');
/** The same code with another check character. */
const WRONG_USCC = USCC.slice(0, 17) + (USCC.endsWith('0') ? '1' : '0');

function facts(overrides: Partial<CreditFacts> = {}): CreditFacts {
  return {
    subjectKind: 'PERSON',
    loanCount: 0,
    overdueLoans: 0,
    defaultedLoans: 0,
    contracts: 0,
    contractsOnTime: 0,
    penaltyCount: 0,
    violationCount: 0,
    taxGrade: null,
    onDishonestList: false,
    ...overrides,
  };
}

function effectOf(rated: ReturnType<typeof rateCredit>, factor: string): number | undefined {
  return rated.factors.find((f) => f.factor === factor)?.effect;
}

function input(overrides: Partial<CreditEventInput>): CreditEventInput {
  return {
    profileId: 'C0000TEST',
    subject: null,
    type: 'LOAN_OPENED',
    date: '2025-06-01',
    loanId: null,
    amount: 50000,
    lender: '海南银行',
    authority: null,
    court: null,
    caseNumber: null,
    reason: null,
    ...overrides,
  };
}

/** The argument a validation error names, or null when the input is accepted. */
function refusal(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.argumentName as string;
  }
}

function profile(overrides: Partial<CreditProfileRow> = {}): CreditProfileRow {
  return {
    id: 'C0000TEST',
    subjectKind: 'PERSON',
    personId: 'P00000001',
    uscc: null,
    regionCode: '460106',
    cityCode: '460100',
    taxGrade: null,
    contracts: 0,
    contractsOnTime: 0,
    onDishonestList: false,
    dishonestCourt: null,
    dishonestCaseNumber: null,
    dishonestListedOn: null,
    dishonestReason: null,
    loanCount: 0,
    overdueLoans: 0,
    defaultedLoans: 0,
    penaltyCount: 0,
    violationCount: 0,
    score: 75,
    rating: 'A',
    ratedOn: WORLD_TODAY,
    version: 3,
    ...overrides,
  };
}

function loan(overrides: Partial<LoanRow> = {}): LoanRow {
  return { id: 'L1', profileId: 'C0000TEST', regionCode: '460106', lender: '海南银行', amount: 100000, balance: 60000, status: 'CURRENT', openedOn: '2020-01-01', version: 1, ...overrides };
}

const event = (i: Partial<CreditEventInput>): CreditEvent => validateCreditEvent(input(i), TODAY).event;

describe(rateCredit.name, () => {
  it('returns the base score, rating A and every factor neutral for a person with no record', () => {
    const rated = rateCredit(facts());
    expect(rated.score).toBe(BASE_SCORE);
    expect(rated.rating).toBe('A');
    expect(rated.factors.map((f) => f.factor)).toEqual(['LOAN_HISTORY', 'OVERDUE_LOANS', 'DEFAULTED_LOANS', 'CONTRACT_PERFORMANCE', 'ADMINISTRATIVE_PENALTIES', 'DISHONEST_LIST']);
    expect(rated.factors.every((f) => f.effect === 0)).toBe(true);
  });

  it('returns the tax grade and quality violations as factors for enterprises only', () => {
    const person = rateCredit(facts({ taxGrade: 'A', violationCount: 2 }));
    expect(person.score).toBe(BASE_SCORE);
    const enterprise = rateCredit(facts({ subjectKind: 'ENTERPRISE', taxGrade: 'A', violationCount: 2 }));
    expect(effectOf(enterprise, 'TAX_GRADE')).toBe(15);
    expect(effectOf(enterprise, 'QUALITY_VIOLATIONS')).toBe(-20);
    expect(enterprise.score).toBe(70);
    expect(enterprise.rating).toBe('BBB');
  });

  it.each([
    ['A', 15],
    ['B', 8],
    ['M', 3],
    ['C', -10],
    ['D', -30],
  ] as const)('returns %s tax grade worth %d points', (grade, points) => {
    expect(effectOf(rateCredit(facts({ subjectKind: 'ENTERPRISE', taxGrade: grade })), 'TAX_GRADE')).toBe(points);
  });

  it('returns credit for a clean loan history and takes points for loans in arrears', () => {
    expect(effectOf(rateCredit(facts({ ...loanFacts(['CURRENT', 'CURRENT']) })), 'LOAN_HISTORY')).toBe(5);
    const arrears = rateCredit(facts({ ...loanFacts(['CURRENT', 'OVERDUE', 'DEFAULT']) }));
    expect(effectOf(arrears, 'LOAN_HISTORY')).toBe(0);
    expect(effectOf(arrears, 'OVERDUE_LOANS')).toBe(-12);
    expect(effectOf(arrears, 'DEFAULTED_LOANS')).toBe(-30);
    expect(arrears.score).toBe(33);
    expect(arrears.rating).toBe('C');
  });

  it('returns no factor beyond its weight, and a score between 0 and 100', () => {
    const worst = rateCredit(facts({ subjectKind: 'ENTERPRISE', ...loanFacts(Array(9).fill('DEFAULT')), penaltyCount: 20, violationCount: 10, taxGrade: 'D', contracts: 10, contractsOnTime: 0 }));
    for (const f of worst.factors) expect(Math.abs(f.effect)).toBeLessThanOrEqual(f.weight);
    expect(effectOf(worst, 'DEFAULTED_LOANS')).toBe(-60);
    expect(effectOf(worst, 'ADMINISTRATIVE_PENALTIES')).toBe(-32);
    expect(worst.score).toBe(0);
    const best = rateCredit(facts({ subjectKind: 'ENTERPRISE', ...loanFacts(['CURRENT']), taxGrade: 'A', contracts: 50, contractsOnTime: 50 }));
    expect(best.score).toBe(100);
    expect(best.rating).toBe('AAA');
  });

  it('returns contract performance neutral at 90% on time and below 3 contracts', () => {
    expect(effectOf(rateCredit(facts({ contracts: 10, contractsOnTime: 9 })), 'CONTRACT_PERFORMANCE')).toBe(0);
    expect(effectOf(rateCredit(facts({ contracts: 10, contractsOnTime: 10 })), 'CONTRACT_PERFORMANCE')).toBe(6);
    expect(effectOf(rateCredit(facts({ contracts: 10, contractsOnTime: 5 })), 'CONTRACT_PERFORMANCE')).toBe(-24);
    expect(effectOf(rateCredit(facts({ contracts: 2, contractsOnTime: 0 })), 'CONTRACT_PERFORMANCE')).toBe(0);
  });

  it('returns C for a subject on the dishonest list whatever its merits', () => {
    const listed = rateCredit(facts({ subjectKind: 'ENTERPRISE', onDishonestList: true, taxGrade: 'A', ...loanFacts(['CURRENT']), contracts: 50, contractsOnTime: 50 }));
    expect(listed.score).toBe(51);
    expect(listed.rating).toBe('C');
    expect(effectOf(listed, 'DISHONEST_LIST')).toBe(-50);
  });

  it('returns a score equal to the base plus the effects, and the same rating for the same facts', () => {
    const f = facts({ ...loanFacts(['OVERDUE']), contracts: 7, contractsOnTime: 6, penaltyCount: 1 });
    const rated = rateCredit(f);
    expect(rated.score).toBeCloseTo(BASE_SCORE + rated.factors.reduce((s, x) => s + x.effect, 0), 6);
    expect(rateCredit(f)).toEqual(rated);
    expect(rated.factors.find((x) => x.factor === 'OVERDUE_LOANS')?.value).toBe('1');
  });

  it.each([
    [100, 'AAA'], [90, 'AAA'], [89.9, 'AA'], [82, 'AA'], [81.9, 'A'], [75, 'A'], [74.9, 'BBB'], [65, 'BBB'], [64.9, 'BB'], [55, 'BB'], [54.9, 'B'], [40, 'B'], [39.9, 'C'], [0, 'C'],
  ] as const)('returns rating %s for score %d', (score, rating) => {
    expect(ratingOfScore(score)).toBe(rating);
  });
});

describe(validateCreditEvent.name, () => {
  it('returns a loan opening with trimmed text and the amount in fen', () => {
    expect(validateCreditEvent(input({ lender: '  海南银行 ', amount: 1234.5 }), TODAY)).toEqual({
      profile: { profileId: 'C0000TEST' },
      event: { type: 'LOAN_OPENED', date: '2025-06-01', lender: '海南银行', amount: 1234.5 },
    });
  });

  it('returns the subject named by person ID or by USCC', () => {
    expect(validateCreditEvent(input({ profileId: null, subject: { personId: 'PA1AZJ3HS', uscc: null } }), TODAY).profile).toEqual({ personId: 'PA1AZJ3HS' });
    expect(validateCreditEvent(input({ profileId: null, subject: { personId: null, uscc: USCC } }), TODAY).profile).toEqual({ uscc: USCC });
  });

  it('returns each type of event with the details it reads', () => {
    const base = { lender: null, amount: null };
    expect(event({ ...base, type: 'LOAN_OVERDUE', loanId: 'L1' })).toEqual({ type: 'LOAN_OVERDUE', date: '2025-06-01', loan: { loanId: 'L1' } });
    expect(event({ ...base, type: 'LOAN_REPAID', lender: '海南银行' })).toEqual({ type: 'LOAN_REPAID', date: '2025-06-01', loan: { lender: '海南银行' }, amount: null });
    expect(event({ ...base, type: 'PENALTY', authority: '海口市市场监督管理局', reason: '虚假宣传' })).toEqual({ type: 'PENALTY', date: '2025-06-01', authority: '海口市市场监督管理局', reason: '虚假宣传', amount: null });
    expect(event({ ...base, type: 'DISHONEST_LISTED', court: '海口市龙华区人民法院', caseNumber: '(2025)琼0106执12号' })).toMatchObject({ court: '海口市龙华区人民法院', caseNumber: '(2025)琼0106执12号', reason: null });
    expect(event({ ...base, type: 'DISHONEST_REMOVED' })).toEqual({ type: 'DISHONEST_REMOVED', date: '2025-06-01', court: null, caseNumber: null });
    expect(event({ ...base, type: 'LOAN_OPENED', lender: 'x', amount: 1, date: TODAY })).toMatchObject({ date: TODAY });
  });

  it.each<[string, Partial<CreditEventInput>, string]>([
    ['both profileId and subject', { subject: { personId: 'P1', uscc: null } }, 'input.profileId'],
    ['neither profileId nor subject', { profileId: null }, 'input.profileId'],
    ['a subject with both person ID and USCC', { profileId: null, subject: { personId: 'P1', uscc: USCC } }, 'input.subject'],
    ['a malformed person ID', { profileId: null, subject: { personId: 'P-1', uscc: null } }, 'input.subject.personId'],
    ['a USCC with a wrong check character', { profileId: null, subject: { personId: null, uscc: WRONG_USCC } }, 'input.subject.uscc'],
    ['a malformed profile ID', { profileId: '' }, 'input.profileId'],
    ['a date in the future', { date: '2025-07-01' }, 'input.date'],
    ['a loan opening without lender', { lender: null }, 'input.lender'],
    ['a loan opening without amount', { amount: null }, 'input.amount'],
    ['an amount of 0', { amount: 0 }, 'input.amount'],
    ['a negative amount', { amount: -5 }, 'input.amount'],
    ['an amount below a fen', { amount: 10.005 }, 'input.amount'],
    ['an amount above ten billion yuan', { amount: 2e10 }, 'input.amount'],
    ['a lender of spaces', { lender: '   ' }, 'input.lender'],
    ['a lender longer than 64 characters', { lender: '行'.repeat(65) }, 'input.lender'],
    ['a detail the type does not use', { court: '海口市中级人民法院' }, 'input.court'],
    ['a loan event without its loan', { type: 'LOAN_OVERDUE', lender: null, amount: null }, 'input.loanId'],
    ['a loan event naming its loan twice', { type: 'LOAN_DEFAULTED', lender: '海南银行', loanId: 'L1', amount: null }, 'input.loanId'],
    ['an overdue event with an amount', { type: 'LOAN_OVERDUE', loanId: 'L1', lender: null }, 'input.amount'],
    ['a penalty without authority', { type: 'PENALTY', lender: null, reason: '虚假宣传' }, 'input.authority'],
    ['a penalty without reason', { type: 'PENALTY', lender: null, authority: '海口市市场监督管理局' }, 'input.reason'],
    ['a listing without case number', { type: 'DISHONEST_LISTED', lender: null, amount: null, court: '海口市中级人民法院' }, 'input.caseNumber'],
    ['a listing without court', { type: 'DISHONEST_LISTED', lender: null, amount: null, caseNumber: '（2025）琼01执1号' }, 'input.court'],
    ['a malformed case number', { type: 'DISHONEST_LISTED', lender: null, amount: null, court: '海口市中级人民法院', caseNumber: '2025-1' }, 'input.caseNumber'],
    ['a removal with a reason', { type: 'DISHONEST_REMOVED', lender: null, amount: null, reason: '已履行' }, 'input.reason'],
  ])('refuses %s, naming the argument', (_, overrides, argument) => {
    expect(refusal(() => validateCreditEvent(input(overrides), TODAY))).toBe(argument);
  });

  it('returns amounts with at most two decimals and refuses anything else', () => {
    expect(validAmount('a', 0.01)).toBe(0.01);
    expect(validAmount('a', 19.99)).toBe(19.99);
    expect(refusal(() => validAmount('a', Number.NaN))).toBe('a');
    expect(refusal(() => validAmount('a', Number.POSITIVE_INFINITY))).toBe('a');
  });

  it('returns today in China Standard Time', () => {
    expect(chinaToday(new Date('2025-06-30T16:30:00Z'))).toBe('2025-07-01');
    expect(chinaToday(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
  });
});

describe(planCreditEvent.name, () => {
  const ids = (prefix: string) => `${prefix}NEW`;

  it('returns a new current loan whose balance is its amount', () => {
    const plan = planCreditEvent(profile(), [loan()], event({}), ids);
    expect(plan.newLoan).toMatchObject({ id: 'LNEW', profileId: 'C0000TEST', regionCode: '460106', lender: '海南银行', amount: 50000, balance: 50000, status: 'CURRENT', openedOn: '2025-06-01', version: 1 });
    expect(plan.loanStatuses).toEqual(['CURRENT', 'CURRENT']);
  });

  it('returns loan status changes by ID or by lender', () => {
    const loans = [loan(), loan({ id: 'L2', lender: '海南银行', balance: 0 })];
    expect(planCreditEvent(profile(), loans, event({ type: 'LOAN_OVERDUE', loanId: 'L1', lender: null, amount: null })).loanUpdate?.changes).toEqual({ status: 'OVERDUE', balance: 60000 });
    // The repaid loan from the same lender is not open, so the lender names one loan.
    const defaulted = planCreditEvent(profile(), loans, event({ type: 'LOAN_DEFAULTED', amount: null }));
    expect(defaulted.loanUpdate).toMatchObject({ loan: { id: 'L1' }, changes: { status: 'DEFAULT' } });
    expect(defaulted.loanStatuses).toEqual(['DEFAULT', 'CURRENT']);
  });

  it('returns a repayment that lowers the balance and settles arrears, but not a default until repaid in full', () => {
    expect(planCreditEvent(profile(), [loan({ status: 'OVERDUE' })], event({ type: 'LOAN_REPAID', amount: 1000.1 })).loanUpdate?.changes).toEqual({ status: 'CURRENT', balance: 58999.9 });
    expect(planCreditEvent(profile(), [loan({ status: 'DEFAULT' })], event({ type: 'LOAN_REPAID', amount: 1000 })).loanUpdate?.changes).toEqual({ status: 'DEFAULT', balance: 59000 });
    expect(planCreditEvent(profile(), [loan({ status: 'DEFAULT' })], event({ type: 'LOAN_REPAID', amount: null })).loanUpdate?.changes).toEqual({ status: 'CURRENT', balance: 0 });
  });

  it('returns a penalty and listings as changes to the profile', () => {
    expect(planCreditEvent(profile(), [], event({ type: 'PENALTY', lender: null, authority: '海口市市场监督管理局', reason: '虚假宣传' }), ids).newPenalty).toEqual({
      id: 'NNEW', profileId: 'C0000TEST', regionCode: '460106', date: '2025-06-01', authority: '海口市市场监督管理局', reason: '虚假宣传', amount: 50000, naturalKey: null,
    });
    const listed = planCreditEvent(profile(), [], event({ type: 'DISHONEST_LISTED', lender: null, amount: null, court: '海口市中级人民法院', caseNumber: '（2025）琼01执1号' }));
    expect(listed.profileChanges).toEqual({ onDishonestList: true, dishonestCourt: '海口市中级人民法院', dishonestCaseNumber: '（2025）琼01执1号', dishonestListedOn: '2025-06-01', dishonestReason: null });
    const onList = profile({ onDishonestList: true, dishonestCourt: '海口市中级人民法院', dishonestCaseNumber: '（2025）琼01执1号', dishonestListedOn: '2025-01-01' });
    expect(planCreditEvent(onList, [], event({ type: 'DISHONEST_REMOVED', lender: null, amount: null, caseNumber: '（2025）琼01执1号' })).profileChanges).toMatchObject({ onDishonestList: false, dishonestCaseNumber: null });
  });

  it.each<[string, Partial<CreditProfileRow>, LoanRow[], Partial<CreditEventInput>, string]>([
    ['an unknown loan ID', {}, [loan()], { type: 'LOAN_OVERDUE', loanId: 'L9', lender: null, amount: null }, 'input.loanId'],
    ['a lender with no open loan', {}, [loan({ balance: 0 })], { type: 'LOAN_OVERDUE', amount: null }, 'input.lender'],
    ['a lender with two open loans', {}, [loan(), loan({ id: 'L2' })], { type: 'LOAN_OVERDUE', amount: null }, 'input.lender'],
    ['an event dated before the loan was opened', {}, [loan({ openedOn: '2025-06-15' })], { type: 'LOAN_OVERDUE', amount: null }, 'input.date'],
    ['an overdue event on an overdue loan', {}, [loan({ status: 'OVERDUE' })], { type: 'LOAN_OVERDUE', amount: null }, 'input.type'],
    ['a default on a defaulted loan', {}, [loan({ status: 'DEFAULT' })], { type: 'LOAN_DEFAULTED', amount: null }, 'input.type'],
    ['an event on a loan repaid in full', {}, [loan({ balance: 0 })], { type: 'LOAN_REPAID', loanId: 'L1', lender: null, amount: null }, 'input.type'],
    ['a repayment above the balance', {}, [loan()], { type: 'LOAN_REPAID', amount: 60000.01 }, 'input.amount'],
    ['a listing of a listed subject', { onDishonestList: true, dishonestCaseNumber: '（2024）琼01执1号' }, [], { type: 'DISHONEST_LISTED', lender: null, amount: null, court: 'x', caseNumber: '（2025）琼01执2号' }, 'input.type'],
    ['a removal of a subject not listed', {}, [], { type: 'DISHONEST_REMOVED', lender: null, amount: null }, 'input.type'],
    ['a removal naming another case', { onDishonestList: true, dishonestCaseNumber: '（2024）琼01执1号', dishonestListedOn: '2024-01-01' }, [], { type: 'DISHONEST_REMOVED', lender: null, amount: null, caseNumber: '（2025）琼01执2号' }, 'input.caseNumber'],
    ['a removal before the listing', { onDishonestList: true, dishonestCaseNumber: '（2025）琼01执1号', dishonestListedOn: '2025-06-10' }, [], { type: 'DISHONEST_REMOVED', lender: null, amount: null }, 'input.date'],
  ])('refuses %s, naming the argument', (_, profileOverrides, loans, overrides, argument) => {
    expect(refusal(() => planCreditEvent(profile(profileOverrides), loans, event(overrides)))).toBe(argument);
  });
});

describe(creditRows.name, () => {
  const chunks = [...generateWorld({ seed: 5, persons: 20_000 })];
  const rows = chunks.map((chunk) => ({ chunk, rows: new Map(creditRows(chunk).map(([entity, list]) => [entity, list as any[]])) }));
  const all = (entity: unknown) => rows.flatMap((r) => r.rows.get(entity as never) ?? []);

  it('returns the same rows for the same chunk', () => {
    expect(creditRows(chunks[3]!)).toEqual(creditRows(chunks[3]!));
  });

  it('returns a profile per living adult and per enterprise, with unique IDs', () => {
    for (const { chunk, rows: r } of rows) {
      const adults = chunk.households.flatMap((h) => h.members).filter((m) => m.status === 'LIVING' && m.birthDate <= '2008-01-01');
      const profiles = r.get(CreditProfile as never)!;
      expect(profiles.filter((p) => p.subjectKind === 'PERSON').map((p) => p.personId)).toEqual(adults.map((m) => m.id));
      expect(profiles.filter((p) => p.subjectKind === 'ENTERPRISE').map((p) => p.uscc)).toEqual(chunk.enterprises.map((e) => e.uscc));
      expect(profiles.filter((p) => p.subjectKind === 'ENTERPRISE').map((p) => p.taxGrade)).toEqual(chunk.enterprises.map((e) => e.taxGrade));
    }
    for (const entity of [CreditProfile, Loan, AdministrativePenalty, QualityViolation]) {
      const ids = all(entity).map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('returns records that belong to profiles of the same region, dated no later than the world', () => {
    const profiles = new Map(all(CreditProfile).map((p) => [p.id, p]));
    for (const entity of [Loan, AdministrativePenalty, QualityViolation]) {
      for (const row of all(entity)) {
        expect(profiles.get(row.profileId)?.regionCode).toBe(row.regionCode);
        expect((row.openedOn ?? row.date) <= WORLD_TODAY).toBe(true);
      }
    }
    for (const p of all(CreditProfile)) if (p.onDishonestList) expect(p.dishonestListedOn <= WORLD_TODAY).toBe(true);
  });

  it('returns realistic shares: borrowers, arrears, defaults, dishonest listings and penalties', () => {
    const profiles = all(CreditProfile);
    const persons = profiles.filter((p) => p.subjectKind === 'PERSON');
    const enterprises = profiles.filter((p) => p.subjectKind === 'ENTERPRISE');
    const loans = all(Loan);
    const borrowers = new Set(loans.map((l) => l.profileId));
    expect(borrowers.size / profiles.length).toBeGreaterThan(0.2);
    expect(borrowers.size / profiles.length).toBeLessThan(0.4);
    const share = (status: string) => loans.filter((l) => l.status === status).length / loans.length;
    expect(share('OVERDUE')).toBeGreaterThan(0.015);
    expect(share('OVERDUE')).toBeLessThan(0.06);
    expect(share('DEFAULT')).toBeGreaterThan(0.004);
    expect(share('DEFAULT')).toBeLessThan(0.02);
    const listed = (list: any[]) => list.filter((p) => p.onDishonestList).length / list.length;
    expect(listed(persons)).toBeGreaterThan(0.002);
    expect(listed(persons)).toBeLessThan(0.01);
    expect(listed(enterprises)).toBeGreaterThan(0.01);
    expect(listed(enterprises)).toBeLessThan(0.035);
    const penalised = new Set(all(AdministrativePenalty).map((p) => p.profileId));
    expect([...penalised].every((id) => enterprises.some((e) => e.id === id))).toBe(true);
    expect(penalised.size / enterprises.length).toBeGreaterThan(0.03);
  });

  it('returns each profile rated by rateCredit from facts that match its own records', () => {
    const loansOf = new Map<string, LoanStatus[]>();
    for (const l of all(Loan)) loansOf.set(l.profileId, [...(loansOf.get(l.profileId) ?? []), l.status]);
    const count = (entity: unknown) => {
      const m = new Map<string, number>();
      for (const row of all(entity)) m.set(row.profileId, (m.get(row.profileId) ?? 0) + 1);
      return m;
    };
    const penalties = count(AdministrativePenalty);
    const violations = count(QualityViolation);
    for (const p of all(CreditProfile)) {
      expect(p).toMatchObject({ ...loanFacts(loansOf.get(p.id) ?? []), penaltyCount: penalties.get(p.id) ?? 0, violationCount: violations.get(p.id) ?? 0 });
      const { score, rating } = rateCredit(creditFacts(p));
      expect({ score: p.score, rating: p.rating }).toEqual({ score, rating });
      expect(p.onDishonestList).toBe(p.dishonestCaseNumber !== null);
    }
  });
});
