import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliveryRequest, IDEMPOTENCY_HEADER, send } from './delivery';

const row = {
  event: 'workflow.published',
  eventKey: '6f1c1f0e-key',
  payload: { documentId: 'abc', locale: 'en', event: 'spoofed' },
  createdAt: Date.UTC(2031, 4, 4, 1, 30),
  attempts: 2,
};

describe('deliveryRequest', () => {
  it('carries the key in a header and the body, in Strapi’s webhook shape', () => {
    const request = deliveryRequest(row, { url: 'https://hooks.example.com/in', headers: { Authorization: 'Bearer s3cret' } });
    expect(request.url).toBe('https://hooks.example.com/in');
    expect(request.headers).toMatchObject({
      Authorization: 'Bearer s3cret',
      [IDEMPOTENCY_HEADER]: '6f1c1f0e-key',
      'X-Strapi-Event': 'workflow.published',
      'X-Newsroom-Attempt': '2',
      'Content-Type': 'application/json',
    });
    expect(JSON.parse(request.body)).toEqual({
      documentId: 'abc',
      locale: 'en',
      event: 'workflow.published',
      createdAt: '2031-05-04T01:30:00.000Z',
      idempotencyKey: '6f1c1f0e-key',
    });
  });

  it('does not let a webhook’s configured headers replace the key or the event, in any letter case', () => {
    const request = deliveryRequest(row, {
      url: 'http://127.0.0.1/x',
      headers: { 'idempotency-key': 'other', 'x-strapi-event': 'entry.create', 'X-Trace': 't1' },
    });
    const lower = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(lower['idempotency-key']).toBe('6f1c1f0e-key');
    expect(lower['x-strapi-event']).toBe('workflow.published');
    expect(lower['x-trace']).toBe('t1');
    expect(Object.keys(request.headers).filter((k) => k.toLowerCase() === 'idempotency-key')).toHaveLength(1);
  });
});

describe('send', () => {
  let server: http.Server;
  let url = '';
  let answer: (res: http.ServerResponse) => void = (res) => res.writeHead(204).end();
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  const request = () => deliveryRequest(row, { url, headers: {} });

  it('counts a 2xx answer as delivered', async () => {
    answer = (res) => res.writeHead(202).end('ok');
    expect(await send(request(), 2000)).toEqual({ ok: true, status: 202 });
  });

  it('counts other answers, redirects included, as failures with the status', async () => {
    answer = (res) => res.writeHead(503, 'Service Unavailable').end();
    expect(await send(request(), 2000)).toEqual({ ok: false, status: 503, error: 'The receiver answered HTTP 503 Service Unavailable.' });
    answer = (res) => res.writeHead(302, { Location: 'http://127.0.0.1:1/' }).end();
    expect(await send(request(), 2000)).toMatchObject({ ok: false, status: 302 });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    answer = () => undefined;
    const started = Date.now();
    expect(await send(request(), 300)).toEqual({ ok: false, status: null, error: 'The receiver did not answer within 300 ms.' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports a receiver that cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const outcome = await send(deliveryRequest(row, { url: `http://127.0.0.1:${port}/`, headers: {} }), 2000);
    expect(outcome).toMatchObject({ ok: false, status: null });
    expect(!outcome.ok && outcome.error).toMatch(/^Could not reach the receiver .*ECONNREFUSED/);
  });
});
