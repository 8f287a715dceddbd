// MSW stands in for the API in unit tests: the defaults are a signed-in user;
// each test overrides only the endpoint it is about, with server.use(...).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { User } from '../api/client';

export const ACCESS_TOKEN = 'token-1';

export const alice: User = {
  id: 1,
  email: 'alice@example.com',
  name: 'Alice',
  role: 'user',
  is_active: true,
  created_at: '2026-01-01T10:00:00Z',
};

/** An RFC 9457 answer, as the API sends every error. */
export function problem(status: number, detail: string, errors?: Record<string, string[]>) {
  return HttpResponse.json(
    { type: 'about:blank', title: `HTTP ${status}`, status, detail, ...(errors ? { errors } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

export function tokens(token = ACCESS_TOKEN) {
  return HttpResponse.json({ access_token: token, token_type: 'Bearer', expires_in: 900 });
}

export function page(items: unknown[], total = items.length, pageNumber = 1, perPage = 20) {
  return HttpResponse.json({ items, total, page: pageNumber, per_page: perPage });
}

export const server = setupServer(
  http.post('/api/auth/refresh', () => tokens()),
  http.post('/api/auth/logout', () => new HttpResponse(null, { status: 204 })),
  http.get('/api/users/me', () => HttpResponse.json(alice)),
);
