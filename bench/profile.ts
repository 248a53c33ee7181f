/**
 * Where a process spent its CPU: sums the self time of a V8 CPU profile (`node --cpu-prof`, as the gateway bench
 * writes with BENCH_CPU_PROFILE) by package and by function.
 *   npx tsx bench/profile.ts <file.cpuprofile | directory of them> [top=25] [skipSeconds=0]
 * skipSeconds leaves out the process's start (module loading, schema building).
 */
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/@scope/name/...` → `@scope/name`; our own files → `ours: <dir>`; Node internals → `node`. */
export function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  if (url.startsWith('node:')) return 'node';
  const dist = url.indexOf('/dist/');
  return dist >= 0 ? `ours: ${url.slice(dist + 6).split('/').slice(0, -1).join('/') || '.'}` : url;
}

function main(): void {
  const [target, topArg, skipArg] = process.argv.slice(2);
  const skipUs = Number(skipArg ?? 0) * 1e6;
  if (!target) throw new Error('usage: npx tsx bench/profile.ts <file.cpuprofile | directory> [top]');
  const top = Number(topArg ?? 25);
  const files = fs.statSync(target).isDirectory() ? fs.readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f)) : [target];
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    let elapsed = 0;
    profile.samples.forEach((id, i) => {
      const node = nodes.get(id)!;
      const us = profile.timeDeltas[i] ?? 0;
      elapsed += us;
      if (elapsed < skipUs) return;
      if (node.callFrame.functionName === '(idle)') return;
      total += us;
      const pkg = packageOf(node.callFrame.url);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
      const fn = `${node.callFrame.functionName || '(anonymous)'} ${pkg}:${node.callFrame.lineNumber + 1}`;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
    });
  }
  const print = (title: string, map: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(`${((us / total) * 100).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}\n`);
    }
  };
  process.stdout.write(`${files.length} profile(s), ${(total / 1000).toFixed(0)} ms busy\n`);
  print('self time by package', byPackage);
  print('self time by function', byFunction);
}

main();
