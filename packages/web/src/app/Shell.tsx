import {
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileTextOutlined,
  HistoryOutlined,
  IdcardOutlined,
  ImportOutlined,
  InboxOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  NumberOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Drawer, Dropdown, Flex, Layout, Menu, type MenuProps, Spin, Typography, theme } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout, type Session } from '../features/auth/api';
import { documentsNavKey } from '../features/documents/nav';
import { linkedMemberId, navKeyFor } from '../features/members/nav';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import {
  canManageMembers,
  isAdmin,
  readsCongressPlans,
  readsDocumentRegisters,
  readsMembers,
} from './permissions';
import { PASSWORD_PATH } from './RequireAuth';
import { markSignedOut, useCurrentSession } from './session';
import { useIsPhone } from './useMediaQuery';

const { Header, Sider, Content } = Layout;

function useNavItems(session: Session): MenuProps['items'] {
  const { t } = useTranslation();
  if (session.user.mustChangePassword) return [];
  const items: NonNullable<MenuProps['items']> = [
    {
      key: 'organizations',
      icon: <ApartmentOutlined aria-hidden />,
      label: <Link to="/organizations">{t('nav.organizations')}</Link>,
    },
  ];
  if (readsMembers(session.roles)) {
    items.push({
      key: 'members',
      icon: <SolutionOutlined aria-hidden />,
      label: <Link to="/members">{t('nav.members')}</Link>,
    });
    if (canManageMembers(session.roles)) {
      items.push({
        key: 'members/import',
        icon: <ImportOutlined aria-hidden />,
        label: <Link to="/members/import">{t('nav.memberImport')}</Link>,
      });
    }
    items.push({
      key: 'members/statistics',
      icon: <BarChartOutlined aria-hidden />,
      label: <Link to="/members/statistics">{t('nav.memberStatistics')}</Link>,
    });
  }
  const ownRecord = linkedMemberId(session.user);
  if (ownRecord) {
    items.push({
      key: 'members/mine',
      icon: <IdcardOutlined aria-hidden />,
      label: <Link to={`/members/${ownRecord}`}>{t('nav.myRecord')}</Link>,
    });
  }
  items.push(
    {
      key: 'documents',
      icon: <FileTextOutlined aria-hidden />,
      label: <Link to="/documents">{t('nav.documents')}</Link>,
    },
    {
      key: 'documents/incoming',
      icon: <InboxOutlined aria-hidden />,
      label: <Link to="/documents/incoming">{t('nav.incomingDocuments')}</Link>,
    },
  );
  if (readsDocumentRegisters(session.roles)) {
    items.push({
      key: 'documents/numbers',
      icon: <NumberOutlined aria-hidden />,
      label: <Link to="/documents/numbers">{t('nav.documentNumbers')}</Link>,
    });
  }
  items.push({
    key: 'dissemination-sessions',
    icon: <ReadOutlined aria-hidden />,
    label: <Link to="/dissemination-sessions">{t('nav.dissemination')}</Link>,
  });
  if (readsCongressPlans(session.roles)) {
    items.push(
      {
        key: 'congress-plans',
        icon: <CalendarOutlined aria-hidden />,
        label: <Link to="/congress-plans">{t('nav.congressPlans')}</Link>,
      },
      {
        key: 'congress-dashboard',
        icon: <DashboardOutlined aria-hidden />,
        label: <Link to="/congress-dashboard">{t('nav.congressDashboard')}</Link>,
      },
      {
        key: 'congress-setup',
        icon: <ControlOutlined aria-hidden />,
        label: <Link to="/congress-setup">{t('congressSetup.nav.setup')}</Link>,
      },
    );
  }
  if (isAdmin(session.roles)) {
    items.push({
      key: 'users',
      icon: <TeamOutlined aria-hidden />,
      label: <Link to="/users">{t('nav.users')}</Link>,
    });
  }
  items.push({
    key: 'audit',
    icon: <HistoryOutlined aria-hidden />,
    label: <Link to="/audit">{t('nav.audit')}</Link>,
  });
  if (isAdmin(session.roles)) {
    items.push({
      key: 'system',
      icon: <SettingOutlined aria-hidden />,
      label: <Link to="/system">{t('nav.system')}</Link>,
    });
    items.push({
      key: 'calendar',
      icon: <ScheduleOutlined aria-hidden />,
      label: <Link to="/calendar">{t('congressSetup.nav.calendar')}</Link>,
    });
  }
  return items;
}

