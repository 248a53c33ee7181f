import { ConfigError, databaseConfig, gatewayConfig, grantDeadlinesConfig, natsConfig, subgraphConfig } from '../../subgraphs/kit/config';

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
    expect(() => subgraphConfig('population', { SCOPE_TICKET_KEY: 'short' })).toThrow(/SCOPE_TICKET_KEY/);
    expect(subgraphConfig('population', { SCOPE_TICKET_KEY: 'k'.repeat(32) }).scopeTicketKey).toBe('k'.repeat(32));
  });
});

describe(gatewayConfig.name, () => {
  it('returns subgraph URLs from the environment', () => {
    expect(gatewayConfig({ POPULATION_URL: 'http://pop:8080/graphql' }).subgraphUrls.population).toBe('http://pop:8080/graphql');
    expect(() => gatewayConfig({ GEOSPATIAL_URL: 'ftp://x' })).toThrow(/GEOSPATIAL_URL/);
  });

  it('returns the gateway, every subgraph and every subgraph URL moved together by PORT_BASE alone', () => {
    const env = { PORT_BASE: '5100' };
    const gateway = gatewayConfig(env);
    expect(gateway.port).toBe(5100);
    expect(gateway.subgraphUrls).toMatchObject({ population: 'http://127.0.0.1:5101/graphql', governance: 'http://127.0.0.1:5103/graphql', credit: 'http://127.0.0.1:5108/graphql' });
    expect(subgraphConfig('health', env).port).toBe(5105);
    expect(subgraphConfig('health', env).peers.population).toBe('http://127.0.0.1:5101/graphql');
  });

  it('returns a <DOMAIN>_PORT or <DOMAIN>_URL over PORT_BASE, and the default URL follows <DOMAIN>_PORT', () => {
    const env = { PORT_BASE: '5100', HEALTH_PORT: '6000', CREDIT_URL: 'http://credit:80/graphql', GATEWAY_PORT: '8080' };
    expect(gatewayConfig(env)).toMatchObject({ port: 8080, subgraphUrls: { health: 'http://127.0.0.1:6000/graphql', credit: 'http://credit:80/graphql', housing: 'http://127.0.0.1:5107/graphql' } });
  });

  it('refuses a PORT_BASE that would put a subgraph past port 65535', () => {
    expect(() => gatewayConfig({ PORT_BASE: '65530' })).toThrow(/PORT_BASE/);
    expect(() => gatewayConfig({ PORT_BASE: 'x' })).toThrow(/PORT_BASE/);
  });
});

describe(grantDeadlinesConfig.name, () => {
  it('defaults to 5 working days for the owner to decide and takes overrides', () => {
    expect(grantDeadlinesConfig({})).toEqual({ decide: 5 });
    expect(grantDeadlinesConfig({ GRANT_DEADLINES: '' })).toEqual({ decide: 5 });
    expect(grantDeadlinesConfig({ GRANT_DEADLINES: '{"decide":10}' })).toEqual({ decide: 10 });
    expect(grantDeadlinesConfig({ GRANT_DEADLINES: '{}' })).toEqual({ decide: 5 });
  });
  it('refuses bad JSON, unknown steps and counts that are not whole working days', () => {
    expect(() => grantDeadlinesConfig({ GRANT_DEADLINES: '{decide:5}' })).toThrow(/GRANT_DEADLINES is invalid: it is not valid JSON/);
    expect(() => grantDeadlinesConfig({ GRANT_DEADLINES: '[5]' })).toThrow(/GRANT_DEADLINES is invalid: expected a JSON object/);
    expect(() => grantDeadlinesConfig({ GRANT_DEADLINES: '{"review":2}' })).toThrow(/unknown step "review"; the steps with a deadline are decide/);
    for (const bad of ['0', '2.5', '"5"', '61', '-1']) expect(() => grantDeadlinesConfig({ GRANT_DEADLINES: `{"decide":${bad}}` })).toThrow(/decide must be a whole number of working days from 1 to 60/);
  });
});

describe(natsConfig.name, () => {
  it('is unset without NATS_URL: the outbox serves the feed', () => {
    expect(natsConfig({})).toBeUndefined();
    expect(subgraphConfig('population', {}).nats).toBeUndefined();
  });
  it('reads one or more servers, the stream prefix, replicas and a credentials file', () => {
    expect(natsConfig({ NATS_URL: 'nats://127.0.0.1:4222' })).toEqual({ servers: ['nats://127.0.0.1:4222'], streamPrefix: 'HAINAN', replicas: 1, maxAgeDays: 90 });
    expect(natsConfig({ NATS_URL: 'tls://a:4222, tls://b:4222,tls://c:4222', NATS_STREAM_PREFIX: 'HAINAN_TEST', NATS_STREAM_REPLICAS: '3', NATS_CREDS: '/run/secrets/nats/hdg.creds' })).toEqual({
      servers: ['tls://a:4222', 'tls://b:4222', 'tls://c:4222'],
      streamPrefix: 'HAINAN_TEST',
      replicas: 3,
      maxAgeDays: 90,
      credsFile: '/run/secrets/nats/hdg.creds',
    });
    expect(subgraphConfig('population', { NATS_URL: 'nats://n:4222' }).nats?.servers).toEqual(['nats://n:4222']);
  });
  it.each([
    [{ NATS_URL: 'http://n:4222' }, 'NATS_URL'],
    [{ NATS_URL: 'not a url' }, 'NATS_URL'],
    [{ NATS_URL: ' , ' }, 'NATS_URL'],
    [{ NATS_URL: 'nats://n:4222', NATS_STREAM_PREFIX: 'hainan.x' }, 'NATS_STREAM_PREFIX'],
    [{ NATS_URL: 'nats://n:4222', NATS_STREAM_REPLICAS: '7' }, 'NATS_STREAM_REPLICAS'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => natsConfig(env)).toThrow(ConfigError);
    expect(() => natsConfig(env)).toThrow(variable);
  });
});
