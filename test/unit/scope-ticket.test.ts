/** Owner-scope tickets (subgraphs/kit/scope-ticket.ts) verify only for the caller, policy, record and time they were minted for. */
import { mintTicket, readTicket, scopeTicketer, TICKET_LIFETIME_MS } from '../../subgraphs/kit/scope-ticket';

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
