import { Fragment } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AccountDeletedPage } from './auth/AccountDeletedPage';
import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { LoginPage } from './auth/LoginPage';
import { RegisterPage } from './auth/RegisterPage';
import { RequireAuth } from './auth/RequireAuth';
import { ResetPasswordPage } from './auth/ResetPasswordPage';
import { Layout } from './components/Layout';
import { FEATURES, START_PATH } from './features';
import { HomePage } from './components/HomePage';
import { AdminUsersPage } from './users/AdminUsersPage';
import { ProfilePage } from './users/ProfilePage';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/account-deleted" element={<AccountDeletedPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<Layout />}>
          <Route
            index
            element={START_PATH === '/' ? <HomePage /> : <Navigate to={START_PATH} replace />}
          />
          {FEATURES.map((feature) => (
            <Fragment key={feature.path}>{feature.routes}</Fragment>
          ))}
          <Route path="/profile" element={<ProfilePage />} />
          <Route element={<RequireAuth admin />}>
            <Route path="/admin/users" element={<AdminUsersPage />} />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
    </>
  );
}
