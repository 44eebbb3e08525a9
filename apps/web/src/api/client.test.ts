import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, apiPath } from './client.ts';

describe('apiPath', () => {
  it('encodes each segment so odd topic names stay one segment', () => {
    expect(apiPath`/api/clusters/${'local'}/topics/${'a/b c?#'}`).toBe(
      '/api/clusters/local/topics/a%2Fb%20c%3F%23',
    );
  });
});

describe('apiFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("turns an error body into an ApiError carrying the server's sentence", async () => {
    const body = JSON.stringify({ code: 'NOT_FOUND', message: 'No topic named "x".' });
    vi.stubGlobal('fetch', async () => new Response(body, { status: 404 }));
    const error = await apiFetch('/api/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'No topic named "x".' });
  });

  it('sends JSON bodies with a content type', async () => {
    const seen: RequestInit[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response(JSON.stringify({ ok: true }), { status: 201 });
    });
    await expect(apiFetch('/api/y', { method: 'POST', json: { a: 1 } })).resolves.toEqual({ ok: true });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
  });
});
