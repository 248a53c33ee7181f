/**
 * Credit events in the credit centre's vocabulary: what each type of event needs (validateCreditEvent), and what
 * it changes on a profile (planCreditEvent). Both are pure, so every refusal is decided before anything is
 * written, and the resolver only carries the plan out.
 */
import { randomBytes } from 'node:crypto';
import { badInput } from '../kit/errors';
import { validateUscc } from '../kit/world/uscc';
import type { CreditEventInput, CreditEventType } from './__generated__/resolvers';
import type { AdministrativePenaltyRow, CreditProfileRow, LoanRow } from './entities';
import type { LoanStatus } from './rating';

/** Which profile an event is about. */
export type ProfileRef = { profileId: string } | { personId: string } | { uscc: string };

/** A loan named by its ID, or by its lender when the subject has one open loan from it. */
export type LoanRef = { loanId: string } | { lender: string };

export type CreditEvent =
  | { type: 'LOAN_OPENED'; date: string; lender: string; amount: number }
  | { type: 'LOAN_OVERDUE'; date: string; loan: LoanRef }
  | { type: 'LOAN_DEFAULTED'; date: string; loan: LoanRef }
  | { type: 'LOAN_REPAID'; date: string; loan: LoanRef; amount: number | null }
  | { type: 'PENALTY'; date: string; authority: string; reason: string; amount: number | null }
  | { type: 'DISHONEST_LISTED'; date: string; court: string; caseNumber: string; reason: string | null }
  | { type: 'DISHONEST_REMOVED'; date: string; court: string | null; caseNumber: string | null };

type Detail = 'loanId' | 'amount' | 'lender' | 'authority' | 'court' | 'caseNumber' | 'reason';
const DETAILS: readonly Detail[] = ['loanId', 'amount', 'lender', 'authority', 'court', 'caseNumber', 'reason'];

/** The input fields each type of event reads; any other one given is refused, not silently ignored. */
export const EVENT_DETAILS: Readonly<Record<CreditEventType, readonly Detail[]>> = {
  LOAN_OPENED: ['lender', 'amount'],
  LOAN_OVERDUE: ['loanId', 'lender'],
  LOAN_REPAID: ['loanId', 'lender', 'amount'],
  LOAN_DEFAULTED: ['loanId', 'lender'],
  PENALTY: ['authority', 'reason', 'amount'],
  DISHONEST_LISTED: ['court', 'caseNumber', 'reason'],
  DISHONEST_REMOVED: ['court', 'caseNumber'],
};

const TEXT_LIMITS: Readonly<Record<'lender' | 'authority' | 'court' | 'caseNumber' | 'reason', number>> = {
  lender: 64,
  authority: 64,
  court: 64,
  caseNumber: 64,
  reason: 200,
};

/** The largest amount accepted, in yuan: ten billion, far above any single loan or fine in the province. */
export const MAX_AMOUNT = 10_000_000_000;
const KEY = /^[0-9A-Za-z]{1,24}$/;
/** A court case number such as （2024）琼0106执1234号, with full- or half-width brackets. */
const CASE_NUMBER = /^[（(]\d{4}[）)]\S+号$/;

export { todayInChina as chinaToday } from '../kit/scalars';

function text(input: CreditEventInput, name: keyof typeof TEXT_LIMITS): string | null {
  const raw = input[name];
  if (raw == null) return null;
  const value = raw.trim();
  if (value.length === 0) throw badInput(`input.${name}`, 'give some text, not only spaces.');
  if (value.length > TEXT_LIMITS[name]) throw badInput(`input.${name}`, `give at most ${TEXT_LIMITS[name]} characters.`);
  return value;
}

function required<T>(value: T | null, argument: string, type: CreditEventType): T {
  if (value === null) throw badInput(argument, `a ${type} event needs it.`);
  return value;
}

/** Yuan: above 0, at most two decimals, at most MAX_AMOUNT. */
export function validAmount(argument: string, amount: number): number {
  if (!Number.isFinite(amount) || amount <= 0) throw badInput(argument, 'an amount must be above 0 yuan.');
  if (amount > MAX_AMOUNT) throw badInput(argument, `an amount may be at most ${MAX_AMOUNT} yuan.`);
  if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) throw badInput(argument, 'give yuan with at most two decimals (fen).');
  return Math.round(amount * 100) / 100;
}

function key(argument: string, value: string, what: string): string {
  if (!KEY.test(value)) throw badInput(argument, `${what} is 1 to 24 letters and digits.`);
  return value;
}

