/**
 * Composes schema/<domain>.graphql into schema/supergraph.graphql with @apollo/composition, after checking that
 * every field of every subgraph has a resource-catalogue entry (an uncatalogued field fails the build).
 * `--check` fails when the committed supergraph differs from a fresh composition (run in CI).
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { checkCatalogue } from '../auth';
import { DOMAINS, defaultPort } from '../subgraphs/kit/config';
import { columnProblems } from '../subgraphs/kit/column-guard';
import { catalogueOf, subgraphTypeDefs } from '../subgraphs/kit/server';
import { SCHEMA_DIR } from '../subgraphs/kit/subgraph';
import { SUBGRAPHS } from '../subgraphs/registry';

/** Every catalogue problem of every subgraph: a field without an entry, or an entry without a field. */
export function catalogueProblems(): string[] {
  return DOMAINS.flatMap((name) => {
    const definition = SUBGRAPHS[name];
    const schema = buildSubgraphSchema(subgraphTypeDefs(definition).map((typeDefs) => ({ typeDefs })));
    return [...checkCatalogue(schema, catalogueOf(definition)).map((p) => p.message), ...columnProblems(definition.entities, catalogueOf(definition), name)].map((m) => `CATALOGUE (${name}): ${m}`);
  });
}

export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');

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
  if (check) {
    const committed = fs.existsSync(SUPERGRAPH_FILE) ? fs.readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
    if (committed !== result.supergraphSdl) {
      process.stderr.write('schema/supergraph.graphql is stale: run `npm run compose` and commit the result.\n');
      process.exit(1);
    }
    process.stdout.write('schema/supergraph.graphql is up to date.\n');
    return;
  }
  fs.writeFileSync(SUPERGRAPH_FILE, result.supergraphSdl);
  process.stdout.write(`Wrote ${path.relative(process.cwd(), SUPERGRAPH_FILE)} (${DOMAINS.length} subgraphs).\n`);
}

if (require.main === module) main();
