/** Owner-scope tickets (subgraphs/kit/scope-ticket.ts) verify only for the caller, policy, record and time they were minted for. */
import { bindingOf, mintTicket, readTicket, scopeTicketer, TICKET_LIFETIME_MS } from '../../subgraphs/kit/scope-ticket';
import type { RequestContext } from '../../subgraphs/kit/subgraph';

const ticketer = scopeTicketer({ secret: 'a'.repeat(40), production: true })!;
const binding = { caller: '["government","police-hk"]', policyVersion: 'v1' };
const row = { hukouRegionCode: '460105' };
const now = 1_800_000_000_000;
const ticket = mintTicket(ticketer, binding, 'Person', 'P1', row, now + TICKET_LIFETIME_MS);

describe('a scope ticket', () => {
  it('gives back its row for the same caller, policy, type and key before it expires', () => {
    expect(readTicket(ticketer, binding, 'Person', 'P1', ticket, now)).toEqual(row);
  });

  it.each([
    ['another caller', { ...binding, caller: '["government","police-hq"]' }, 'Person', 'P1', now],
    ['another policy version', { ...binding, policyVersion: 'v2' }, 'Person', 'P1', now],
    ['another record', binding, 'Person', 'P2', now],
    ['another type', binding, 'Enterprise', 'P1', now],
    ['after it expired', binding, 'Person', 'P1', now + TICKET_LIFETIME_MS],
  ])('is refused for %s', (_, b, type, key, at) => {
    expect(readTicket(ticketer, b, type, key, ticket, at)).toBeUndefined();
  });

  it('is refused under another key, and when no key is configured in production none is made', () => {
    const other = scopeTicketer({ secret: 'b'.repeat(40), production: true })!;
    expect(readTicket(other, binding, 'Person', 'P1', ticket, now)).toBeUndefined();
    expect(scopeTicketer({ production: true, devPrivateKeyFile: '/nonexistent' })).toBeNull();
  });

  it('is refused when it claims to live longer than a ticket may', () => {
    const far = mintTicket(ticketer, binding, 'Person', 'P1', row, now + TICKET_LIFETIME_MS * 3);
    expect(readTicket(ticketer, binding, 'Person', 'P1', far, now)).toBeUndefined();
  });
});

describe('what a ticket is bound to', () => {
  const ctx = (validUntil?: Date) =>
    ({ auth: { principal: { kind: 'government', sub: 'police-hk', dept: 'public-security', roles: ['officer'], region: '460100' }, policies: { version: 'v1' }, ability: { validUntil } } }) as unknown as RequestContext<unknown>;

  it('includes the end of the ability\'s validity: a grant that ran out between minting and use refuses the ticket', () => {
    const minted = mintTicket(ticketer, bindingOf(ctx(new Date(now + 5000)))!, 'Person', 'P1', row, now + TICKET_LIFETIME_MS);
    expect(readTicket(ticketer, bindingOf(ctx(new Date(now + 5000)))!, 'Person', 'P1', minted, now)).toEqual(row);
    expect(readTicket(ticketer, bindingOf(ctx(undefined))!, 'Person', 'P1', minted, now)).toBeUndefined();
  });

  it('is nothing without a caller', () => {
    expect(bindingOf({} as RequestContext<unknown>)).toBeNull();
  });
});
