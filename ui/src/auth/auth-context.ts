import { createContext, useContext } from 'react';
import type { User } from '../api/client';

export type AuthState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown; retry: () => void }
  // `chose`: the user signed out, so signing in again starts afresh, not where they left.
  | { status: 'anonymous'; chose?: boolean }
  | { status: 'signed-in'; user: User };

export interface Auth {
  state: AuthState;
  login: (email: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Replaces the signed-in user after the profile changed. */
  updateUser: (user: User) => void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth must be used inside <AuthProvider>');
  return auth;
}

/** The signed-in user; only for screens behind <RequireAuth>. */
export function useCurrentUser(): User {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useCurrentUser needs a signed-in user');
  return state.user;
}

/** Whether the signed-in user is an administrator: who may change a shared resource's rows. */
export function useIsAdmin(): boolean {
  return useCurrentUser().role === 'admin';
}
