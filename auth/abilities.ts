// Builds one CASL ability per request from three sources, in increasing priority (CASL lets later
// rules override earlier ones):
//   1. catalogue defaults: open fields for everyone, UNCONDITIONAL fields for recognised government
//      callers, every field of the caller's own department;
//   2. sharing grants whose department, purpose and validity match the caller;
//   3. role policies for (dept or '*', role), in the order given, so their `inverted` rules restrict
//      defaults and grants alike;
//   4. catalogue caps: NOT_SHARED fields of other departments are never readable, and only the owning
//      department writes a field, whatever a policy or grant says;
//   5. the one exception: policy rules marked overrideNotShared, which the governance service accepts only
//      when the owning department's security officer has co-signed the policy version.
// Every rule carries a `reason` and a structured `source`, which explainField reports.
import { Ability } from '@casl/ability';
import type { MatchConditions, Subject } from '@casl/ability';
import type { Catalogue } from './catalogue';
import { bindConditions, compileCondition } from './conditions';
import type { CompiledCondition, ConditionNode, PlaceholderValues } from './conditions';
import { PolicyError } from './errors';
import { compilePolicies, checkGrant, ruleTargets } from './policies';
import type { Grant, RolePolicy } from './policies';
import { isRecognisedGovernment } from './principal';
import type { Principal } from './principal';
import { regionPrefix } from './region';
import type { Action } from './vocabulary';

export interface RuleSource {
  kind: 'catalogue' | 'policy' | 'grant';
  /** `Type.field` for catalogue rules, otherwise the policy or grant id. */
  id: string;
}

/** The raw rules we hand to CASL: conditions are precompiled, and every rule says where it came from. */
export interface AuthzRawRule {
  action: Action | Action[];
  subject: string | string[];
  fields?: string[];
  conditions?: CompiledCondition;
  inverted?: boolean;
  reason: string;
  source: RuleSource;
}

export type AuthzCaslAbility = Ability<[Action, Subject], CompiledCondition>;

export interface RequestAbility {
  readonly principal: Principal;
  readonly catalogue: Catalogue;
  readonly casl: AuthzCaslAbility;
  /** When the earliest applied grant expires: a cached ability must be rebuilt by then. */
  readonly validUntil: Date | null;
  /** @internal per-(type, field) decision memo, filled by decisions.ts. */
  readonly decisionCache: Map<string, Map<string, unknown>>;
  /** @internal per-(action, type, field) rule memo, filled by decisions.ts. */
  readonly ruleCache: Map<string, Map<string, unknown>>;
}

export interface BuildAbilityInput {
  principal: Principal;
  catalogue: Catalogue;
  policies: readonly RolePolicy[];
  grants: readonly Grant[];
  now?: Date;
}

const READ_ACTIONS: Action[] = ['read', 'readMasked', 'aggregate'];
const WRITE_ACTIONS: Action[] = ['create', 'update'];

interface DefaultRules {
  readonly defaults: readonly AuthzRawRule[];
  readonly caps: readonly AuthzRawRule[];
}

const defaultsCache = new WeakMap<Catalogue, Map<string, DefaultRules>>();

/** Catalogue-derived rules depend only on the caller's department (or none), so they are built once. */
function catalogueRules(catalogue: Catalogue, dept: string | null): DefaultRules {
  let byDept = defaultsCache.get(catalogue);
  if (!byDept) {
    byDept = new Map();
    defaultsCache.set(catalogue, byDept);
  }
  const key = dept ?? '';
  const cached = byDept.get(key);
  if (cached) return cached;

  const defaults: AuthzRawRule[] = [];
  const caps: AuthzRawRule[] = [];
  for (const [type, t] of Object.entries(catalogue)) {
    const foreignByOwner = new Map<string, string[]>();
    for (const [field, e] of Object.entries(t.fields)) {
      const at = `${type}.${field}`;
      const source: RuleSource = { kind: 'catalogue', id: at };
      // One permitting rule per field, with the most specific reason.
      let reason: string | null = null;
      if (dept !== null && e.owner === dept) reason = `catalogue: ${at} belongs to ${dept}, the caller's department`;
      else if (e.open) reason = `catalogue: ${at} is OPEN data of ${e.owner}`;
      else if (dept !== null && e.sharing === 'UNCONDITIONAL') reason = `catalogue: ${at} is UNCONDITIONAL data of ${e.owner}`;
      if (reason !== null) defaults.push(Object.freeze({ action: 'read', subject: type, fields: [field], reason, source }) as AuthzRawRule);

      if (dept !== null && e.owner !== dept) {
        if (e.sharing === 'NOT_SHARED') {
          caps.push(Object.freeze({ action: READ_ACTIONS, subject: type, fields: [field], inverted: true, reason: `catalogue: ${at} is NOT_SHARED data of ${e.owner}`, source }) as AuthzRawRule);
        }
        const list = foreignByOwner.get(e.owner) ?? [];
        list.push(field);
        foreignByOwner.set(e.owner, list);
      }
    }
    for (const [owner, fields] of foreignByOwner) {
      caps.push(
        Object.freeze({
          action: WRITE_ACTIONS,
          subject: type,
          fields,
          inverted: true,
          reason: `catalogue: these ${type} fields are maintained by ${owner} only`,
          source: { kind: 'catalogue', id: `${type}.*` },
        }) as AuthzRawRule,
      );
    }
  }
  const built = Object.freeze({ defaults: Object.freeze(defaults), caps: Object.freeze(caps) });
  byDept.set(key, built);
  return built;
}

