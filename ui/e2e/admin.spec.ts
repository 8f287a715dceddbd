import { expect, test } from '@playwright/test';
import { adminCredentials, signIn } from './accounts';
import { linkIn, mailTo } from './mail';
import { checkScreen } from './screens';

test('an administrator invites a user by mail, then deactivates and reactivates them', async ({
  page,
  browser,
}) => {
  const admin = adminCredentials();
  const email = `invited-${Date.now()}@example.com`;
  const chosen = 'my chosen password';
  await signIn(page, admin.email, admin.password);
  await page.getByRole('link', { name: 'Users' }).click();

  await test.step('create without a password: an invitation is mailed', async () => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Name').fill('Ivy Invited');
    await checkScreen(page, '24-admin-create-user');
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(
      page.getByText(`${email} will get a mail with a link to choose a password.`),
    ).toBeVisible();
    await expect(page.getByRole('cell', { name: email, exact: true })).toBeVisible();
    await checkScreen(page, '25-admin-user-created');
  });

  await test.step('the invited user chooses a password from the mail and signs in', async () => {
    const invited = await browser.newPage();
    await invited.goto(linkIn(await mailTo(email, 'Your new account')));
    await invited.getByLabel('New password').fill(chosen);
    await invited.getByRole('button', { name: 'Set the new password' }).click();
    await expect(invited.getByText('Your new password is set')).toBeVisible();
    await signIn(invited, email, chosen);
    await invited.close();
  });

  await test.step('deactivated, the user cannot sign in; reactivated, they can', async () => {
    await page.getByRole('button', { name: `Deactivate ${email}` }).click();
    await expect(page.getByRole('button', { name: `Reactivate ${email}` })).toBeVisible();
    await checkScreen(page, '26-admin-user-deactivated');

    const other = await browser.newPage();
    await other.goto('/login');
    await other.getByLabel('Email').fill(email);
    await other.getByLabel('Password').fill(chosen);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await expect(other.getByText('Wrong email or password.')).toBeVisible();

    await page.getByRole('button', { name: `Reactivate ${email}` }).click();
    await expect(page.getByRole('button', { name: `Deactivate ${email}` })).toBeVisible();
    await signIn(other, email, chosen);
    await other.close();
  });
});
