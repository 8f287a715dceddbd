// The one typed client for the API, generated from its OpenAPI document (scripts/client.sh).
import createClient from 'openapi-fetch';
import { authorizedFetch } from '../auth/session';
import type { components, paths } from './schema';

export type User = components['schemas']['User'];

// An absolute base: Node's fetch (in tests) refuses relative URLs, the browser does not care.
export const api = createClient<paths>({
  baseUrl: window.location.origin,
  fetch: authorizedFetch,
});
