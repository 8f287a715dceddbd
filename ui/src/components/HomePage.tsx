import { Link } from 'react-router';
import { useAuth } from '../auth/auth-context';

/** The start page when the app has no feature with a list of its own yet. */
export function HomePage() {
  const { state } = useAuth();
  const name = state.status === 'signed-in' ? state.user.name : '';
  return (
    <>
      <h1>Welcome{name ? `, ${name}` : ''}</h1>
      <p>
        There is nothing to list here yet. Your <Link to="/profile">profile</Link> is ready.
      </p>
    </>
  );
}
