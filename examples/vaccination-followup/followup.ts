/**
 * The health commission's vaccination follow-up (预防接种随访): which children of a region are due for a dose of
 * the national immunization programme, and recording the doses given. The logic a department's app holds, over
 * the typed operations of operations.graphql; the CLI (cli.ts) and the tests call it.
 *
 * How it copes with what the graph answers:
 * - masked values (ID numbers, phones, addresses for every department's apps): asked once which fields this token
 *   sees MASKED (`myAccess`), every value is shown with its status, so a masked phone is never dialled as a number;
 * - FORBIDDEN at a path (education's enrolments, CONDITIONAL data): that field is withheld for that child, with the
 *   platform's advice on how to obtain it; everything else of the answer stands;
 * - an error under a child's health record (a subgraph down): the child's doses are unknown, never "all due";
 * - CONFLICT on a stale version (allergies noted at the visit): read the record again, merge, retry once;
 * - RATE_LIMITED: the client (client.ts) waits Retry-After and retries.
 */
import { randomUUID } from 'node:crypto';
import {
  ChildDocument,
  ChildrenInRegionDocument,
  FieldAccessDocument,
  HealthRecordVersionDocument,
  RecordVaccinationDocument,
  UpdateAllergiesDocument,
  type AccessDecision,
  type ChildForFollowUpFragment,
  type RecordVaccinationMutation,
} from './__generated__/graphql';
import { AnswerFailed, type AppClient, type GraphError } from './client';
import { ageInMonths, dueDoses, followedBornFrom, type DueDose } from './schedule';

/** A value as this token may show it. */
export interface Shown {
  value: string | null;
  /** FULL: the value; MASKED: the platform's masked view (e.g. 138****5678); DENIED: withheld, see `reason`. */
  access: AccessDecision;
  reason?: string;
}

export interface DueChild {
  personId: string;
  name: Shown;
  birthDate: string;
  ageMonths: number;
  idNumber: Shown;
  guardian: { name: Shown; phone: Shown } | null;
  address: Shown;
  /** The kindergarten or school the child is enrolled at, when education shares it. */
  school: Shown;
  /** null: no health record yet (recording the first dose opens one). */
  record: { id: string; version: number | null; allergies: string[] } | null;
  due: DueDose[];
}

export interface DueReport {
  regionCode: string;
  asOf: string;
  /** Children followed (under 7, living, registered in the region). */
  followed: number;
  children: DueChild[];
  /** Children whose doses could not be read (an error under their health record): follow them up by hand. */
  unknown: { personId: string; reason: string }[];
  /** Fields withheld from this app (FORBIDDEN), once per type.field, with the platform's advice. */
  withheld: { field: string; reason: string }[];
}

export interface DueOptions {
  regionCode: string;
  /** The day to compute for (YYYY-MM-DD); the CLI passes today in China. */
  asOf: string;
  /** Also list doses falling due within this many days. @default 0 */
  lookaheadDays?: number;
  /** @default 100 */
  pageSize?: number;
}

type Access = Map<string, AccessDecision>;

/** Which fields of Person and Household this token reads FULL, MASKED or DENIED (one request per run). */
export async function fieldAccess(client: AppClient): Promise<Access> {
  const { data, errors } = await client.run(FieldAccessDocument, {});
  if (!data) throw new AnswerFailed('FieldAccess', errors);
  const access: Access = new Map();
  for (const type of [...data.person, ...data.household]) for (const f of type.fields) access.set(`${type.type}.${f.field}`, f.decision);
  return access;
}

const isForbidden = (e: GraphError) => e.extensions?.code === 'FORBIDDEN';
const pathKey = (path: readonly (string | number)[]) => path.join('.');

/** Errors at or under `prefix`. */
function errorsUnder(errors: readonly GraphError[], prefix: readonly (string | number)[]): GraphError[] {
  const key = pathKey(prefix);
  return errors.filter((e) => e.path && (pathKey(e.path) === key || pathKey(e.path).startsWith(`${key}.`)));
}

