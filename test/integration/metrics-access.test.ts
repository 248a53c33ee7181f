/** Who may read /metrics: a scraper with the token; nobody in production without one; anyone on the embedded default. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { observabilityConfig } from '../../subgraphs/kit/config';
import { metricsRoute } from '../../subgraphs/kit/metrics';

async function serve(options: Parameters<typeof metricsRoute>[0]): Promise<{ url: string; close(): Promise<void> }> {
  const route = metricsRoute(options);
  const server = http.createServer((req, res) => void route.handle(req, res, { url: new URL(req.url ?? '/', 'http://x'), body: async () => '' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('metricsRoute', () => {
  const token = 'scraper-secret-0123456789';

  it('refuses a scrape without the token, or with a wrong one, when a token is set', async () => {
    const s = await serve({ token, production: true });
    try {
      expect((await fetch(s.url)).status).toBe(401);
      expect((await fetch(s.url, { headers: { authorization: 'Bearer wrong-secret-0123456789' } })).status).toBe(401);
      const ok = await fetch(s.url, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('process_cpu');
    } finally {
      await s.close();
    }
  });

  it('serves no metrics in production without a token', async () => {
    const s = await serve({ production: true });
    try {
      expect((await fetch(s.url)).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('serves them on the embedded default without a token', async () => {
    const s = await serve({ production: false });
    try {
      expect((await fetch(s.url)).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('refuses a short token at start-up', () => {
    expect(() => observabilityConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(observabilityConfig({ METRICS_TOKEN: token }).metricsToken).toBe(token);
  });
});
