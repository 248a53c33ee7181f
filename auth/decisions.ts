// Per-field decisions, the hot path: the subgraph kit asks about every field of every record.
//
// Why not just `ability.can('read', 'Person', field)`: against a type name CASL treats every
// conditional rule as matching (it cannot know the record), so it says yes when *some* record might
// be readable. And `subject('Person', record)` tags the record object for good, so the same object
// cannot later be checked as another type. Instead, on first use of a (type, field) we take CASL's
// own rule list for it (`rulesFor`, already field-filtered and priority-ordered), cut it after the
// first unconditional rule (nothing below can ever be reached), and:
//   - if no remaining rule has conditions, store the decision: later calls are two Map lookups;
//   - otherwise store the short lists and walk them per record, exactly as relevantRuleFor does.
import type { Rule, Subject } from '@casl/ability';
import type { AuthzRawRule, RequestAbility, RuleSource } from './abilities';
import { derivedSource } from './catalogue';
import type { CompiledCondition } from './conditions';
import type { Action } from './vocabulary';

export type FieldDecision = 'FULL' | 'MASKED' | 'DENIED';

type AuthzRule = Rule<[Action, Subject], CompiledCondition>;
type AnyRecord = Readonly<Record<string, unknown>>;

interface RuleList {
  /** Rules that can decide, highest priority first, ending at the first unconditional one. */
  readonly rules: readonly AuthzRule[];
  /** The same rules' matchers (null when unconditional), read directly on the hot path; equivalent
   *  to rule.matchesConditions(record) for records, minus two calls. */
  readonly tests: readonly (((record: AnyRecord) => boolean) | null)[];
  readonly conditional: boolean;
}

interface FieldEntry {
  /** Set when no rule involved has conditions: the answer for every record. */
  readonly fixed: FieldDecision | null;
  readonly read: RuleList;
  readonly masked: RuleList;
  /** The answer that holds for every record, used when no record is given. */
  readonly fallback: FieldDecision;
  /** What the field is derived from (catalogue `derivedFrom`, transitively), each decided on the same record. */
  readonly sources: readonly DerivedSource[];
  /** Whether the field has a masked view (its catalogue mask is not `none`). */
  readonly maskable: boolean;
}

interface DerivedSource {
  readonly type: string;
  readonly field: string;
}

const STRICTNESS: Readonly<Record<FieldDecision, number>> = { DENIED: 0, MASKED: 1, FULL: 2 };

function stricter(a: FieldDecision, b: FieldDecision): FieldDecision {
  return STRICTNESS[a] <= STRICTNESS[b] ? a : b;
}

interface ActionEntry {
  readonly fixed: boolean | null;
  readonly list: RuleList;
  readonly fallback: boolean;
}

export interface FieldExplanation {
  decision: FieldDecision;
  /** The action whose rule decided: read for FULL, readMasked for MASKED, null when nothing allowed. */
  action: 'read' | 'readMasked' | null;
  /** The deciding rule's reason, or why nothing allowed it. */
  reason: string;
  source: RuleSource | null;
  /** The rule that refused full reading, when a forbidding rule did (not merely the absence of one). */
  readRefusedBy: { reason: string; source: RuleSource } | null;
  /** Whether the answer depends on the record (some rule involved has conditions). */
  dependsOnRecord: boolean;
}

function ruleList(ability: RequestAbility, action: Action, type: string, field: string | undefined): RuleList {
  const all = ability.casl.rulesFor(action, type, field) as readonly AuthzRule[];
  const rules: AuthzRule[] = [];
  let conditional = false;
  for (const rule of all) {
    rules.push(rule);
    if (!rule.conditions) break;
    conditional = true;
  }
  return { rules, tests: rules.map((r) => r.conditions?.test ?? null), conditional };
}

function firstMatch(list: RuleList, record: AnyRecord): AuthzRule | null {
  for (const rule of list.rules) if (rule.matchesConditions(record)) return rule;
  return null;
}

