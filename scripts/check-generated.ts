/**
 * Fails when committed generated files are stale: the composed supergraph, the API schema, the codegen resolver types
 * and the example apps' client types (examples/<app>/codegen.ts, from schema/api.graphql), and when an example app's
 * operation is not registered as a trusted document of its app (documents/<app>/manifest.json).
 * Regenerates them in place, so a developer can commit the fresh ones right after a failure.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, trustedDocumentsConfig } from '../subgraphs/kit/config';
import { composedFiles, composeSupergraph } from './compose';
import { loadTrustedDocuments } from '../gateway/trusted-documents';
import { checkManifests, supergraphApiSchema } from './documents';

const EXAMPLES = path.join(PROJECT_ROOT, 'examples');

/** Example apps with their own codegen configuration: examples/<app>/codegen.ts, the directory named as the app. */
function exampleApps(): string[] {
  if (!fs.existsSync(EXAMPLES)) return [];
  return fs.readdirSync(EXAMPLES).filter((d) => fs.existsSync(path.join(EXAMPLES, d, 'codegen.ts'))).sort();
}

function generatedFiles(): string[] {
  const dir = path.join(PROJECT_ROOT, 'subgraphs');
  const resolvers = fs
    .readdirSync(dir)
    .map((d) => path.join(dir, d, '__generated__', 'resolvers.ts'))
    .filter((f) => fs.existsSync(f));
  const clients = exampleApps().flatMap((app) => {
    const out = path.join(EXAMPLES, app, '__generated__');
    return fs.existsSync(out) ? fs.readdirSync(out).map((f) => path.join(out, f)) : [];
  });
  return [...resolvers, ...clients];
}

function runCodegen(config: string): void {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', config, '--silent'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Operations of an example app (ids codegen embedded in its documents) that its app's manifest does not hold. */
function unregisteredOperations(app: string, documentsDir: string): string[] {
  const generated = path.join(EXAMPLES, app, '__generated__', 'graphql.ts');
  if (!fs.existsSync(generated)) return [];
  const registered = loadTrustedDocuments(documentsDir).get(app) ?? new Map<string, string>();
  const text = fs.readFileSync(generated, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/export const (\w+)Document = \{"__meta__":\{"hash":"([0-9a-f]{64})"\}/g)) {
    if (!registered.has(m[2]!)) out.push(`${app}: ${m[1]} (sha256:${m[2]}); run npm run documents:register -- ${app} <its .graphql file>`);
  }
  return out;
}

function main(): void {
  const stale: string[] = [];
  const composed = composeSupergraph();
  if ('errors' in composed) {
    process.stderr.write(`Composition failed:\n${composed.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  for (const [file, content] of composedFiles(composed.supergraphSdl)) {
    if ((fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '') === content) continue;
    fs.writeFileSync(file, content);
    stale.push(path.relative(PROJECT_ROOT, file));
  }
  const before = new Map(generatedFiles().map((f) => [f, fs.readFileSync(f, 'utf8')]));
  runCodegen('codegen.yml');
  for (const app of exampleApps()) runCodegen(path.join('examples', app, 'codegen.ts'));
  for (const file of generatedFiles()) {
    if (before.get(file) !== fs.readFileSync(file, 'utf8')) stale.push(path.relative(PROJECT_ROOT, file));
  }
  // Apps' trusted documents must stay valid against the graph they will run on.
  const untrusted = checkManifests(trustedDocumentsConfig().dir, supergraphApiSchema());
  if (untrusted.length) {
    process.stderr.write(`Registered trusted documents no longer validate against the supergraph:\n${untrusted.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  // An example app's operations must be registered for it, or the gateway refuses them under enforcement.
  const unregistered = exampleApps().flatMap((app) => unregisteredOperations(app, trustedDocumentsConfig().dir));
  if (unregistered.length) {
    process.stderr.write(`Example apps' operations not registered as trusted documents:\n${unregistered.map((p) => `  - ${p}`).join('\n')}\n`);
  }
  if (stale.length) {
    process.stderr.write(`Generated files were stale and have been regenerated; commit them:\n${stale.map((f) => `  - ${f}`).join('\n')}\n`);
  }
  if (unregistered.length || stale.length) process.exit(1);
  process.stdout.write('Generated files are up to date (supergraph, API schema, catalogue document, resolver types, example client types; trusted documents valid and example operations registered).\n');
}

main();
