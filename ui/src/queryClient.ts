import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/problem';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        // Asking again will not change a 4xx; an unreachable API may be back a moment later.
        retry: (failures, error) => failures < 1 && error instanceof ApiError && error.unreachable,
        refetchOnWindowFocus: false,
      },
    },
  });
}