function placeholderValues(p: Principal): PlaceholderValues {
  return { region: p.region, regionPrefix: p.region === null ? null : regionPrefix(p.region), dept: p.dept, sub: p.sub };
}

function grantRules(principal: Principal, catalogue: Catalogue, grants: readonly Grant[], now: number): { rules: AuthzRawRule[]; validUntil: number | null } {
  const rules: AuthzRawRule[] = [];
  let validUntil: number | null = null;
  for (const grant of grants) {
    // Only the caller's own grants are validated here, so one bad grant cannot take down every other
    // department's requests; checkPolicies validates the whole set at startup.
    if (grant.granteeDept !== principal.dept || grant.purpose !== principal.purpose) continue;
    const expiresAt = checkGrant(grant);
    if (!(now < expiresAt)) continue;
    const type = catalogue[grant.subject];
    if (!type) continue; // not served by this subgraph
    const rule: AuthzRawRule = {
      action: 'read',
      subject: grant.subject,
      fields: [...grant.fields],
      reason: `grant ${grant.id} for purpose ${grant.purpose}${grant.region ? ` in region ${grant.region}` : ''}`,
      source: { kind: 'grant', id: grant.id },
    };
    if (grant.region !== undefined) {
      if (type.regionField === undefined) {
        throw new PolicyError(`Grant ${grant.id} is limited to region ${grant.region}, but ${grant.subject} has no region field in the catalogue.`);
      }
      const node: ConditionNode = { op: 'like', field: type.regionField, prefix: regionPrefix(grant.region) };
      rule.conditions = compileCondition(node, false);
    }
    rules.push(rule);
    validUntil = validUntil === null ? expiresAt : Math.min(validUntil, expiresAt);
  }
  return { rules, validUntil };
}

/** The caller's policy rules, split: co-signed openings of NOT_SHARED fields go after the catalogue caps. */
function policyRules(principal: Principal, policies: readonly RolePolicy[], catalogue: Catalogue): { rules: AuthzRawRule[]; overrides: AuthzRawRule[] } {
  const rules: AuthzRawRule[] = [];
  const overrides: AuthzRawRule[] = [];
  const attrs = placeholderValues(principal);
  const roles = new Set(principal.roles);
  for (const policy of compilePolicies(policies)) {
    if ((policy.dept !== '*' && policy.dept !== principal.dept) || !roles.has(policy.role)) continue;
    policy.rules.forEach((r, i) => {
      let reason = r.reason;
      let conditions: CompiledCondition | undefined;
      if (r.conditions) {
        const bound = bindConditions(r.conditions, attrs, `Policy ${policy.id} rule ${i + 1}`);
        if (bound.missing !== undefined) {
          // The caller lacks an attribute the condition needs. A permission we cannot scope is not
          // given; a restriction we cannot scope applies to everything.
          if (!r.inverted) return;
          reason = `${r.reason} (applied to every record: the caller has no ${bound.missing})`;
        } else {
          conditions = compileCondition(bound.node, r.inverted);
        }
      }
      // Selectors over catalogue properties become concrete subjects and fields here, against the same platform
      // catalogue in every subgraph, so a field or type catalogued later is covered without editing the policy.
      for (const target of ruleTargets(r, catalogue)) {
        const rule: AuthzRawRule = { action: [...r.actions], subject: [...target.subjects], reason, source: { kind: 'policy', id: policy.id } };
        if (target.fields) rule.fields = [...target.fields];
        if (r.inverted) rule.inverted = true;
        if (conditions) rule.conditions = conditions;
        (r.overrideNotShared ? overrides : rules).push(rule);
      }
    });
  }
  return { rules, overrides };
}

function fieldMatcher(fields: string[]): (field: string) => boolean {
  if (fields.length <= 8) return (f) => fields.includes(f);
  const set = new Set(fields);
  return (f) => set.has(f);
}

/**
 * Builds the ability for one principal. Unknown departments and callers without a known role are
 * treated like the public (open fields only); unknown roles contribute no policy.
 * Cheap enough per request; cache by principalKey(principal) plus the grants' version, and rebuild
 * once `validUntil` has passed.
 */
export function buildAbility({ principal, catalogue, policies, grants, now = new Date() }: BuildAbilityInput): RequestAbility {
  const government = isRecognisedGovernment(principal);
  const nowMs = now.getTime();
  const { defaults, caps } = catalogueRules(catalogue, government ? principal.dept : null);
  let rules: AuthzRawRule[] = [...defaults];
  let validUntil: number | null = null;
  if (government) {
    const granted = grantRules(principal, catalogue, grants, nowMs);
    validUntil = granted.validUntil;
    const fromPolicies = policyRules(principal, policies, catalogue);
    rules = rules.concat(granted.rules, fromPolicies.rules, caps, fromPolicies.overrides);
  } else {
    compilePolicies(policies); // still validate (cached), so a bad policy is noticed on any request
  }
  const casl: AuthzCaslAbility = new Ability<[Action, Subject], CompiledCondition>(rules, {
    conditionsMatcher: (c: CompiledCondition) => c.test as unknown as MatchConditions,
    fieldMatcher: fieldMatcher as never,
  });
  return {
    principal,
    catalogue,
    casl,
    validUntil: validUntil === null ? null : new Date(validUntil),
    decisionCache: new Map(),
    ruleCache: new Map(),
  };
}
