/**
 * Trusted documents of departmental apps (gateway/trusted-documents.ts):
 *   npm run documents:register -- <app> <file.graphql>   parse, validate against schema/supergraph.graphql, and add
 *                                                       each named operation to documents/<app>/manifest.json
 *   npm run documents:check                             validate every registered operation against the supergraph
 * Each operation is stored with the fragments it uses, printed canonically; its id is the sha256 of that body,
 * which the app sends as `extensions.persistedQuery.sha256Hash` or `documentId: "sha256:<id>"`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { PROJECT_ROOT, trustedDocumentsConfig } from '../subgraphs/kit/config';
import { APP_NAME, MANIFEST_FORMAT, manifestFile, operationBody, readManifest, sha256, type ManifestOperation } from '../gateway/trusted-documents';

export function supergraphApiSchema(file = path.join(PROJECT_ROOT, 'schema', 'supergraph.graphql')): GraphQLSchema {
  return Supergraph.build(fs.readFileSync(file, 'utf8')).apiSchema().toGraphQLJSSchema();
}

/** Problems of a document against the schema, one sentence each; empty when it is valid and every operation is named. */
export function documentProblems(schema: GraphQLSchema, document: DocumentNode): string[] {
  const problems = validate(schema, document).map((e) => e.message);
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION && !d.name) problems.push('Every registered operation needs a name (clients and audit records refer to it).');
  }
  return problems;
}

export function registerDocuments(dir: string, app: string, source: string, schema: GraphQLSchema): { added: ManifestOperation[]; known: ManifestOperation[] } {
  if (!APP_NAME.test(app)) throw new Error(`App name "${app}" must be lower-case letters, digits and hyphens (the token's client claim).`);
  const document = parse(source);
  const problems = documentProblems(schema, document);
  if (problems.length) throw new Error(`The document is not valid against the supergraph:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const file = manifestFile(dir, app);
  const manifest = readManifest(file);
  const ids = new Set(manifest.operations.map((o) => o.id));
  const added: ManifestOperation[] = [];
  const known: ManifestOperation[] = [];
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    const body = operationBody(d, fragments);
    const op: ManifestOperation = { id: sha256(body), name: d.name!.value, type: d.operation, body };
    (ids.has(op.id) ? known : added).push(op);
    ids.add(op.id);
  }
  // Earlier versions stay registered: apps already deployed still send them. Sorted, so diffs stay readable.
  const operations = [...manifest.operations, ...added].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ format: MANIFEST_FORMAT, version: 1, operations }, null, 2)}\n`);
  return { added, known };
}

/** Every registered operation that no longer validates against the supergraph, as `app: name (id): problem`. */
export function checkManifests(dir: string, schema: GraphQLSchema): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const app of fs.readdirSync(dir).sort()) {
    if (!fs.existsSync(manifestFile(dir, app))) continue;
    for (const op of readManifest(manifestFile(dir, app)).operations) {
      for (const p of documentProblems(schema, parse(op.body))) out.push(`${app}: ${op.name} (${op.id}): ${p}`);
    }
  }
  return out;
}

function main(): void {
  const [command, app, file] = process.argv.slice(2);
  const { dir } = trustedDocumentsConfig();
  const schema = supergraphApiSchema();
  if (command === 'register' && app && file) {
    const { added, known } = registerDocuments(dir, app, fs.readFileSync(file, 'utf8'), schema);
    for (const op of added) process.stdout.write(`registered ${op.type} ${op.name} for ${app}: sha256:${op.id}\n`);
    for (const op of known) process.stdout.write(`already registered ${op.type} ${op.name} for ${app}: sha256:${op.id}\n`);
    process.stdout.write(`${path.relative(PROJECT_ROOT, manifestFile(dir, app))}: commit it with the app's change.\n`);
    return;
  }
  if (command === 'check') {
    const problems = checkManifests(dir, schema);
    if (problems.length) {
      process.stderr.write(`Registered operations that the supergraph no longer accepts:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
      process.exit(1);
    }
    process.stdout.write('Every registered operation is valid against the supergraph.\n');
    return;
  }
  process.stderr.write('Usage: npm run documents:register -- <app> <file.graphql>  |  npm run documents:check\n');
  process.exit(2);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
