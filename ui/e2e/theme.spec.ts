import { expect, test } from '@playwright/test';
import { registerUser, signIn } from './accounts';
import { checkScreen } from './screens';

test('the dark theme toggle is remembered across visits', async ({ page, request }) => {
  const { email, password } = await registerUser(request, 'Theo Theme');
  await signIn(page, email, password);
  await page.getByRole('link', { name: 'Profile' }).click();

  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  expect(background).not.toBe('rgb(244, 246, 248)'); // the light page colour

  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await checkScreen(page, '27-profile-dark-theme-chosen');
});
