import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** A fresh account made through the API, so each spec starts from its own user. */
export async function registerUser(
  request: APIRequestContext,
  name: string,
  password = 'correct horse battery staple',
): Promise<{ email: string; password: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.com`;
  const response = await request.post('/api/auth/register', { data: { email, password, name } });
  expect(response.status()).toBe(201);
  return { email, password };
}

/** An access token for API calls made beside the browser (another device, in effect). */
export async function accessToken(
  request: APIRequestContext,
  email: string,
  password: string,
): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Signed in: the start page (the first feature, or home) in the signed-in layout.
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page).not.toHaveURL(/\/login$/);
}

export function adminCredentials(): { email: string; password: string } {
  const email = process.env.E2E_ADMIN_EMAIL;
  const password = process.env.E2E_ADMIN_PASSWORD;
  if (!email || !password) throw new Error('scripts/e2e.sh sets E2E_ADMIN_EMAIL and _PASSWORD');
  return { email, password };
}
