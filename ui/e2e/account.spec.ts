import { expect, test } from '@playwright/test';
import { registerUser, signIn } from './accounts';
import { linkIn, mailTo } from './mail';
import { checkScreen } from './screens';

// The account features against the real API, PostgreSQL and SMTP sink (scripts/e2e.sh).

test('a forgotten password is reset through the link in the mail', async ({ page, request }) => {
  const { email, password } = await registerUser(request, 'Rita Reset');
  const newPassword = 'a new password from the mail';

  await test.step('ask for a link from the sign-in page', async () => {
    await page.goto('/login');
    // The demo account hint is for `make dev` only; this is the production build.
    await expect(page.getByRole('complementary', { name: 'Demo account' })).toBeHidden();
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill(email);
    await checkScreen(page, '13-reset-request');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
    await checkScreen(page, '14-reset-check-your-mail');
  });

  const mail = await mailTo(email, 'Reset your password');

  await test.step('the mail, as the sink received it', async () => {
    await page.setContent(
      `<!doctype html><html lang="en"><title>Reset mail</title><main><pre></pre></main></html>`,
    );
    await page.locator('pre').evaluate((pre, text) => (pre.textContent = text), mail.raw);
    await checkScreen(page, '15-reset-mail-in-the-sink');
  });

  await test.step('choose a new password from the link', async () => {
    await page.goto(linkIn(mail));
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByLabel('New password')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('New password').fill(newPassword);
    await checkScreen(page, '16-reset-new-password');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByText('Your new password is set')).toBeVisible();
  });

  await test.step('the old password is refused, the new one works, the link is spent', async () => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await signIn(page, email, newPassword);

    await page.goto(linkIn(mail));
    await page.getByLabel('New password').fill('yet another new password');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page.getByRole('alert')).toContainText('invalid, already used or expired');
    await checkScreen(page, '17-reset-link-spent');
  });
});

test('a password change takes effect at the next sign-in', async ({ page, request }) => {
  const { email, password } = await registerUser(request, 'Paul Password');
  const newPassword = 'a changed password 2';
  await signIn(page, email, password);

  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Current password').fill('not my password at all');
  await page.getByLabel('New password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByLabel('Current password')).toHaveAccessibleDescription(
    'This is not your current password.',
  );
  await checkScreen(page, '18-password-change-wrong-current');

  await page.getByLabel('Current password').fill(password);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, email, newPassword);
});

test('a deleted account cannot sign in again', async ({ page, request }) => {
  const { email, password } = await registerUser(request, 'Dora Delete');
  await signIn(page, email, password);
  await page.getByRole('link', { name: 'Profile' }).click();
  await page.getByLabel('Your password').fill(password);
  await page.getByRole('button', { name: 'Delete account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await checkScreen(page, '19-profile-delete-account');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page.getByRole('heading', { name: 'Account deleted' })).toBeVisible();
  await checkScreen(page, '20-account-deleted');

  await page.goto('/profile');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
});
