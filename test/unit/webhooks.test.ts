/** The pieces of webhook push that need no platform: backoff, signatures, delivery IDs, URL checks, the grant rule. */
import { createHmac } from 'node:crypto';
import { PROVINCE_POLICY } from '../../auth/province-policy';
import { testPrincipal, type Grant } from '../../auth';
import { checkWebhookUrl, conditionalRefusals } from '../../subgraphs/governance/subscriptions';
import { backoffDelay, deliverable, deliveryIdOf, domainsOf, signatureOf } from '../../subgraphs/governance/webhooks';

describe('backoff', () => {
  const options = { backoffMs: 1000, maxBackoffMs: 60_000 };
  it('doubles per attempt, half of it random, up to the maximum', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, options, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(30, options, () => 1)).toBe(60_000);
    expect(backoffDelay(1000, options, () => 0.5)).toBe(45_000);
  });
});

describe('signatures and delivery IDs', () => {
  it('signs t + "." + body with HMAC-SHA256', () => {
    const body = '{"a":1}';
    expect(signatureOf('whsec_x', 1700000000, body)).toBe(`t=1700000000,v1=${createHmac('sha256', 'whsec_x').update(`1700000000.${body}`).digest('hex')}`);
  });
  it('gives one delivery ID per subscription, domain and position', () => {
    expect(deliveryIdOf('SB-1', 'population', 7)).toBe(deliveryIdOf('SB-1', 'population', 7));
    expect(new Set([deliveryIdOf('SB-1', 'population', 7), deliveryIdOf('SB-2', 'population', 7), deliveryIdOf('SB-1', 'health', 7), deliveryIdOf('SB-1', 'population', 8)]).size).toBe(4);
  });
});

describe('webhook URLs', () => {
  it('takes https, and http outside production only', () => {
    expect(checkWebhookUrl('https://hooks.example.gov.cn/deaths', true)).toBe('https://hooks.example.gov.cn/deaths');
    expect(checkWebhookUrl('http://127.0.0.1:9000/x', false)).toBe('http://127.0.0.1:9000/x');
    expect(() => checkWebhookUrl('http://hooks.example.gov.cn/x', true)).toThrow(/https/);
    expect(() => checkWebhookUrl('ftp://hooks.example.gov.cn/x', false)).toThrow(/http/);
    expect(checkWebhookUrl(null, true)).toBeNull();
  });
  it('refuses credentials, fragments and what is not a URL', () => {
    expect(() => checkWebhookUrl('https://u:p@hooks.example.gov.cn/x', true)).toThrow(/user name and password/);
    expect(() => checkWebhookUrl('https://hooks.example.gov.cn/x#f', true)).toThrow(/fragment/);
    expect(() => checkWebhookUrl('not a url', true)).toThrow(/not a URL/);
  });
});

describe('the grant rule', () => {
  const health = testPrincipal({ dept: 'health', roles: ['officer'], region: '460000', purpose: 'follow-up' }, 'h');
  it('names the CONDITIONAL fields an event carries that the subscriber may not read at all', () => {
    const refused = conditionalRefusals(health, PROVINCE_POLICY, [], ['PersonBorn', 'PersonDied']);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.type).toBe('PersonBorn');
    // Masked is readable (a query gives it masked); maritalStatus is not readable at all.
    expect(refused[0]!.fields).toContain('maritalStatus');
    expect(refused[0]!.fields).not.toContain('idNumber');
  });
  it('lets a grant for the purpose open them', () => {
    const grant: Grant = { id: 'GR-1', granteeDept: 'health', subject: 'Person', fields: ['maritalStatus'], purpose: 'follow-up', expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    expect(conditionalRefusals(health, PROVINCE_POLICY, [grant], ['PersonBorn'])).toEqual([]);
    // Bound to its purpose: under another purpose it opens nothing.
    const other = testPrincipal({ dept: 'health', roles: ['officer'], region: '460000', purpose: 'something-else' }, 'h');
    expect(conditionalRefusals(other, PROVINCE_POLICY, [grant], ['PersonBorn'])).toHaveLength(1);
  });
  it('leaves CONDITIONAL fields out of a subscription that asked so, and reads only the domains recording its types', () => {
    const node = { stream: 'population', position: 1, id: 'x', type: 'PersonBorn', recordKey: 'Person:P1', occurredAt: '', version: 1, writerDept: null, domain: 'population', fields: [{ name: 'name', value: '"A"', masked: false }, { name: 'maritalStatus', value: '"MARRIED"', masked: false }] };
    expect(deliverable({ withoutConditionalFields: true }, node)?.fields.map((f) => f.name)).toEqual(['name']);
    expect(deliverable({ withoutConditionalFields: false }, node)).toBe(node);
    expect(domainsOf(['PersonDied', 'GrantApproved', 'PersonBorn'])).toEqual(['population', 'governance']);
  });
});