/** Hot-path form of allows_(firstMatch(list, record)). */
function permits(list: RuleList, record: AnyRecord): boolean {
  const { tests, rules } = list;
  for (let i = 0; i < tests.length; i++) {
    const test = tests[i];
    if (test === null || test === undefined || test(record)) return !(rules[i] as AuthzRule).inverted;
  }
  return false;
}

/** The rule that decides for *every* record: a conditional permission may not apply, so it is skipped;
 *  a conditional restriction may apply, so it decides. */
function guaranteedRule(list: RuleList): AuthzRule | null {
  for (const rule of list.rules) if (!rule.conditions || rule.inverted) return rule;
  return null;
}

const allows_ = (rule: AuthzRule | null): boolean => rule !== null && !rule.inverted;

const NO_RULES: RuleList = { rules: [], tests: [], conditional: false };

/** Every field `type.field` is derived from, transitively (the catalogue refuses cycles; `seen` guards anyway). */
function derivedSources(ability: RequestAbility, type: string, field: string): DerivedSource[] {
  const out: DerivedSource[] = [];
  const seen = new Set<string>([`${type}.${field}`]);
  const walk = (t: string, f: string): void => {
    for (const source of ability.catalogue[t]?.fields[f]?.derivedFrom ?? []) {
      const s = derivedSource(t, source);
      const key = `${s.type}.${s.field}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(s);
      walk(s.type, s.field);
    }
  };
  walk(type, field);
  return out;
}

function buildFieldEntry(ability: RequestAbility, type: string, field: string): FieldEntry {
  const read = ruleList(ability, 'read', type, field);
  // A field whose catalogue mask is `none` has no masked view: its "masked" value would be the value
  // itself, so readMasked must not open it (it would bypass grants for CONDITIONAL data).
  const mask = ability.catalogue[type]?.fields[field]?.mask;
  const maskable = !(mask === undefined || mask === 'none');
  const masked = maskable ? ruleList(ability, 'readMasked', type, field) : NO_RULES;
  const readOk = allows_(guaranteedRule(read));
  let fallback: FieldDecision = readOk ? 'FULL' : allows_(guaranteedRule(masked)) ? 'MASKED' : 'DENIED';
  let fixed: FieldDecision | null = null;
  if (field === '__typename') return { fixed: 'FULL', read, masked, fallback: 'FULL', sources: [], maskable }; // GraphQL metadata, not data
  if (!read.conditional && (readOk || !masked.conditional)) fixed = fallback;
  const sources = derivedSources(ability, type, field);
  // A derived field is never more open than what it is derived from; a fixed answer stays fixed only if every
  // source's is fixed too.
  for (const s of sources) {
    const e = fieldEntry(ability, s.type, s.field);
    fallback = limit(stricter(fallback, e.fallback), maskable);
    fixed = fixed !== null && e.fixed !== null ? limit(stricter(fixed, e.fixed), maskable) : null;
  }
  return { fixed, read, masked, fallback, sources, maskable };
}

/** MASKED is no answer for a field without a masked view: it becomes DENIED. */
function limit(decision: FieldDecision, maskable: boolean): FieldDecision {
  return decision === 'MASKED' && !maskable ? 'DENIED' : decision;
}

/** The field's own decision on a record, before its sources are applied. */
function ownDecision(entry: FieldEntry, record: AnyRecord): FieldDecision {
  if (permits(entry.read, record)) return 'FULL';
  return permits(entry.masked, record) ? 'MASKED' : 'DENIED';
}

function fieldEntry(ability: RequestAbility, type: string, field: string): FieldEntry {
  let byField = ability.decisionCache.get(type);
  if (!byField) {
    byField = new Map();
    ability.decisionCache.set(type, byField);
  }
  let entry = byField.get(field) as FieldEntry | undefined;
  if (!entry) {
    entry = buildFieldEntry(ability, type, field);
    byField.set(field, entry);
  }
  return entry;
}

/**
 * FULL if the caller may read the field, else MASKED if it may read the masked view (and the catalogue
 * gives the field one, i.e. a mask other than `none`), else DENIED.
 * With a record, conditional rules are evaluated against it (the fields they reference must be loaded,
 * see conditionFields; an absent field counts as unknown, which never permits). Without a record, the
 * answer is the one that holds for every record.
 */
export function fieldDecision(ability: RequestAbility, type: string, field: string, record?: AnyRecord | null): FieldDecision {
  const entry = (ability.decisionCache.get(type)?.get(field) as FieldEntry | undefined) ?? fieldEntry(ability, type, field);
  if (entry.fixed !== null) return entry.fixed;
  if (record == null) return entry.fallback;
  if (entry.sources.length === 0) return ownDecision(entry, record);
  let decision = ownDecision(entry, record);
  for (const s of entry.sources) {
    if (decision === 'DENIED') break;
    decision = stricter(decision, fieldDecision(ability, s.type, s.field, record));
  }
  return limit(decision, entry.maskable);
}

/**
 * Whether `action` is allowed on the type (or one of its fields, or one record). Same caching as
 * fieldDecision; use it for aggregate, create and update checks.
 */
export function allows(ability: RequestAbility, action: Action, type: string, field?: string, record?: AnyRecord | null): boolean {
  const key = `${action}\u0000${type}`;
  let byField = ability.ruleCache.get(key);
  if (!byField) {
    byField = new Map();
    ability.ruleCache.set(key, byField);
  }
  const fieldKey = field ?? '';
  let entry = byField.get(fieldKey) as ActionEntry | undefined;
  if (!entry) {
    const list = ruleList(ability, action, type, field);
    const fallback = allows_(guaranteedRule(list));
    entry = { list, fallback, fixed: list.conditional ? null : fallback };
    byField.set(fieldKey, entry);
  }
  if (entry.fixed !== null) return entry.fixed;
  return record == null ? entry.fallback : permits(entry.list, record);
}

function sourceOf(rule: AuthzRule): RuleSource {
  return (rule.origin as unknown as AuthzRawRule).source;
}

/** Which rule, grant or catalogue default decided a field, for audit logs and support. */
export function explainField(ability: RequestAbility, type: string, field: string, record?: AnyRecord | null): FieldExplanation {
  const own = explainOwn(ability, type, field, record);
  const entry = fieldEntry(ability, type, field);
  let explained = own;
  for (const s of entry.sources) {
    const source = explainOwn(ability, s.type, s.field, record);
    const decision = limit(stricter(explained.decision, source.decision), entry.maskable);
    if (decision === explained.decision) continue;
    const at = s.type === type ? s.field : `${s.type}.${s.field}`;
    explained = {
      decision,
      action: decision === 'MASKED' ? 'readMasked' : null,
      reason: `${type}.${field} is derived from ${at}, which this caller may ${source.decision === 'MASKED' ? 'read only masked' : 'not read'}: ${source.reason}`,
      source: source.source,
      readRefusedBy: source.readRefusedBy ?? explained.readRefusedBy,
      dependsOnRecord: explained.dependsOnRecord || source.dependsOnRecord,
    };
  }
  return entry.sources.length > 0 ? { ...explained, dependsOnRecord: explained.dependsOnRecord || entry.sources.some((s) => explainOwn(ability, s.type, s.field, record).dependsOnRecord) } : explained;
}

function explainOwn(ability: RequestAbility, type: string, field: string, record?: AnyRecord | null): FieldExplanation {
  const entry = fieldEntry(ability, type, field);
  const pick = (list: RuleList): AuthzRule | null => (record == null ? guaranteedRule(list) : firstMatch(list, record));
  const dependsOnRecord = entry.read.conditional || entry.masked.conditional;
  if (field === '__typename') {
    return { decision: 'FULL', action: 'read', reason: '__typename is GraphQL metadata', source: null, readRefusedBy: null, dependsOnRecord: false };
  }
  const readRule = pick(entry.read);
  if (readRule && !readRule.inverted) {
    return { decision: 'FULL', action: 'read', reason: readRule.reason ?? '', source: sourceOf(readRule), readRefusedBy: null, dependsOnRecord };
  }
  const readRefusedBy = readRule ? { reason: readRule.reason ?? '', source: sourceOf(readRule) } : null;
  const maskedRule = pick(entry.masked);
  if (maskedRule && !maskedRule.inverted) {
    return { decision: 'MASKED', action: 'readMasked', reason: maskedRule.reason ?? '', source: sourceOf(maskedRule), readRefusedBy, dependsOnRecord };
  }
  const refusing = maskedRule ?? readRule;
  return {
    decision: 'DENIED',
    action: null,
    reason: refusing ? (refusing.reason ?? '') : `no rule allows reading ${type}.${field}: denied by default`,
    source: refusing ? sourceOf(refusing) : null,
    readRefusedBy,
    dependsOnRecord,
  };
}

/**
 * The fields that rules on `type` put conditions on, for any action. The kit must load them (add them
 * to the ORM projection) before asking record-level questions, or those rules will not permit.
 */
export function conditionFields(ability: RequestAbility, type: string): readonly string[] {
  const key = `fields\u0000${type}`;
  const cached = ability.ruleCache.get(key)?.get('') as readonly string[] | undefined;
  if (cached) return cached;
  const fields = new Set<string>();
  for (const action of ['read', 'readMasked', 'aggregate', 'create', 'update'] as const) {
    for (const rule of ability.casl.possibleRulesFor(action, type) as readonly AuthzRule[]) {
      rule.conditions?.fields.forEach((f) => fields.add(f));
    }
  }
  const result = Object.freeze([...fields].sort());
  ability.ruleCache.set(key, new Map([['', result]]));
  return result;
}

/** The first rule of a list that decides on a record inside the caller's row scope: a conditional restriction is taken
 *  not to apply there (its conditions describe what lies outside), a conditional permission to apply. */
function inScopeRule(list: readonly AuthzRule[]): AuthzRule | null {
  for (const rule of list) if (!(rule.conditions && rule.inverted)) return rule;
  return null;
}

/**
 * The decision on records where the row conditions work for the caller (inside a police officer's own area, within a
 * region-limited grant's region), for the permission matrix: fieldDecision without a record answers for *every*
 * record, which for a conditional restriction is DENIED although most records of the caller's area are readable.
 * Equal to fieldDecision(ability, type, field) when nothing involved has conditions.
 */
export function fieldDecisionInScope(ability: RequestAbility, type: string, field: string): FieldDecision {
  const entry = fieldEntry(ability, type, field);
  if (entry.fixed !== null) return entry.fixed;
  let decision: FieldDecision = allows_(inScopeRule(entry.read.rules)) ? 'FULL' : allows_(inScopeRule(entry.masked.rules)) ? 'MASKED' : 'DENIED';
  for (const s of entry.sources) decision = stricter(decision, fieldDecisionInScope(ability, s.type, s.field));
  return limit(decision, entry.maskable);
}

/** Whether the caller may aggregate the field on some records (every record when `inScope` is false). */
export function mayAggregate(ability: RequestAbility, type: string, field: string, inScope: boolean): boolean {
  if (!inScope) return allows(ability, 'aggregate', type, field);
  return allows_(inScopeRule(ability.casl.rulesFor('aggregate', type, field) as readonly AuthzRule[]));
}

/** The rules with conditions that take part in deciding the field (read, masked read, aggregate), for explanations. */
export function conditionalRules(ability: RequestAbility, type: string, field: string): { source: RuleSource; inverted: boolean; reason: string }[] {
  const entry = fieldEntry(ability, type, field);
  const aggregate = ruleList(ability, 'aggregate', type, field).rules;
  const out = new Map<string, { source: RuleSource; inverted: boolean; reason: string }>();
  for (const rule of [...entry.read.rules, ...entry.masked.rules, ...aggregate]) {
    if (!rule.conditions) continue;
    const source = sourceOf(rule);
    out.set(`${source.kind}\u0000${source.id}\u0000${rule.reason ?? ''}`, { source, inverted: Boolean(rule.inverted), reason: rule.reason ?? '' });
  }
  for (const s of entry.sources) for (const r of conditionalRules(ability, s.type, s.field)) out.set(`${r.source.kind}\u0000${r.source.id}\u0000${r.reason}`, r);
  return [...out.values()];
}