function shown(value: string | null | undefined, type: string, field: string, access: Access, errors: readonly GraphError[]): Shown {
  const denied = errors.find(isForbidden);
  if (denied) return { value: null, access: 'DENIED', reason: denied.message };
  const decision = access.get(`${type}.${field}`);
  // A value the platform masks is its masked view: keep it for display, never use it as the real thing.
  return { value: value ?? null, access: decision === 'MASKED' ? 'MASKED' : 'FULL' };
}

/** A child of an answer (at `path`), with its due doses; or why its doses are unknown. */
function toDueChild(child: ChildForFollowUpFragment, path: readonly (string | number)[], errors: readonly GraphError[], access: Access, asOf: string, lookaheadDays: number): DueChild | { unknown: string } {
  const at = (...rest: (string | number)[]) => errorsUnder(errors, [...path, ...rest]);
  const recordErrors = at('healthRecord');
  if (recordErrors.length > 0) return { unknown: recordErrors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') };
  if (!child.birthDate || child.birthDate.length !== 10) return { unknown: 'no full birth date (masked or withheld): the schedule cannot be applied' };
  const record = child.healthRecord;
  const school = child.enrolments?.find((e) => e.status === 'ENROLLED')?.school?.name ?? null;
  const head = child.household?.head;
  return {
    personId: child.id,
    name: shown(child.name, 'Person', 'name', access, at('name')),
    birthDate: child.birthDate,
    ageMonths: ageInMonths(child.birthDate, asOf),
    idNumber: shown(child.idNumber, 'Person', 'idNumber', access, at('idNumber')),
    guardian: head ? { name: shown(head.name, 'Person', 'name', access, at('household', 'head', 'name')), phone: shown(head.phone, 'Person', 'phone', access, at('household', 'head', 'phone')) } : null,
    address: shown(child.household?.address, 'Household', 'address', access, at('household', 'address')),
    school: shown(school, 'Person', 'enrolments', access, at('enrolments')),
    record: record ? { id: record.id, version: record.version, allergies: record.allergies ?? [] } : null,
    due: dueDoses(child.birthDate, record?.vaccinations ?? [], asOf, lookaheadDays),
  };
}

/** What the platform withheld, once per type.field (FORBIDDEN errors carry `type` and `field`). */
function withheldFields(errors: readonly GraphError[]): DueReport['withheld'] {
  const out = new Map<string, string>();
  for (const e of errors.filter(isForbidden)) {
    const field = `${e.extensions?.type ?? '?'}.${e.extensions?.field ?? '?'}`;
    if (!out.has(field)) out.set(field, e.message);
  }
  return [...out].map(([field, reason]) => ({ field, reason }));
}

/** Errors that are not about one child's field (no path into the list): nothing of the page can be trusted. */
function pageFailure(errors: readonly GraphError[]): GraphError[] {
  return errors.filter((e) => !e.path || e.path.length < 4);
}

/** The children of `regionCode` due for a dose on `asOf`, most overdue first. */
export async function dueChildren(client: AppClient, options: DueOptions, access?: Access): Promise<DueReport> {
  const known = access ?? (await fieldAccess(client));
  const lookahead = options.lookaheadDays ?? 0;
  const report: DueReport = { regionCode: options.regionCode, asOf: options.asOf, followed: 0, children: [], unknown: [], withheld: [] };
  const allErrors: GraphError[] = [];
  let after: string | null = null;
  do {
    const variables: { regionCode: string; bornFrom: string; first: number; after: string | null } = { regionCode: options.regionCode, bornFrom: followedBornFrom(options.asOf), first: options.pageSize ?? 100, after };
    const { data, errors } = await client.run(ChildrenInRegionDocument, variables);
    const failed = pageFailure(errors);
    if (!data?.persons || failed.length > 0) throw new AnswerFailed('ChildrenInRegion', failed.length ? failed : errors);
    allErrors.push(...errors);
    data.persons.edges.forEach((edge, i) => {
      report.followed++;
      const child = toDueChild(edge.node, ['persons', 'edges', i, 'node'], errors, known, options.asOf, lookahead);
      if ('unknown' in child) report.unknown.push({ personId: edge.node.id, reason: child.unknown });
      else if (child.due.length > 0) report.children.push(child);
    });
    after = data.persons.pageInfo.hasNextPage ? data.persons.pageInfo.endCursor : null;
  } while (after);
  report.withheld = withheldFields(allErrors);
  report.children.sort((a, b) => b.due[0]!.daysOverdue - a.due[0]!.daysOverdue || a.personId.localeCompare(b.personId));
  return report;
}

/** One child, as `dueChildren` lists them (null: no such person, or not visible to this token). */
export async function childFollowUp(client: AppClient, personId: string, asOf: string, access?: Access): Promise<DueChild | null> {
  const known = access ?? (await fieldAccess(client));
  const { data, errors } = await client.run(ChildDocument, { id: personId });
  // An error at `person` itself leaves nothing to show; errors deeper are handled field by field.
  const failed = errors.filter((e) => !e.path || e.path.length < 2);
  if (failed.length > 0) throw new AnswerFailed('Child', failed);
  if (!data?.person) return null;
  const child = toDueChild(data.person, ['person'], errors, known, asOf, 0);
  if ('unknown' in child) throw new Error(`The doses of ${personId} cannot be read: ${child.unknown}.`);
  return child;
}

export interface DoseGiven {
  personId: string;
  vaccine: string;
  dose: number;
  /** YYYY-MM-DD, not in the future. */
  date: string;
  /** The facility that gave it, e.g. 460105C01. */
  facilityCode: string;
}

export type RecordOutcome =
  | { status: 'recorded'; vaccination: NonNullable<RecordVaccinationMutation['recordVaccination']> }
  /** Someone recorded this dose first (another nurse, another clinic): nothing to do. */
  | { status: 'already-recorded'; message: string };

/**
 * Records a dose. The idempotency key makes the request safe to resend (after a timeout, say): a retry with the same
 * key returns the first result and records nothing more. A dose already on the record is an outcome, not a failure.
 */
export async function recordDose(client: AppClient, given: DoseGiven, idempotencyKey: string = randomUUID()): Promise<RecordOutcome> {
  const { data, errors } = await client.run(RecordVaccinationDocument, { input: given, idempotencyKey });
  if (data?.recordVaccination && errors.length === 0) return { status: 'recorded', vaccination: data.recordVaccination };
  const duplicate = errors.find((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.argumentName === 'input.dose' && /already recorded/.test(e.message));
  if (duplicate) return { status: 'already-recorded', message: duplicate.message };
  throw new AnswerFailed('RecordVaccination', errors);
}

export type AllergyEvent = { kind: 'conflict'; recordId: string; expectedVersion: number; currentVersion: number | null };

/**
 * Adds an allergen noted at the visit (an adverse reaction, a contraindication) to the record, keeping what others
 * recorded: the update names the version read, and a CONFLICT (someone updated the record since) makes it read the
 * record again, merge, and try once more. A second CONFLICT is thrown: the record is busy, let the nurse look again.
 */
export async function addAllergy(
  client: AppClient,
  record: { id: string; version: number | null; allergies: readonly string[] },
  allergen: string,
  onEvent?: (event: AllergyEvent) => void,
): Promise<{ id: string; version: number | null; allergies: string[] }> {
  let current = record;
  for (let attempt = 1; ; attempt++) {
    if (current.allergies.includes(allergen)) return { ...current, allergies: [...current.allergies] };
    if (current.version === null) throw new Error(`Health record ${current.id} has no version to update against.`);
    const { data, errors } = await client.run(UpdateAllergiesDocument, { recordId: current.id, expectedVersion: current.version, allergies: [...current.allergies, allergen], idempotencyKey: randomUUID() });
    if (data?.updateAllergies && errors.length === 0) return { ...data.updateAllergies, allergies: data.updateAllergies.allergies ?? [] };
    const conflict = errors.find((e) => e.extensions?.code === 'CONFLICT');
    if (!conflict || attempt > 1) throw new AnswerFailed('UpdateAllergies', errors);
    onEvent?.({ kind: 'conflict', recordId: current.id, expectedVersion: current.version, currentVersion: (conflict.extensions?.currentVersion as number | null) ?? null });
    const fresh = await client.run(HealthRecordVersionDocument, { id: current.id });
    if (!fresh.data?.healthRecord) throw new AnswerFailed('HealthRecordVersion', fresh.errors);
    current = { ...fresh.data.healthRecord, allergies: fresh.data.healthRecord.allergies ?? [] };
  }
}
