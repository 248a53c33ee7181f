// What the catalogue says of each field and what this caller gets, from governance (`catalogue`, `myAccess`), and
// the schema's field descriptions annotated with it, so that the documentation explorer shows it on every field.
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { graphql } from './api';

export type Decision = 'FULL' | 'MASKED' | 'DENIED';

export interface FieldFacts {
  type: string;
  field: string;
  owner: string;
  sharing: 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';
  open: boolean;
  sensitivity: string;
  mask: string;
  decision: Decision | null;
  reason: string | null;
  dependsOnRecord: boolean;
}

export type AccessMap = Map<string, FieldFacts>;

const ACCESS_QUERY = `query IdeAccess {
  catalogue { name owner fields { name owner sharing open sensitivity mask } }
  myAccess { type fields { field decision reason dependsOnRecord } }
}`;

interface AccessData {
  catalogue: { name: string; owner: string; fields: { name: string; owner: string; sharing: FieldFacts['sharing']; open: boolean; sensitivity: string; mask: string }[] }[];
  myAccess: { type: string; fields: { field: string; decision: Decision; reason: string; dependsOnRecord: boolean }[] }[];
}

export async function loadAccess(token: string | null, headers: Record<string, string>): Promise<AccessMap> {
  const result = await graphql<AccessData>(token, { query: ACCESS_QUERY, operationName: 'IdeAccess' }, headers);
  if (!result.data?.catalogue || !result.data.myAccess) throw new Error(result.errors?.map((e) => e.message).join(' ') || 'Governance did not answer the catalogue.');
  const decisions = new Map<string, AccessData['myAccess'][number]['fields'][number]>(result.data.myAccess.flatMap((t) => t.fields.map((f) => [`${t.type}.${f.field}`, f] as const)));
  const map: AccessMap = new Map();
  for (const type of result.data.catalogue) {
    for (const f of type.fields) {
      const key = `${type.name}.${f.name}`;
      const d = decisions.get(key);
      map.set(key, { type: type.name, field: f.name, owner: f.owner, sharing: f.sharing, open: f.open, sensitivity: f.sensitivity, mask: f.mask, decision: d?.decision ?? null, reason: d?.reason ?? null, dependsOnRecord: d?.dependsOnRecord ?? false });
    }
  }
  return map;
}

/** How to get more than one has, in a sentence (and the mutation, for CONDITIONAL fields). */
export function howToAsk(f: FieldFacts): string {
  if (f.decision === 'FULL') return 'You read this field in full.';
  if (f.sharing === 'NOT_SHARED') return `Not shared: ${f.owner} keeps it; only a policy co-signed by ${f.owner}'s security officer can open it.`;
  if (f.sharing === 'UNCONDITIONAL') return 'Shared unconditionally with government departments: your security officer can add it to your role policy.';
  return `Conditional sharing: an officer or security officer of your department asks ${f.owner} with requestGrant, then sends the grant's purpose as X-Purpose.`;
}

export function grantMutation(f: FieldFacts): string {
  return `mutation RequestGrant {
  requestGrant(input: {
    scope: [{ type: "${f.type}", fields: ["${f.field}"] }]
    purpose: "state the purpose"
    legalBasis: "cite the law or regulation"
    expiresOn: "YYYY-MM-DD"
  }) { id state }
}`;
}

function annotation(f: FieldFacts): string {
  const decision = f.decision ? `**Your access: ${f.decision}**${f.dependsOnRecord ? ' (depends on the record)' : ''}${f.reason ? ` — ${f.reason}` : ''}` : '**Your access: unknown**';
  return [
    decision,
    '',
    `Owner: ${f.owner} · Sharing: ${f.sharing} · Open: ${f.open ? 'yes' : 'no'} · Sensitivity: ${f.sensitivity} · Mask: ${f.mask}`,
    '',
    howToAsk(f),
  ].join('\n');
}

/** Appends each catalogued field's facts to its description (in place; the schema was built for this caller). */
export function annotateSchema(schema: GraphQLSchema, access: AccessMap): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const facts = access.get(`${type.name}.${field.name}`);
      // After a rule under the field's own description; first, when it has none, so that lists show the decision.
      if (facts) field.description = `${field.description ? `${field.description}\n\n---\n\n` : ''}${annotation(facts)}`;
    }
  }
  return schema;
}