/** Exactly one of profileId and subject; in the subject exactly one of personId and uscc, well formed. */
export function profileRef(input: Pick<CreditEventInput, 'profileId' | 'subject'>): ProfileRef {
  const { profileId, subject } = input;
  if ((profileId == null) === (subject == null)) throw badInput('input.profileId', 'name the profile by exactly one of profileId and subject.');
  if (profileId != null) return { profileId: key('input.profileId', profileId, 'a profile ID') };
  const { personId, uscc } = subject!;
  if ((personId == null) === (uscc == null)) throw badInput('input.subject', 'give exactly one of personId and uscc.');
  if (personId != null) return { personId: key('input.subject.personId', personId, 'a person ID') };
  const checked = validateUscc(uscc!);
  if (!checked.ok) throw badInput('input.subject.uscc', checked.reason);
  return { uscc: uscc! };
}

/** Checks an event for its type before anything is read: required fields, amounts, dates, unused fields. */
export function validateCreditEvent(input: CreditEventInput, today: string): { profile: ProfileRef; event: CreditEvent } {
  const profile = profileRef(input);
  const { type, date } = input;
  if (date > today) throw badInput('input.date', `${date} is in the future (today is ${today}); record events that have happened.`);
  const allowed = EVENT_DETAILS[type];
  for (const detail of DETAILS) {
    if (input[detail] != null && !allowed.includes(detail)) {
      throw badInput(`input.${detail}`, `a ${type} event does not use it; give only ${allowed.join(', ')}.`);
    }
  }
  const amount = input.amount == null ? null : validAmount('input.amount', input.amount);
  const lender = text(input, 'lender');
  const loanId = input.loanId == null ? null : key('input.loanId', input.loanId, 'a loan ID');
  const loan = (): LoanRef => {
    if ((loanId == null) === (lender == null)) throw badInput('input.loanId', `a ${type} event names its loan by exactly one of loanId and lender.`);
    return loanId != null ? { loanId } : { lender: lender! };
  };
  const caseNumber = text(input, 'caseNumber');
  if (caseNumber !== null && !CASE_NUMBER.test(caseNumber)) throw badInput('input.caseNumber', 'write a court case number such as （2024）琼0106执1234号.');
  switch (type) {
    case 'LOAN_OPENED':
      return { profile, event: { type, date, lender: required(lender, 'input.lender', type), amount: required(amount, 'input.amount', type) } };
    case 'LOAN_OVERDUE':
      return { profile, event: { type, date, loan: loan() } };
    case 'LOAN_DEFAULTED':
      return { profile, event: { type, date, loan: loan() } };
    case 'LOAN_REPAID':
      return { profile, event: { type, date, loan: loan(), amount } };
    case 'PENALTY':
      return { profile, event: { type, date, authority: required(text(input, 'authority'), 'input.authority', type), reason: required(text(input, 'reason'), 'input.reason', type), amount } };
    case 'DISHONEST_LISTED':
      return { profile, event: { type, date, court: required(text(input, 'court'), 'input.court', type), caseNumber: required(caseNumber, 'input.caseNumber', type), reason: text(input, 'reason') } };
    case 'DISHONEST_REMOVED':
      return { profile, event: { type, date, court: text(input, 'court'), caseNumber } };
  }
}

/** What an event changes; carried out by the resolver in one transaction. */
export interface CreditEventPlan {
  profileChanges: Partial<CreditProfileRow>;
  newLoan?: LoanRow;
  loanUpdate?: { loan: LoanRow; changes: { status: LoanStatus; balance: number } };
  newPenalty?: AdministrativePenaltyRow;
  /** Every loan's status once the event is applied: what the rating reads. */
  loanStatuses: LoanStatus[];
}

/** A new record ID: the prefix and 16 random Crockford base32 characters (80 bits), unlike any seeded ID. */
export function newRecordId(prefix: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return prefix + Array.from(randomBytes(16), (b) => alphabet[b & 31]).join('');
}

function loanOf(loans: readonly LoanRow[], ref: LoanRef): LoanRow {
  if ('loanId' in ref) {
    const loan = loans.find((l) => l.id === ref.loanId);
    if (!loan) throw badInput('input.loanId', `this profile has no loan "${ref.loanId}".`);
    return loan;
  }
  const open = loans.filter((l) => l.lender === ref.lender && l.balance > 0);
  if (open.length === 0) throw badInput('input.lender', `this profile has no open loan from ${ref.lender}.`);
  if (open.length > 1) throw badInput('input.lender', `this profile has ${open.length} open loans from ${ref.lender}; name one by loanId.`);
  return open[0]!;
}

