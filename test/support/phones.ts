/**
 * What a health analyst reads of Person.phone through the gateway: the browser tests' proof that a policy edit made
 * in the console holds on a real query.
 */
import type { Platform } from './platform';

export async function phonesForHealthAnalyst(platform: Platform): Promise<string[]> {
  const headers = await platform.as({ sub: 'analyst-1', dept: 'health', roles: ['analyst'], region: '460000' });
  const res = await platform.query('{ persons(first: 20) { edges { node { phone } } } }', undefined, headers);
  return (res.data?.persons.edges ?? []).map((e: { node: { phone: string | null } }) => e.node.phone).filter((p: string | null): p is string => p !== null);
}

/**
 * The phones once every one is `masked` (or every one in full): subgraphs pick up a newly activated version shortly
 * after activation, so this polls for up to 15 s without asserting how long it takes; the caller asserts the result.
 */
export async function phonesOnceSettled(platform: Platform, masked: boolean): Promise<string[]> {
  let phones: string[] = [];
  for (let i = 0; i < 60; i += 1) {
    phones = await phonesForHealthAnalyst(platform);
    if (phones.length > 0 && phones.every((p) => p.includes('*') === masked)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return phones;
}
