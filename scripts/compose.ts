/**
 * Composes schema/<domain>.graphql into schema/supergraph.graphql with @apollo/composition, after checking that
 * every field of every subgraph has a resource-catalogue entry (an uncatalogued field fails the build), and writes
 * schema/api.graphql: the schema clients see (no join or federation machinery), for their code generators.
 * It also writes docs/catalogue.md, the resource catalogue as a document (scripts/catalogue-doc.ts).
 * `--check` fails when a committed file differs from a fresh composition (run in CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, extendSchema, isObjectType, lexicographicSortSchema, printSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { checkCatalogue, type Catalogue, type FieldEntry } from '../auth';
import { DOMAINS, defaultPort } from '../subgraphs/kit/config';
import { AUDIT_TRAIL_TYPEDEFS } from '../subgraphs/kit/audit/trail';
import { columnProblems } from '../subgraphs/kit/column-guard';
import { catalogueOf, subgraphTypeDefs } from '../subgraphs/kit/server';
import { SCHEMA_DIR } from '../subgraphs/kit/subgraph';
import { PLATFORM_CATALOGUE } from '../subgraphs/platform-catalogue';
import { SUBGRAPHS } from '../subgraphs/registry';
import { CATALOGUE_DOC_FILE, catalogueMarkdown, DEPARTMENT_NAMES } from './catalogue-doc';

/** Every catalogue problem of every subgraph: a field without an entry, or an entry without a field. */
export function catalogueProblems(): string[] {
  return DOMAINS.flatMap((name) => {
    const definition = SUBGRAPHS[name];
    const schema = buildSubgraphSchema(subgraphTypeDefs(definition).map((typeDefs) => ({ typeDefs })));
    return [...checkCatalogue(schema, catalogueOf(definition)).map((p) => p.message), ...columnProblems(definition.entities, catalogueOf(definition), name)].map((m) => `CATALOGUE (${name}): ${m}`);
  });
}

export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');
export const API_SCHEMA_FILE = path.join(SCHEMA_DIR, 'api.graphql');

const API_SCHEMA_HEADER = '# The Hainan government data graph as clients see it, composed from schema/<domain>.graphql by `npm run compose`.\n# Generate client types from this file; do not edit it by hand.\n\n';

/** The client-facing schema of a supergraph, sorted so that a change shows as a small diff. */
export function apiSchemaSdl(supergraphSdl: string, catalogue: Catalogue = PLATFORM_CATALOGUE): string {
  const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  // Each catalogued field says who owns it and how it is shared, so that generated client types carry it too.
  for (const [typeName, type] of Object.entries(catalogue)) {
    const graphType = schema.getType(typeName);
    if (!isObjectType(graphType)) continue;
    for (const [fieldName, entry] of Object.entries(type.fields)) {
      const field = graphType.getFields()[fieldName];
      if (field) field.description = [field.description, catalogueFacts(entry)].filter(Boolean).join('\n\n');
    }
  }
  return API_SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** One line of a field's catalogue entry: owner, sharing type, openness, sensitivity and mask (docs/catalogue.md explains them). */
export function catalogueFacts(entry: FieldEntry): string {
  const parts = [`Owner: ${DEPARTMENT_NAMES[entry.owner] ?? entry.owner}`, entry.sharing, ...(entry.open ? ['open data'] : []), `sensitivity ${entry.sensitivity}`];
  if (entry.mask !== 'none') parts.push(`mask ${entry.mask}`);
  return `Catalogue: ${parts.join(' · ')} (docs/catalogue.md).`;
}

/** docs/catalogue.md for a supergraph: the platform catalogue, the client schema's descriptions, the domains' statistics. */
export function catalogueDoc(supergraphSdl: string): string {
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  // The kit's audit trail is served by every subgraph but left out of the supergraph: described by its own SDL.
  const auditTrail = extendSchema(buildSchema('type Query { _: Boolean }'), AUDIT_TRAIL_TYPEDEFS);
  return catalogueMarkdown({ catalogue: PLATFORM_CATALOGUE, schemas: [api, auditTrail], statistics: DOMAINS.flatMap((name) => SUBGRAPHS[name].statistics ?? []) });
}

/** The generated files of a composition, by path, as they must be committed. */
export function composedFiles(supergraphSdl: string): Map<string, string> {
  return new Map([
    [SUPERGRAPH_FILE, supergraphSdl],
    [API_SCHEMA_FILE, apiSchemaSdl(supergraphSdl)],
    [CATALOGUE_DOC_FILE, catalogueDoc(supergraphSdl)],
  ]);
}

export function composeSupergraph(): { supergraphSdl: string } | { errors: string[] } {
  const services = DOMAINS.map((name) => ({
    name,
    url: `http://127.0.0.1:${defaultPort(name)}/graphql`,
    // As the subgraph serves it: its SDL file with the shared statistics types appended (loadTypeDefs).
    typeDefs: SUBGRAPHS[name].typeDefs,
  }));
  const problems = catalogueProblems();
  if (problems.length > 0) return { errors: problems };
  const result = composeServices(services);
  if (result.errors) {
    return { errors: result.errors.map((e) => `${(e.extensions?.code as string) ?? 'ERROR'}: ${e.message}`) };
  }
  return { supergraphSdl: result.supergraphSdl };
}

function main(): void {
  const check = process.argv.includes('--check');
  const result = composeSupergraph();
  if ('errors' in result) {
    process.stderr.write(`Composition failed with ${result.errors.length} error(s):\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  const files = composedFiles(result.supergraphSdl);
  if (check) {
    const stale = [...files].filter(([file, content]) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '') !== content).map(([file]) => path.relative(process.cwd(), file));
    if (stale.length) {
      process.stderr.write(`${stale.join(' and ')} ${stale.length > 1 ? 'are' : 'is'} stale: run \`npm run compose\` and commit the result.\n`);
      process.exit(1);
    }
    process.stdout.write(`${[...files.keys()].map((f) => path.relative(process.cwd(), f)).join(', ')} are up to date.\n`);
    return;
  }
  for (const [file, content] of files) fs.writeFileSync(file, content);
  process.stdout.write(`Wrote ${[...files.keys()].map((f) => path.relative(process.cwd(), f)).join(', ')} (${DOMAINS.length} subgraphs).\n`);
}

if (require.main === module) main();
