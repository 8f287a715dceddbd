import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem, server, tokens } from '../test/server';
import {
  authorizedFetch,
  currentAccessToken,
  onSessionChange,
  refreshAccessToken,
  startSession,
} from './session';

const url = (path: string) => new URL(path, window.location.origin).toString();

/** An endpoint that accepts only `valid` and records every Authorization it saw. */
function endpointAccepting(valid: string, seen: (string | null)[], bodies: unknown[] = []) {
  return http.post('/api/things', async ({ request }) => {
    const authorization = request.headers.get('Authorization');
    seen.push(authorization);
    bodies.push(await request.json());
    return authorization === `Bearer ${valid}`
      ? HttpResponse.json({ id: 1 }, { status: 201 })
      : problem(401, 'The access token expired.');
  });
}

const postThing = () =>
  new Request(url('/api/things'), {
    method: 'POST',
    body: JSON.stringify({ title: 'A' }),
    headers: { 'Content-Type': 'application/json' },
  });

describe('authorizedFetch', () => {
  it('sends the access token as a bearer token', async () => {
    startSession({ access_token: 'fresh', token_type: 'Bearer', expires_in: 900 });
    const seen: (string | null)[] = [];
    server.use(endpointAccepting('fresh', seen));

    const response = await authorizedFetch(postThing());

    expect(response.status).toBe(201);
    expect(seen).toEqual(['Bearer fresh']);
  });

  it('on a 401 refreshes once, then retries the same request with the new token', async () => {
    startSession({ access_token: 'expired', token_type: 'Bearer', expires_in: 900 });
    const seen: (string | null)[] = [];
    const bodies: unknown[] = [];
    let refreshes = 0;
    server.use(
      endpointAccepting('renewed', seen, bodies),
      http.post('/api/auth/refresh', () => {
        refreshes += 1;
        return tokens('renewed');
      }),
    );

    const response = await authorizedFetch(postThing());

    expect(response.status).toBe(201);
    expect(refreshes).toBe(1);
    expect(seen).toEqual(['Bearer expired', 'Bearer renewed']);
    expect(bodies).toEqual([{ title: 'A' }, { title: 'A' }]); // the body survives the retry
    expect(currentAccessToken()).toBe('renewed');
  });

  it('shares one refresh between requests that fail together', async () => {
    startSession({ access_token: 'expired', token_type: 'Bearer', expires_in: 900 });
    let refreshes = 0;
    server.use(
      endpointAccepting('renewed', []),
      http.post('/api/auth/refresh', async () => {
        refreshes += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return tokens('renewed');
      }),
    );

    const responses = await Promise.all([
      authorizedFetch(postThing()),
      authorizedFetch(postThing()),
    ]);

    expect(responses.map((r) => r.status)).toEqual([201, 201]);
    expect(refreshes).toBe(1); // a second use of the rotated cookie would look like theft
  });

  it('when the refresh is refused, ends the session and returns the 401 without retrying', async () => {
    startSession({ access_token: 'expired', token_type: 'Bearer', expires_in: 900 });
    const seen: (string | null)[] = [];
    const sessionChanges: boolean[] = [];
    const stop = onSessionChange((signedIn) => sessionChanges.push(signedIn));
    server.use(
      endpointAccepting('renewed', seen),
      http.post('/api/auth/refresh', () => problem(401, 'The refresh token was reused.')),
    );

    const response = await authorizedFetch(postThing());
    stop();

    expect(response.status).toBe(401);
    expect(seen).toHaveLength(1);
    expect(currentAccessToken()).toBeNull();
    expect(sessionChanges).toEqual([false]);
  });

  it('does not refresh on a 401 from an auth endpoint (wrong password is not an expired token)', async () => {
    let refreshes = 0;
    server.use(
      http.post('/api/auth/login', () => problem(401, 'Wrong email or password.')),
      http.post('/api/auth/refresh', () => {
        refreshes += 1;
        return tokens();
      }),
    );

    const response = await authorizedFetch(new Request(url('/api/auth/login'), { method: 'POST' }));

    expect(response.status).toBe(401);
    expect(refreshes).toBe(0);
  });
});

describe('refreshAccessToken', () => {
  it('rejects when the API cannot be reached, keeping the session as it was', async () => {
    startSession({ access_token: 'kept', token_type: 'Bearer', expires_in: 900 });
    server.use(http.post('/api/auth/refresh', () => HttpResponse.error()));

    await expect(refreshAccessToken()).rejects.toThrow();
    expect(currentAccessToken()).toBe('kept');
  });
});
