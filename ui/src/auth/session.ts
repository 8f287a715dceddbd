// The one place that owns the access token. It lives in this module's memory only (never
// localStorage), so a page reload starts signed out until the httpOnly refresh cookie gets a new one.

import { errorOf, unreachableError } from '../api/problem';
import type { components } from '../api/schema';

type AccessToken = components['schemas']['AccessToken'];

type Listener = (signedIn: boolean) => void;

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

export function currentAccessToken(): string | null {
  return accessToken;
}

/** Keeps the token from a login or refresh answer. */
export function startSession(tokens: AccessToken): void {
  accessToken = tokens.access_token;
  listeners.forEach((listener) => {
    listener(true);
  });
}

/** Forgets the token and tells the app (which then drops its cached data and shows the login). */
export function endSession(): void {
  const wasSignedIn = accessToken !== null;
  accessToken = null;
  if (wasSignedIn)
    listeners.forEach((listener) => {
      listener(false);
    });
}

/** Called with false when the session ends on its own (refresh refused), true when one starts. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request:
 * the server rotates the cookie and treats a second use of the old one as theft.
 */
export function refreshAccessToken(): Promise<boolean> {
  refreshing ??= requestRefresh().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Resolves false when the cookie is refused (the session is over); rejects with an ApiError when
 * the API cannot be reached or says something else (429: too many refreshes).
 */
async function requestRefresh(): Promise<boolean> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/auth/refresh', window.location.origin), {
      method: 'POST',
      credentials: 'same-origin',
    });
  } catch {
    throw unreachableError();
  }
  if (response.status === 401) {
    endSession();
    return false;
  }
  if (!response.ok) throw await errorOf(response);
  startSession((await response.json()) as AccessToken);
  return true;
}

function withToken(request: Request, token: string | null): Request {
  const authorized = new Request(request);
  if (token) authorized.headers.set('Authorization', `Bearer ${token}`);
  return authorized;
}

/**
 * fetch for the API client: adds the bearer token and, on a 401, refreshes once and retries
 * the request once. A 401 from an auth endpoint means wrong credentials: no retry there.
 */
export async function authorizedFetch(request: Request): Promise<Response> {
  if (new URL(request.url).pathname.startsWith('/api/auth/')) {
    return fetch(withToken(request, accessToken));
  }
  const retry = request.clone(); // a body can be read once; keep a copy for the retry
  const sentWith = accessToken;
  const response = await fetch(withToken(request, sentWith));
  if (response.status !== 401) return response;
  // Another request may have refreshed while this one was in flight: then just use the new token.
  const refreshed =
    accessToken !== sentWith && accessToken !== null ? true : await refreshAccessToken();
  if (!refreshed) return response;
  return fetch(withToken(retry, accessToken));
}
