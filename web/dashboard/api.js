// The dashboard's way to the platform (shared with the console: ../shared/graphql.js): the signed-in dashboard
// account's token and the console's development sign-in where it exists.
import { createSession, devSignInInfo, devToken, graphqlClient } from '../shared/graphql.js';

export { ApiError } from '../shared/graphql.js';
export const session = createSession('hdg.dashboard.token');
export const gql = graphqlClient(session);

/** Whether the gateway offers development sign-in (only in the embedded development mode). */
export async function devSignInAvailable() {
  return (await devSignInInfo()) !== null;
}

/** A development token for a statistics-bureau dashboard account covering `region`. */
export async function devSignIn(sub, region) {
  session.set(await devToken({ sub, dept: 'statistics', roles: ['dashboard'], region }));
}
