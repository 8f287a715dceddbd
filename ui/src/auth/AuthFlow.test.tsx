import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render';
import { START_PATH } from '../features';
import { alice, page, problem, server, tokens } from '../test/server';
import { currentAccessToken } from './session';

function noRefreshCookie() {
  server.use(http.post('/api/auth/refresh', () => problem(401, 'No refresh token.')));
}

describe('on load', () => {
  it('resumes the session from the refresh cookie', async () => {
    renderApp('/profile');
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByText('Alice')).toBeInTheDocument();
    expect(currentAccessToken()).toBe('token-1');
  });

  it('sends a visitor without a session from a protected page to the login', async () => {
    noRefreshCookie();
    renderApp('/profile');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
  });

  it('says so when the API cannot be reached, and tries again', async () => {
    let refreshes = 0;
    server.use(
      http.post('/api/auth/refresh', () => {
        refreshes += 1;
        return refreshes === 1 ? HttpResponse.error() : tokens();
      }),
    );
    const { user } = renderApp('/profile');

    expect(await screen.findByRole('heading', { name: 'Cannot reach the server' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
  });
});

describe('login', () => {
  it('signs in and returns to the page that was asked for', async () => {
    noRefreshCookie();
    let sent: unknown;
    server.use(
      http.post('/api/auth/login', async ({ request }) => {
        sent = await request.json();
        return tokens('from-login');
      }),
    );
    const { user } = renderApp('/profile');

    await user.type(await screen.findByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(sent).toEqual({ email: 'alice@example.com', password: 'correct horse battery' });
    expect(currentAccessToken()).toBe('from-login');
    expect(window.localStorage.length).toBe(0); // the token lives in memory only
  });

  it('explains wrong credentials and too many attempts', async () => {
    noRefreshCookie();
    server.use(
      http.post('/api/auth/login', () => problem(401, 'Wrong email or password.'), { once: true }),
      http.post('/api/auth/login', () => problem(429, 'Too many requests.')),
    );
    const { user } = renderApp('/login');

    await user.type(await screen.findByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => {
      expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts.');
    });
  });
});

describe('register', () => {
  it('shows the password rule the API enforced next to the password', async () => {
    noRefreshCookie();
    server.use(
      http.post('/api/auth/register', () =>
        problem(422, 'The request has invalid fields; see errors.', {
          password: ['Length must be between 10 and 128.'],
        }),
      ),
    );
    const { user } = renderApp('/register');

    await user.type(await screen.findByLabelText('Name'), 'Bob');
    await user.type(screen.getByLabelText('Email'), 'bob@example.com');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
        '10 to 128 characters. Length must be between 10 and 128.',
      );
    });
  });

  it('explains a taken email next to the email', async () => {
    noRefreshCookie();
    const taken = 'An account with this email already exists.';
    server.use(http.post('/api/auth/register', () => problem(409, taken, { email: [taken] })));
    const { user } = renderApp('/register');

    await user.type(await screen.findByLabelText('Name'), 'Bob');
    await user.type(screen.getByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(taken);
    });
  });

  it('then sends the new user to sign in, with the email filled in', async () => {
    noRefreshCookie();
    server.use(
      http.post('/api/auth/register', () =>
        HttpResponse.json({ ...alice, email: 'bob@example.com' }, { status: 201 }),
      ),
    );
    const { user } = renderApp('/register');

    await user.type(await screen.findByLabelText('Name'), 'Bob');
    await user.type(screen.getByLabelText('Email'), 'bob@example.com');
    await user.type(screen.getByLabelText('Password'), 'long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('Your account is ready. Sign in to continue.')).toBeVisible();
    expect(screen.getByLabelText('Email')).toHaveValue('bob@example.com');
  });
});

describe('logout', () => {
  it('tells the API, forgets the token and shows the login', async () => {
    let loggedOut = false;
    server.use(
      http.post('/api/auth/logout', () => {
        loggedOut = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const { user } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(loggedOut).toBe(true);
    expect(currentAccessToken()).toBeNull();
  });

  it('then signs in afresh, on the start page, not the page signed out from', async () => {
    server.use(
      http.post('/api/auth/login', () => tokens('from-login')),
      http.get('/api/:list', () => page([])), // whatever the start page lists
    );
    const { user } = renderApp('/profile');
    await user.click(await screen.findByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in' });

    await user.type(screen.getByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => {
      expect(screen.getByTestId('location')).toHaveTextContent(START_PATH);
    });
    expect(screen.getByTestId('location')).not.toHaveTextContent('/profile');
  });

  it('happens by itself when the session cannot be refreshed any more', async () => {
    const { user } = renderApp('/profile');
    await screen.findByRole('heading', { name: 'Profile' });
    server.use(
      http.patch('/api/users/me', () => problem(401, 'The access token expired.')),
      http.post('/api/auth/refresh', () => problem(401, 'The refresh token expired.')),
    );

    await user.click(screen.getByRole('button', { name: 'Save name' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('a refused refresh that is not a 401', () => {
  it('explains a 429 instead of calling the server unreachable', async () => {
    server.use(
      http.post('/api/auth/refresh', () => problem(429, 'Too many requests: wait a minute.')),
    );
    renderApp('/profile');
    expect(
      await screen.findByRole('heading', { name: 'Cannot resume your session' }),
    ).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('Too many requests: wait a minute.');
  });
});
