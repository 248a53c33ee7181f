/**
 * The benchmark chart, drawn by hand as SVG: for every scenario, a bar of requests per second and one of p99
 * latency per target (ours in blue, peers grey, dedupe-on and floor references hatched light). PNG through
 * Debian's chromium in headless mode (`--screenshot`), when it is installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface ChartRow {
  label: string;
  rps: number;
  p99: number;
  ours: boolean;
  reference: boolean;
}

const ROW = 18;
const LABEL_W = 210;
const BAR_W = 300;
const GAP = 40;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function throughputChart(groups: readonly { name: string; rows: readonly ChartRow[] }[]): { svg: string; width: number; height: number } {
  const width = LABEL_W + 2 * BAR_W + GAP + 80;
  const parts: string[] = [];
  let y = 40;
  parts.push(`<text x="${LABEL_W}" y="24" font-weight="bold">requests per second (higher is better)</text>`);
  parts.push(`<text x="${LABEL_W + BAR_W + GAP}" y="24" font-weight="bold">p99 latency, ms (lower is better)</text>`);
  for (const group of groups) {
    parts.push(`<text x="8" y="${y + 12}" font-weight="bold">${escape(group.name)}</text>`);
    y += ROW;
    const maxRps = Math.max(...group.rows.map((r) => r.rps), 1);
    const maxP99 = Math.max(...group.rows.map((r) => r.p99), 1);
    for (const row of group.rows) {
      const fill = row.ours ? (row.reference ? '#9ecbff' : '#1f6feb') : row.reference ? '#d0d0d0' : '#6e7781';
      const rpsW = (row.rps / maxRps) * BAR_W;
      const p99W = (row.p99 / maxP99) * BAR_W;
      parts.push(`<text x="${LABEL_W - 6}" y="${y + 12}" text-anchor="end">${escape(row.label)}</text>`);
      parts.push(`<rect x="${LABEL_W}" y="${y + 2}" width="${rpsW.toFixed(1)}" height="${ROW - 5}" fill="${fill}"/>`);
      parts.push(`<text x="${(LABEL_W + rpsW + 4).toFixed(1)}" y="${y + 12}">${row.rps.toFixed(0)}</text>`);
      const x2 = LABEL_W + BAR_W + GAP;
      parts.push(`<rect x="${x2}" y="${y + 2}" width="${p99W.toFixed(1)}" height="${ROW - 5}" fill="${fill}"/>`);
      parts.push(`<text x="${(x2 + p99W + 4).toFixed(1)}" y="${y + 12}">${row.p99}</text>`);
      y += ROW;
    }
    y += 12;
  }
  const height = y + 10;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
${parts.join('\n')}
</svg>
`;
  return { svg, width, height };
}

/** Renders the SVG file to PNG with headless chromium; false when there is no chromium or it fails. */
export function svgToPng(svgFile: string, pngFile: string, width: number, height: number): boolean {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) return false;
  const run = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--window-size=${width},${height}`, `--screenshot=${pngFile}`, `file://${svgFile}`], { timeout: 60_000, stdio: 'ignore' });
  return run.status === 0 && fs.existsSync(pngFile);
}
