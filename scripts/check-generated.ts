/**
 * Fails when committed generated files are stale: the composed supergraph, the API schema and the codegen resolver types.
 * Regenerates them in place, so a developer can commit the fresh ones right after a failure.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, trustedDocumentsConfig } from '../subgraphs/kit/config';
import { composedFiles, composeSupergraph } from './compose';
import { checkManifests, supergraphApiSchema } from './documents';

function generatedFiles(): string[] {
  const dir = path.join(PROJECT_ROOT, 'subgraphs');
  return fs
    .readdirSync(dir)
    .map((d) => path.join(dir, d, '__generated__', 'resolvers.ts'))
    .filter((f) => fs.existsSync(f));
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
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.yml', '--silent'], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const file of generatedFiles()) {
    if (before.get(file) !== fs.readFileSync(file, 'utf8')) stale.push(path.relative(PROJECT_ROOT, file));
  }
  // Apps' trusted documents must stay valid against the graph they will run on.
  const untrusted = checkManifests(trustedDocumentsConfig().dir, supergraphApiSchema());
  if (untrusted.length) {
    process.stderr.write(`Registered trusted documents no longer validate against the supergraph:\n${untrusted.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(1);
  }
  if (stale.length) {
    process.stderr.write(`Generated files were stale and have been regenerated; commit them:\n${stale.map((f) => `  - ${f}`).join('\n')}\n`);
    process.exit(1);
  }
  process.stdout.write('Generated files are up to date (supergraph, API schema, catalogue document, resolver types; trusted documents valid).\n');
}

main();
