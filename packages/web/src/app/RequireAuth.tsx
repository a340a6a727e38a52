import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isAdmin } from './permissions';
import { useCurrentSession, useSession } from './session';

export const PASSWORD_PATH = '/account/password';

export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: '60vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return (
      <Result
        status="error"
        title={t('app.loadFailed')}
        subTitle={session.error.message}
        extra={<Button onClick={() => session.refetch()}>{t('app.retry')}</Button>}
      />
    );
  }
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (session.data.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}

export function RequireAdmin() {
  const { t } = useTranslation();
  const { roles } = useCurrentSession();
  if (!isAdmin(roles)) return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return <Outlet />;
}