export function roleSummary(session: Session, t: (key: string) => string): string {
  return session.roles
    .map((r) =>
      r.organizationName ? `${t(`roles.${r.role}`)} — ${r.organizationName}` : t(`roles.${r.role}`),
    )
    .join('; ');
}

function useSignOut() {
  return useMutation({
    mutationFn: logout,
    meta: { silent: true },
    // A full load of the sign-in page: nothing the previous user saw stays in memory.
    onSettled: () => {
      markSignedOut();
      window.location.replace('/login');
    },
  });
}

function UserBox({ session, vertical }: { session: Session; vertical?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const roles = roleSummary(session, t);
  const name = (
    <Flex vertical style={{ lineHeight: 1.3, minWidth: 0 }}>
      <Typography.Text strong ellipsis>
        {session.user.displayName}
      </Typography.Text>
      <Typography.Text type="secondary" ellipsis={{ tooltip: roles }} style={{ fontSize: 12, maxWidth: 360 }}>
        {roles}
      </Typography.Text>
    </Flex>
  );
  if (vertical) return name;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [{ key: 'password', icon: <KeyOutlined aria-hidden />, label: t('nav.changePassword') }],
        onClick: () => navigate(PASSWORD_PATH),
      }}
    >
      <Button type="text" icon={<UserOutlined aria-hidden />} style={{ height: 'auto', maxWidth: 420 }}>
        {name}
      </Button>
    </Dropdown>
  );
}

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/organizations" style={{ display: 'flex', alignItems: 'center', gap: 8, color: 'inherit' }}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {!compact && (
        <Typography.Text strong style={{ fontSize: 18 }}>
          {t('app.name')}
        </Typography.Text>
      )}
    </Link>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const location = useLocation();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const items = useNavItems(session);
  const signOut = useSignOut();
  const selected =
    documentsNavKey(location.pathname) ?? navKeyFor(location.pathname, linkedMemberId(session.user));

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      onClick={() => setDrawerOpen(false)}
      style={{ borderInlineEnd: 0 }}
      aria-label={t('app.menu')}
    />
  );
  const signOutButton = (
    <Button
      icon={<LogoutOutlined aria-hidden />}
      onClick={() => signOut.mutate()}
      loading={signOut.isPending}
    >
      {t('nav.signOut')}
    </Button>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout hasSider={!isPhone}>
        {!isPhone && (
          <Sider
            theme="light"
            width={236}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            breakpoint="lg"
            style={{
              borderInlineEnd: `1px solid ${token.colorBorderSecondary}`,
              position: 'sticky',
              top: 0,
              height: '100vh',
              overflow: 'auto',
            }}
          >
            <div style={{ padding: '16px 20px' }}>
              <Brand compact={collapsed} />
            </div>
            {menu}
          </Sider>
        )}
        <Layout>
          <DemoBanner />
          <Header
            style={{
              background: token.colorBgContainer,
              borderBottom: `1px solid ${token.colorBorderSecondary}`,
              padding: isPhone ? '0 12px' : '0 24px',
              display: 'flex',
              alignItems: 'center',
              gap: 12,
              height: 64,
            }}
          >
            {isPhone && (
              <>
                <Button
                  icon={<MenuOutlined aria-hidden />}
                  aria-label={t('app.openMenu')}
                  onClick={() => setDrawerOpen(true)}
                />
                <Brand />
              </>
            )}
            <div style={{ flex: 1 }} />
            <NotificationBell />
            {!isPhone && (
              <>
                <UserBox session={session} />
                <LanguageSwitch />
                {signOutButton}
              </>
            )}
          </Header>
          <Content style={{ padding: isPhone ? 12 : 24, minWidth: 0 }}>
            <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
              <Outlet />
            </Suspense>
          </Content>
        </Layout>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={t('app.name')}
          size={300}
          styles={{ body: { padding: 0 } }}
        >
          <div style={{ padding: 16 }}>
            <UserBox session={session} vertical />
          </div>
          {menu}
          <Flex vertical gap={12} style={{ padding: 16 }}>
            <Link to={PASSWORD_PATH} onClick={() => setDrawerOpen(false)}>
              {t('nav.changePassword')}
            </Link>
            <LanguageSwitch block />
            {signOutButton}
          </Flex>
        </Drawer>
      )}
    </Layout>
  );
}
