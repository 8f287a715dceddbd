// What the tasks tests serve through MSW (src/test/server.ts): a task, and its list by default.
import { http } from 'msw';
import { page } from '../test/server';
import type { Task } from './queries';

export function aTask(fields: Partial<Task> = {}): Task {
  return {
    id: 7,
    title: 'Write the README',
    description: null,
    status: 'todo',
    priority: 3,
    due_date: null,
    created_at: '2026-01-02T10:00:00Z',
    updated_at: '2026-01-02T10:00:00Z',
    ...fields,
  };
}

/** GET /api/tasks answers one task unless a test says otherwise (server.use). */
export const taskList = http.get('/api/tasks', () => page([aTask()]));
