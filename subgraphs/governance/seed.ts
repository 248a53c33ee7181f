/**
 * The governance database is seeded by the kit's policy store (the province's default policy), which every
 * service runs on start, so no service ever runs without policies; nothing here depends on the persons.
 */
import type { DomainSeed } from '../kit/subgraph';

export const seed: DomainSeed = {};
