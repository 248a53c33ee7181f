/**
 * The web apps' message catalogues (web/shared/messages/*.js, issue 18): both languages have the same keys with the
 * same placeholders, every key the console and the dashboard use exists, and every value the API can send (error
 * codes, departments, roles, sharing types, sensitivities, decisions) has a label. The sources are grepped, so a
 * key added to a page and forgotten in a catalogue fails here, not in front of a civil servant.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { ErrorCode } from '../../auth/errors';
import { DEPARTMENTS, ROLES } from '../../auth/vocabulary';

type Message = string | Record<string, string>;
const ROOT = path.join(__dirname, '..', '..');
const WEB = path.join(ROOT, 'web');

/** A catalogue module is data only (`export const messages = {…}`): evaluated as such, without a module loader. */
function catalogue(locale: string): Record<string, Message> {
  const source = fs.readFileSync(path.join(WEB, 'shared', 'messages', `${locale}.js`), 'utf8');
  const sandbox: { messages?: Record<string, Message> } = {};
  vm.runInNewContext(source.replace(/^export const messages =/m, 'messages ='), sandbox);
  return sandbox.messages!;
}

/** The console's, the dashboard's and the shared modules' sources (the IDE is a separate build). */
function sources(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const dir of ['console', 'dashboard', 'shared']) {
    const walk = (d: string): void => {
      for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, entry.name);
        if (entry.isDirectory() && entry.name !== 'vendor' && entry.name !== 'messages') walk(full);
        else if (/\.(js|html)$/.test(entry.name)) out.push({ file: path.relative(ROOT, full), text: fs.readFileSync(full, 'utf8') });
      }
    };
    walk(path.join(WEB, dir));
  }
  return out;
}

const placeholders = (m: Message): string[] => [...new Set((typeof m === 'string' ? [m] : Object.values(m)).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]!)))].sort();

const en = catalogue('en');
const zh = catalogue('zh-CN');
const NAMESPACES = 'common|dash|console|error|dept|role|sharing|sensitivity|decision|state|result|change|direction|lang';

describe('the web message catalogues', () => {
  it('have the same keys in Chinese and English', () => {
    expect(Object.keys(zh).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in zh))).toEqual([]);
  });

  it('fill the same named placeholders in both languages, and every plural has an `other` form', () => {
    const differing = Object.keys(en).filter((k) => k in zh && placeholders(en[k]!).join() !== placeholders(zh[k]!).join());
    expect(differing).toEqual([]);
    for (const m of [...Object.values(en), ...Object.values(zh)]) if (typeof m !== 'string') expect(m).toHaveProperty('other');
  });

  it('have every key the console and the dashboard use', () => {
    const used = new Map<string, string>();
    const prefixes = new Map<string, string>();
    for (const { file, text } of sources()) {
      for (const m of text.matchAll(new RegExp(`['"\`]((?:${NAMESPACES})\\.[A-Za-z0-9_.-]+)['"\`]`, 'g'))) used.set(m[1]!, file);
      // label('dept', value), enumBadge('state', value): the key is the prefix and the API's value.
      for (const m of text.matchAll(/\b(?:label|enumBadge)\('([a-z.]+)'/g)) prefixes.set(m[1]!, file);
    }
    expect(used.size).toBeGreaterThan(300);
    const keys = Object.keys(en);
    // A literal that is a prefix (labels: 'dash.industry') counts when keys start with it.
    const missing = [...used].filter(([key]) => !(key in en) && !(key in zh) && !keys.some((k) => k.startsWith(`${key}.`))).map(([key, file]) => `${file}: ${key}`);
    expect(missing).toEqual([]);
    const emptyPrefixes = [...prefixes].filter(([prefix]) => !keys.some((k) => k.startsWith(`${prefix}.`))).map(([p, file]) => `${file}: ${p}`);
    expect(emptyPrefixes).toEqual([]);
  });

  it('translate every error code the API sends, and label every department, role and catalogue value', () => {
    const expected = [
      ...Object.values(ErrorCode).map((c) => `error.${c}`),
      ...DEPARTMENTS.map((d) => `dept.${d}`),
      ...ROLES.map((r) => `role.${r}`),
      ...['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'].map((s) => `sharing.${s}`),
      ...['NONE', 'PERSONAL', 'SENSITIVE'].map((s) => `sensitivity.${s}`),
      ...['FULL', 'MASKED', 'DENIED', 'AGGREGATE_ONLY'].map((s) => `decision.${s}`),
    ];
    expect(expected.filter((k) => !(k in en) || !(k in zh))).toEqual([]);
  });

  it('use the official Chinese terms', () => {
    expect([zh['sharing.UNCONDITIONAL'], zh['sharing.CONDITIONAL'], zh['sharing.NOT_SHARED']]).toEqual(['无条件共享', '有条件共享', '不予共享']);
    expect([zh['decision.FULL'], zh['decision.MASKED'], zh['decision.DENIED'], zh['decision.AGGREGATE_ONLY']]).toEqual(['完整可见', '脱敏可见', '不可见', '仅统计']);
    expect(zh['dept.data-bureau']).toBe('海南省大数据管理局');
    expect(zh['role.security-officer']).toBe('安全管理员');
  });
});
