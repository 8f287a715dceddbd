import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, type User } from '../api/client';
import { unwrap } from '../api/problem';
import { AuthContext, type Auth, type AuthState } from './auth-context';
import { endSession, onSessionChange, refreshAccessToken, startSession } from './session';

/** Holds who is signed in; on load it tries the refresh cookie once to resume a session. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  const signedOut = useCallback(
    (chose = false) => {
      queryClient.clear(); // nothing of the previous user stays in the cache
      setState({ status: 'anonymous', chose });
    },
    [queryClient],
  );

  const resume = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      if (!(await refreshAccessToken())) {
        setState({ status: 'anonymous' });
        return;
      }
      setState({ status: 'signed-in', user: await unwrap(api.GET('/api/users/me')) });
    } catch (error) {
      setState({ status: 'failed', error, retry: () => void resume() });
    }
  }, []);

  useEffect(() => {
    void resume();
  }, [resume]);

  // The refresh cookie can expire mid-session: the session module tells us, and we sign out.
  useEffect(
    () =>
      onSessionChange((signedIn) => {
        if (!signedIn) signedOut();
      }),
    [signedOut],
  );

  const auth = useMemo<Auth>(
    () => ({
      state,
      async login(email, password) {
        startSession(await unwrap(api.POST('/api/auth/login', { body: { email, password } })));
        setState({ status: 'signed-in', user: await unwrap(api.GET('/api/users/me')) });
      },
      async logout() {
        try {
          await api.POST('/api/auth/logout'); // clears the refresh cookie
        } catch {
          // Unreachable: still forget everything here; the cookie expires on its own.
        }
        endSession();
        signedOut(true);
      },
      updateUser(user: User) {
        setState({ status: 'signed-in', user });
      },
    }),
    [state, signedOut],
  );

  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
