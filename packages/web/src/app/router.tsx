import { lazy } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { NotFoundPage } from './NotFoundPage';
import { PASSWORD_PATH, RequireAdmin, RequireAuth } from './RequireAuth';
import { Shell } from './Shell';

const OrganizationsPage = lazy(() => import('../features/organizations/OrganizationsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const SystemPage = lazy(() => import('../features/system/SystemPage'));
const NotificationsPage = lazy(() => import('../features/notifications/NotificationsPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <Shell />,
        children: [
          { index: true, element: <Navigate to="/organizations" replace /> },
          { path: 'organizations/:id?', element: <OrganizationsPage /> },
          { element: <RequireAdmin />, children: [{ path: 'users', element: <UsersPage /> }] },
          { path: 'audit', element: <AuditPage /> },
          { element: <RequireAdmin />, children: [{ path: 'system', element: <SystemPage /> }] },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: PASSWORD_PATH.slice(1), element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
