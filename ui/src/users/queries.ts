// Server state for accounts: one key factory, so every change refreshes each list it affects.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type User } from '../api/client';
import { unwrap } from '../api/problem';
import { useAuth } from '../auth/auth-context';

export const userKeys = {
  all: ['users'] as const,
  page: (page: number, perPage: number) => ['users', 'page', { page, perPage }] as const,
};

/** What an administrator sends to open an account; an empty password means "mail a link". */
export interface NewUser {
  email: string;
  name: string;
  role: User['role'];
  password: string;
}

export type MeChanges = { name: string } | { password: string; current_password: string };

export function useUserPage(page: number, perPage: number) {
  return useQuery({
    queryKey: userKeys.page(page, perPage),
    queryFn: () =>
      unwrap(api.GET('/api/users', { params: { query: { page, per_page: perPage } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSetActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (user: Pick<User, 'id' | 'is_active'>) =>
      unwrap(
        api.PATCH('/api/users/{user_id}', {
          params: { path: { user_id: user.id } },
          body: { is_active: user.is_active },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ password, ...account }: NewUser) =>
      unwrap(api.POST('/api/users', { body: password ? { ...account, password } : account })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateMe() {
  const { updateUser } = useAuth();
  return useMutation({
    mutationFn: (changes: MeChanges) => unwrap(api.PATCH('/api/users/me', { body: changes })),
    onSuccess: updateUser,
  });
}

export function useDeleteMe() {
  return useMutation({
    mutationFn: (body: { password: string }) => unwrap(api.DELETE('/api/users/me', { body })),
  });
}
