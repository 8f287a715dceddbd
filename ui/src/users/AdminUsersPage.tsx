import { useState } from 'react';
import { useCurrentUser } from '../auth/auth-context';
import { ErrorNotice } from '../components/ErrorNotice';
import { Pagination } from '../components/Pagination';
import { CreateUserForm } from './CreateUserForm';
import { useSetActive, useUserPage } from './queries';

const PER_PAGE = 20;

/** Admins only (the route checks the role; the API refuses others with 403 anyway). */
export function AdminUsersPage() {
  const me = useCurrentUser();
  const [page, setPage] = useState(1);
  const users = useUserPage(page, PER_PAGE);
  const setActive = useSetActive();

  return (
    <>
      <h1>Users</h1>
      <CreateUserForm />
      {users.error && (
        <ErrorNotice
          error={users.error}
          onRetry={() => {
            void users.refetch();
          }}
        />
      )}
      {setActive.error && <ErrorNotice error={setActive.error} />}
      {users.isPending && (
        <p className="loading" role="status">
          Loading users…
        </p>
      )}
      {users.data && (
        <>
          <table className="user-table">
            <caption className="visually-hidden">Users, {users.data.total} in all</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id}>
                  <td data-label="Name">{user.name}</td>
                  <td data-label="Email">{user.email}</td>
                  <td data-label="Role">{user.role}</td>
                  <td data-label="Status">
                    {user.is_active ? 'Active' : 'Deactivated'}{' '}
                    {user.id !== me.id && (
                      <button
                        type="button"
                        className="small"
                        disabled={setActive.isPending}
                        aria-label={`${user.is_active ? 'Deactivate' : 'Reactivate'} ${user.email}`}
                        onClick={() => {
                          setActive.mutate({ id: user.id, is_active: !user.is_active });
                        }}
                      >
                        {user.is_active ? 'Deactivate' : 'Reactivate'}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination
            label="User pages"
            page={users.data.page}
            perPage={users.data.per_page}
            total={users.data.total}
            onPage={setPage}
          />
        </>
      )}
    </>
  );
}
