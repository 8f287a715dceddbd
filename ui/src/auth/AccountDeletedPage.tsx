import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { ThemeToggle } from '../theme/ThemeToggle';
import { useAuth } from './auth-context';

/** Where account deletion ends. It signs out here, on a public page, so nothing redirects. */
export function AccountDeletedPage() {
  const { logout } = useAuth();
  const signOut = (useLocation().state as { signOut?: boolean } | null)?.signOut === true;
  useEffect(() => {
    // The sessions are gone on the server; this drops the token, the cookie and the cache.
    if (signOut) void logout();
  }, [signOut, logout]);

  return (
    <main id="main" className="auth-page">
      <ThemeToggle />
      <h1>Account deleted</h1>
      <p role="status">
        Your account and everything in it are deleted, and every device is signed out.
      </p>
      <p>
        <Link to="/register">Create a new account</Link> or <Link to="/login">sign in</Link>.
      </p>
    </main>
  );
}
