// Server state for tasks: one query key per list view and per task, invalidated after each change.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { numberedPage } from '../api/pages';
import { send, unwrap } from '../api/problem';
import type { components, operations } from '../api/schema';
import type { Versioned } from '../components/EditScreen';

export type Task = components['schemas']['Task'];
export type NewTask = components['schemas']['NewTask'];
export type TaskChanges = components['schemas']['TaskChanges'];
export type TaskQuery = NonNullable<operations['listTasks']['parameters']['query']>;

const keys = {
  all: ['tasks'] as const,
  page: (query: TaskQuery) => ['tasks', 'page', query] as const,
  one: (id: number) => ['tasks', 'one', id] as const,
};

export function useTaskPage(query: TaskQuery) {
  return useQuery({
    queryKey: keys.page(query),
    queryFn: async () => numberedPage(await unwrap(api.GET('/api/tasks', { params: { query } }))),
    placeholderData: keepPreviousData, // keep the table while the next page loads
  });
}

export function useTask(id: number) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: async (): Promise<Versioned<Task>> => {
      const { data, response } = await send(
        api.GET('/api/tasks/{task_id}', { params: { path: { task_id: id } } }),
      );
      return { row: data, etag: response.headers.get('ETag') };
    },
    staleTime: Infinity, // the edit form works from the version it read until told to reload
  });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: NewTask) => unwrap(api.POST('/api/tasks', { body: fields })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateTask(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ changes, etag }: { changes: TaskChanges; etag: string | null }) => {
      const { data, response } = await send(
        api.PATCH('/api/tasks/{task_id}', {
          params: { path: { task_id: id }, header: etag ? { 'If-Match': etag } : {} },
          body: changes,
        }),
      );
      return { row: data, etag: response.headers.get('ETag') };
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.one(id), saved);
      return queryClient.invalidateQueries({ queryKey: ['tasks', 'page'] });
    },
  });
}

export function useDeleteTask(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (etag: string | null) =>
      unwrap(
        api.DELETE('/api/tasks/{task_id}', {
          params: { path: { task_id: id }, header: etag ? { 'If-Match': etag } : {} },
        }),
      ),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.one(id) });
      return queryClient.invalidateQueries({ queryKey: keys.all });
    },
  });
}
