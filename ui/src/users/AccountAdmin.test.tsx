import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { currentAccessToken } from '../auth/session';
import { renderApp } from '../test/render';
import { alice, problem, server } from '../test/server';

const admin = { ...alice, id: 2, name: 'Ada', email: 'ada@example.com', role: 'admin' as const };

describe('account deletion', () => {
  it('asks for confirmation, sends the password, and signs out', async () => {
    let sent: unknown;
    server.use(
      http.delete('/api/users/me', async ({ request }) => {
        sent = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Your password'), 'my-password-1');
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete your account?' });
    expect(sent).toBeUndefined();
    await user.click(within(dialog).getByRole('button', { name: 'Delete my account' }));

    expect(await screen.findByRole('heading', { name: 'Account deleted' })).toBeVisible();
    expect(screen.getByTestId('location')).toHaveTextContent('/account-deleted');
    expect(sent).toEqual({ password: 'my-password-1' });
    await waitFor(() => {
      expect(currentAccessToken()).toBeNull();
    });
  });

  it('cancelling deletes nothing', async () => {
    let calls = 0;
    server.use(
      http.delete('/api/users/me', () => {
        calls += 1;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Your password'), 'my-password-1');
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls).toBe(0);
    expect(screen.getByRole('heading', { name: 'Profile' })).toBeVisible();
  });

  it('shows a wrong password under the field', async () => {
    server.use(
      http.delete('/api/users/me', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          password: ['This is not your current password.'],
        }),
      ),
    );
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Your password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Delete account' }));
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Your password')).toHaveAccessibleDescription(
        'This is not your current password.',
      );
    });
  });
});

describe('admin: create a user', () => {
  function asAdmin() {
    server.use(
      http.get('/api/users/me', () => HttpResponse.json(admin)),
      http.get('/api/users', () =>
        HttpResponse.json({ items: [admin], total: 1, page: 1, per_page: 20 }),
      ),
    );
  }

  it('without a password, leaves it out and says an invitation is on its way', async () => {
    asAdmin();
    let sent: unknown;
    server.use(
      http.post('/api/users', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          { ...alice, id: 9, email: 'new@example.com', name: 'New' },
          { status: 201 },
        );
      }),
    );
    const { user } = renderApp('/admin/users');

    await user.type(await screen.findByLabelText('Email'), 'new@example.com');
    await user.type(screen.getByLabelText('Name'), 'New');
    await user.selectOptions(screen.getByLabelText('Role'), 'admin');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(
      await screen.findByText('new@example.com will get a mail with a link to choose a password.'),
    );
    expect(sent).toEqual({ email: 'new@example.com', name: 'New', role: 'admin' });
    expect(screen.getByLabelText('Email')).toHaveValue('');
  });

  it('with a password, says the user can sign in', async () => {
    asAdmin();
    server.use(
      http.post('/api/users', () =>
        HttpResponse.json({ ...alice, id: 9, email: 'new@example.com' }, { status: 201 }),
      ),
    );
    const { user } = renderApp('/admin/users');

    await user.type(await screen.findByLabelText('Email'), 'new@example.com');
    await user.type(screen.getByLabelText('Name'), 'New');
    await user.type(screen.getByLabelText(/^First password/), 'first-password');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    expect(await screen.findByText('new@example.com can sign in now.')).toBeVisible();
  });

  it('puts a taken email and field errors under their fields', async () => {
    asAdmin();
    let attempt = 0;
    server.use(
      http.post('/api/users', () => {
        attempt += 1;
        return attempt === 1
          ? problem(409, 'An account with this email already exists.')
          : problem(422, 'The request has invalid fields; see errors.', {
              name: ['Shorter than minimum length 1.'],
            });
      }),
    );
    const { user } = renderApp('/admin/users');

    await user.type(await screen.findByLabelText('Email'), 'taken@example.com');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => {
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(
        'An account with this email exists.',
      );
    });
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => {
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(
        'Shorter than minimum length 1.',
      );
    });
  });

  it('reactivates a deactivated user', async () => {
    asAdmin();
    const bob = { ...alice, id: 3, email: 'bob@example.com', is_active: false };
    let change: unknown;
    server.use(
      http.get('/api/users', () =>
        HttpResponse.json({ items: [admin, bob], total: 2, page: 1, per_page: 20 }),
      ),
      http.patch('/api/users/3', async ({ request }) => {
        change = await request.json();
        return HttpResponse.json({ ...bob, is_active: true });
      }),
    );
    const { user } = renderApp('/admin/users');

    await user.click(await screen.findByRole('button', { name: 'Reactivate bob@example.com' }));

    await waitFor(() => {
      expect(change).toEqual({ is_active: true });
    });
  });
});
