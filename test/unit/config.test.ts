import { databaseConfig, gatewayConfig, subgraphConfig } from '../../subgraphs/kit/config';

describe(databaseConfig.name, () => {
  it('returns a SQLite file per domain by default and a PostgreSQL schema per domain with DATABASE_URL', () => {
    expect(databaseConfig('population', { DATA_DIR: '/tmp/x' })).toEqual({ driver: 'sqlite', file: '/tmp/x/population.sqlite' });
    expect(databaseConfig('geospatial', { DATABASE_URL: 'postgresql://u@h/db', DATABASE_SCHEMA_PREFIX: 'p_' })).toEqual({ driver: 'postgresql', url: 'postgresql://u@h/db', schema: 'p_geospatial' });
    expect(databaseConfig('population', { DATABASE_URL: 'postgresql://u@h/a', POPULATION_DATABASE_URL: 'postgres://u@h/b' })).toEqual({ driver: 'postgresql', url: 'postgres://u@h/b', schema: 'population' });
  });
  it('refuses a URL that is not PostgreSQL and a bad schema prefix', () => {
    expect(() => databaseConfig('population', { DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => databaseConfig('population', { DATABASE_URL: 'postgresql://x/y', DATABASE_SCHEMA_PREFIX: 'a;drop' })).toThrow(/DATABASE_SCHEMA_PREFIX/);
  });
});

describe(subgraphConfig.name, () => {
  it('returns the default port of each domain and refuses a port out of range', () => {
    expect(subgraphConfig('population', {}).port).toBe(4001);
    expect(subgraphConfig('geospatial', {}).port).toBe(4002);
    expect(() => subgraphConfig('population', { POPULATION_PORT: '70000' })).toThrow(/POPULATION_PORT/);
  });
});

describe(gatewayConfig.name, () => {
  it('returns subgraph URLs from the environment', () => {
    expect(gatewayConfig({ POPULATION_URL: 'http://pop:8080/graphql' }).subgraphUrls.population).toBe('http://pop:8080/graphql');
    expect(() => gatewayConfig({ GEOSPATIAL_URL: 'ftp://x' })).toThrow(/GEOSPATIAL_URL/);
  });
});
