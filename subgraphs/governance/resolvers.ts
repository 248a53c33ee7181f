/** The governance vocabulary: the catalogue, the policies in force, and a caller's own access. */
import { buildAbility, explainField, PUBLIC_PRINCIPAL, type TypeCatalogue } from '../../auth';
import type { Resolvers, SharingType, Sensitivity } from './__generated__/resolvers';
import { findAllVisible } from '../kit/scope';
import { PLATFORM_CATALOGUE } from './platform-catalogue';
import { RolePolicyRecord } from './entities';

function catalogueType(name: string, type: TypeCatalogue) {
  return {
    name,
    owner: type.owner,
    description: type.description ?? null,
    regionField: type.regionField ?? null,
    fields: Object.entries(type.fields).map(([field, entry]) => ({
      name: field,
      owner: entry.owner,
      sharing: entry.sharing as SharingType,
      open: entry.open,
      sensitivity: entry.sensitivity as Sensitivity,
      mask: entry.mask,
      description: entry.description ?? null,
    })),
  };
}

const TYPES = Object.keys(PLATFORM_CATALOGUE).sort();

export const resolvers: Resolvers = {
  Query: {
    catalogue: () => TYPES.map((name) => catalogueType(name, PLATFORM_CATALOGUE[name])),
    catalogueType: (_, { name }) => (PLATFORM_CATALOGUE[name] ? catalogueType(name, PLATFORM_CATALOGUE[name]) : null),
    myAccess: (_, { type }, { auth }) => {
      // The same ability every subgraph builds for this caller, over the whole platform's catalogue.
      const ability = buildAbility({
        principal: auth?.principal ?? PUBLIC_PRINCIPAL(),
        catalogue: PLATFORM_CATALOGUE,
        policies: auth?.policies.policies ?? [],
        grants: auth?.policies.grants ?? [],
      });
      return TYPES.filter((name) => !type || name === type).map((name) => ({
        type: name,
        fields: Object.keys(PLATFORM_CATALOGUE[name].fields).map((field) => {
          const explained = explainField(ability, name, field);
          return {
            field,
            decision: explained.decision,
            reason: explained.reason,
            source: explained.source?.kind ?? null,
            sourceId: explained.source?.id ?? null,
            dependsOnRecord: explained.dependsOnRecord,
          };
        }),
      }));
    },
    policies: async (_, __, { data }) => {
      const rows = await findAllVisible(data, RolePolicyRecord, {}, { orderBy: { id: 'asc' } });
      return rows.map((row) => ({ id: row.id, dept: row.dept, role: row.role, description: row.description ?? null, rules: row.rules }));
    },
  },
};
