import { NavLink, Outlet, useNavigate } from 'react-router';
import { useAuth, useCurrentUser } from '../auth/auth-context';
import { FEATURES } from '../features';
import { ThemeToggle } from '../theme/ThemeToggle';

/** The signed-in frame: a skip link, the navigation, and the current screen in <main>. */
export function Layout() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <nav aria-label="Main">
          {FEATURES.map((feature) => (
            <NavLink key={feature.path} to={feature.path} end>
              {feature.label}
            </NavLink>
          ))}
          <NavLink to="/profile">Profile</NavLink>
          {user.role === 'admin' && <NavLink to="/admin/users">Users</NavLink>}
        </nav>
        <div className="account">
          <ThemeToggle />
          <span className="user-name">{user.name}</span>
          <button
            type="button"
            onClick={() => {
              void logout().then(() => navigate('/login'));
            }}
          >
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
