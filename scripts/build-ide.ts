/**
 * Builds the graph IDE (web/ide: GraphiQL 5, React, monaco-editor) into web/ide/dist with esbuild: one script, one
 * stylesheet, monaco's three workers and the fonts, all served by the gateway from its own origin (government
 * networks have no CDN). `npm ci` and `npm install` run it (the `prepare` script); `npm run build:ide` by hand after
 * editing web/ide. The gateway refuses to start without the bundle (gateway/ide.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../subgraphs/kit/config';
import { IDE_DIST, IDE_SOURCE } from '../gateway/ide';

/** Monaco's workers by the label GraphiQL asks for (web/ide/ide.tsx maps labels to these names). */
const WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

/**
 * GraphiQL's stylesheet inlines its fonts as data: URLs, which `font-src 'self'` refuses: they become files of
 * their own, named by content.
 */
function extractDataFonts(css: string, outDir: string): string {
  return css.replace(/url\(\s*["']?data:font\/(ttf|woff2?|otf);base64,([A-Za-z0-9+/=]+)["']?\s*\)/g, (_, ext: string, data: string) => {
    const body = Buffer.from(data, 'base64');
    const name = `font-${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}.${ext}`;
    fs.writeFileSync(path.join(outDir, name), body);
    return `url(./${name})`;
  });
}

export async function buildIde(outDir: string = IDE_DIST): Promise<string[]> {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    // Classic scripts: the page reads its CSP nonce from document.currentScript, which modules do not have.
    format: 'iife' as const,
    target: 'es2022',
    legalComments: 'linked' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning' as const,
    absWorkingDir: PROJECT_ROOT,
  };
  await build({
    ...common,
    entryPoints: { ide: path.join(IDE_SOURCE, 'ide.tsx') },
    outdir: outDir,
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
    assetNames: '[name]-[hash]',
  });
  await build({ ...common, entryPoints: WORKERS, outdir: outDir });
  // The page itself is a template: the gateway puts a fresh CSP nonce in it per response (gateway/ide.ts).
  fs.copyFileSync(path.join(IDE_SOURCE, 'index.html'), path.join(outDir, 'index.html'));
  const css = path.join(outDir, 'ide.css');
  fs.writeFileSync(css, extractDataFonts(fs.readFileSync(css, 'utf8'), outDir));
  const files = fs.readdirSync(outDir).sort();
  // Written last: the gateway takes its presence as "the build finished".
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify({ files }, null, 2)}\n`);
  return files;
}

if (require.main === module) {
  const started = Date.now();
  buildIde().then(
    (files) => process.stdout.write(`Built the graph IDE into ${path.relative(PROJECT_ROOT, IDE_DIST)} (${files.length} files) in ${Date.now() - started} ms.\n`),
    (error: unknown) => {
      process.stderr.write(`Building the graph IDE failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
