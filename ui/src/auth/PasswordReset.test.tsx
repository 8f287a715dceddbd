import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render';
import { problem, server } from '../test/server';

const SENT = 'If an account uses this email, a link to reset its password is on its way.';

function signedOut() {
  server.use(http.post('/api/auth/refresh', () => problem(401, 'No refresh token.')));
}

describe('sign-in page', () => {
  it('links to the reset request and shows the demo account in development', async () => {
    signedOut();
    const { user } = renderApp('/login');

    const hint = await screen.findByRole('complementary', { name: 'Demo account' });
    expect(hint).toHaveTextContent('demo@example.com');
    expect(hint).toHaveTextContent('demo-password');
    await user.click(screen.getByRole('link', { name: 'Forgot password?' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeVisible();
  });
});

describe('forgot password', () => {
  it('sends the email and says to check the mail', async () => {
    signedOut();
    let sent: unknown;
    server.use(
      http.post('/api/auth/password-reset', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ detail: SENT }, { status: 202 });
      }),
    );
    const { user } = renderApp('/forgot-password');

    await user.type(await screen.findByLabelText('Email'), 'alice@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(await screen.findByRole('heading', { name: 'Check your mail' })).toBeVisible();
    expect(screen.getByText(SENT)).toBeVisible();
    expect(sent).toEqual({ email: 'alice@example.com' });
  });

  it('puts a validation error under the email field', async () => {
    signedOut();
    server.use(
      http.post('/api/auth/password-reset', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          email: ['Shorter than minimum length 1.'],
        }),
      ),
    );
    const { user } = renderApp('/forgot-password');

    await user.click(await screen.findByRole('button', { name: 'Send the link' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
        'Shorter than minimum length 1.',
      );
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains the rate limit', async () => {
    signedOut();
    server.use(http.post('/api/auth/password-reset', () => problem(429, 'Too many requests.')));
    const { user } = renderApp('/forgot-password');

    await user.type(await screen.findByLabelText('Email'), 'alice@example.com');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests');
  });
});

describe('reset password', () => {
  it('sends the token from the link with the new password, then asks to sign in', async () => {
    signedOut();
    let sent: unknown;
    server.use(
      http.post('/api/auth/password-reset/confirm', async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/reset-password#token=abc-123');

    await user.type(await screen.findByLabelText('New password'), 'a-fresh-password');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(await screen.findByText(/Your new password is set/)).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(sent).toEqual({ token: 'abc-123', password: 'a-fresh-password' });
  });

  it('shows a too-short password under its field', async () => {
    signedOut();
    server.use(
      http.post('/api/auth/password-reset/confirm', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          password: ['Length must be between 10 and 128.'],
        }),
      ),
    );
    const { user } = renderApp('/reset-password#token=abc-123');

    await user.type(await screen.findByLabelText(/^New password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    await waitFor(() => {
      expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
        /Length must be between 10 and 128\./,
      );
    });
  });

  it('offers a new link when the token is refused', async () => {
    signedOut();
    server.use(
      http.post('/api/auth/password-reset/confirm', () => problem(400, 'Invalid reset link.')),
    );
    const { user } = renderApp('/reset-password#token=used');

    await user.type(await screen.findByLabelText('New password'), 'a-fresh-password');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('invalid, already used or expired');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
  });

  it('says a link without a token is incomplete', async () => {
    signedOut();
    renderApp('/reset-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('invalid');
    expect(screen.queryByLabelText('New password')).toBeNull();
  });
});