/**
 * Applies a validated event to a profile and its loans, refusing what the records contradict (a repayment
 * above the balance, a removal from a list the subject is not on, a date before the loan was opened).
 */
export function planCreditEvent(profile: CreditProfileRow, loans: readonly LoanRow[], event: CreditEvent, newId: (prefix: string) => string = newRecordId): CreditEventPlan {
  const statuses = (changed?: LoanRow, status?: LoanStatus): LoanStatus[] => loans.map((l) => (l === changed ? status! : (l.status as LoanStatus)));
  switch (event.type) {
    case 'LOAN_OPENED': {
      const loan: LoanRow = {
        id: newId('L'),
        profileId: profile.id,
        regionCode: profile.regionCode,
        lender: event.lender,
        amount: event.amount,
        balance: event.amount,
        status: 'CURRENT',
        openedOn: event.date,
        version: 1,
      };
      return { profileChanges: {}, newLoan: loan, loanStatuses: [...statuses(), 'CURRENT'] };
    }
    case 'LOAN_OVERDUE':
    case 'LOAN_DEFAULTED':
    case 'LOAN_REPAID': {
      const loan = loanOf(loans, event.loan);
      if (event.date < loan.openedOn) throw badInput('input.date', `${event.date} is before the loan was opened on ${loan.openedOn}.`);
      if (loan.balance <= 0) throw badInput('input.type', `loan ${loan.id} is repaid in full; no ${event.type} event can follow.`);
      let changes: { status: LoanStatus; balance: number };
      if (event.type === 'LOAN_OVERDUE') {
        if (loan.status !== 'CURRENT') throw badInput('input.type', `loan ${loan.id} is already ${loan.status}.`);
        changes = { status: 'OVERDUE', balance: loan.balance };
      } else if (event.type === 'LOAN_DEFAULTED') {
        if (loan.status === 'DEFAULT') throw badInput('input.type', `loan ${loan.id} is already in DEFAULT.`);
        changes = { status: 'DEFAULT', balance: loan.balance };
      } else {
        const paid = event.amount ?? loan.balance;
        if (paid > loan.balance) throw badInput('input.amount', `${paid} is above the balance of ${loan.balance} yuan.`);
        const balance = Math.round((loan.balance - paid) * 100) / 100;
        // A repayment settles arrears; a loan in default is settled only by repaying it in full.
        changes = { status: loan.status === 'DEFAULT' && balance > 0 ? 'DEFAULT' : 'CURRENT', balance };
      }
      return { profileChanges: {}, loanUpdate: { loan, changes }, loanStatuses: statuses(loan, changes.status) };
    }
    case 'PENALTY': {
      const penalty: AdministrativePenaltyRow = {
        id: newId('N'),
        profileId: profile.id,
        regionCode: profile.regionCode,
        date: event.date,
        authority: event.authority,
        reason: event.reason,
        amount: event.amount,
        naturalKey: null,
      };
      return { profileChanges: {}, newPenalty: penalty, loanStatuses: statuses() };
    }
    case 'DISHONEST_LISTED': {
      if (profile.onDishonestList) {
        throw badInput('input.type', `the subject is already listed under case ${profile.dishonestCaseNumber}; record DISHONEST_REMOVED for it first.`);
      }
      return {
        profileChanges: { onDishonestList: true, dishonestCourt: event.court, dishonestCaseNumber: event.caseNumber, dishonestListedOn: event.date, dishonestReason: event.reason },
        loanStatuses: statuses(),
      };
    }
    case 'DISHONEST_REMOVED': {
      if (!profile.onDishonestList) throw badInput('input.type', 'the subject is not on the dishonest judgment-debtor list.');
      if (event.caseNumber !== null && event.caseNumber !== profile.dishonestCaseNumber) {
        throw badInput('input.caseNumber', `the subject is listed under case ${profile.dishonestCaseNumber}, not ${event.caseNumber}.`);
      }
      if (event.court !== null && event.court !== profile.dishonestCourt) {
        throw badInput('input.court', `the subject was listed by ${profile.dishonestCourt}, not ${event.court}.`);
      }
      if (event.date < profile.dishonestListedOn!) throw badInput('input.date', `${event.date} is before the listing of ${profile.dishonestListedOn}.`);
      return {
        profileChanges: { onDishonestList: false, dishonestCourt: null, dishonestCaseNumber: null, dishonestListedOn: null, dishonestReason: null },
        loanStatuses: statuses(),
      };
    }
  }
}
