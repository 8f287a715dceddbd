import { expect, test } from '@playwright/test';

// The API docs (Swagger UI) render in a real browser under the API's Content-Security-Policy,
// with every file served by the API itself: nothing from a CDN, no inline script.
test('the API docs render under their CSP without any other origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const violations: string[] = [];
  const otherOrigins: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) {
      otherOrigins.push(request.url());
    }
  });

  await page.goto('/api/docs');

  await expect(page.locator('.opblock').first()).toBeVisible();
  await expect(page.getByText('/api/auth/login').first()).toBeVisible();
  expect(violations).toEqual([]);
  expect(otherOrigins).toEqual([]);
});
