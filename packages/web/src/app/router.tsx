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
const MembersPage = lazy(() => import('../features/members/MembersPage'));
const MemberDetailPage = lazy(() => import('../features/members/MemberDetailPage'));
const NewMemberPage = lazy(() =>
  import('../features/members/MemberDetailPage').then((m) => ({ default: m.NewMemberPage })),
);
const MemberImportPage = lazy(() => import('../features/members/ImportPage'));
const MemberStatisticsPage = lazy(() => import('../features/members/StatisticsPage'));
const DocumentsPage = lazy(() => import('../features/documents/DocumentsPage'));
const DocumentDetailPage = lazy(() => import('../features/documents/DocumentDetailPage'));
const NewDocumentPage = lazy(() =>
  import('../features/documents/DocumentDetailPage').then((m) => ({ default: m.NewDocumentPage })),
);
const DocumentNumbersPage = lazy(() => import('../features/documents/NumbersPage'));
const IncomingDocumentsPage = lazy(() => import('../features/documents/IncomingPage'));
const SessionsPage = lazy(() => import('../features/dissemination/SessionsPage'));
const SessionDetailPage = lazy(() => import('../features/dissemination/SessionDetailPage'));
const NewSessionPage = lazy(() =>
  import('../features/dissemination/SessionDetailPage').then((m) => ({ default: m.NewSessionPage })),
);
const CongressPlansPage = lazy(() => import('../features/congress/PlansPage'));
const CongressPlanPage = lazy(() => import('../features/congress/PlanDetailPage'));
const NewCongressPlanPage = lazy(() =>
  import('../features/congress/PlanDetailPage').then((m) => ({ default: m.NewPlanPage })),
);
const CongressDashboardPage = lazy(() => import('../features/congress/DashboardPage'));
const CongressSetupPage = lazy(() => import('../features/congress/SetupPage'));
const CalendarPage = lazy(() => import('../features/congress/CalendarEditsPage'));

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
          { path: 'members', element: <MembersPage /> },
          { path: 'members/new', element: <NewMemberPage /> },
          { path: 'members/import/:id?', element: <MemberImportPage /> },
          { path: 'members/statistics', element: <MemberStatisticsPage /> },
          { path: 'members/:id', element: <MemberDetailPage /> },
          { path: 'documents', element: <DocumentsPage /> },
          { path: 'documents/new', element: <NewDocumentPage /> },
          { path: 'documents/numbers', element: <DocumentNumbersPage /> },
          { path: 'documents/incoming', element: <IncomingDocumentsPage /> },
          { path: 'documents/:id', element: <DocumentDetailPage /> },
          { path: 'dissemination-sessions', element: <SessionsPage /> },
          { path: 'dissemination-sessions/new', element: <NewSessionPage /> },
          { path: 'dissemination-sessions/:id', element: <SessionDetailPage /> },
          { path: 'congress-plans', element: <CongressPlansPage /> },
          { path: 'congress-plans/new', element: <NewCongressPlanPage /> },
          { path: 'congress-plans/:id', element: <CongressPlanPage /> },
          { path: 'congress-dashboard', element: <CongressDashboardPage /> },
          { path: 'congress-setup', element: <CongressSetupPage /> },
          { element: <RequireAdmin />, children: [{ path: 'users', element: <UsersPage /> }] },
          { path: 'audit', element: <AuditPage /> },
          { element: <RequireAdmin />, children: [{ path: 'system', element: <SystemPage /> }] },
          // Everyone reads the calendar of days off (calendar.read); the page lets only an administrator edit.
          { path: 'calendar', element: <CalendarPage /> },
          { path: 'notifications', element: <NotificationsPage /> },
          { path: PASSWORD_PATH.slice(1), element: <ChangePasswordPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
