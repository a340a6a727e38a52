import { CalendarOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Modal,
  Progress,
  Result,
  Skeleton,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { useSystemInfo } from '../../app/DemoBanner';
import { formatDate, formatTimestamp } from '../../app/format';
import { useRoles } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { AttendanceTab } from './AttendanceTab';
import { type SessionDetail, sessionQuery } from './api';
import {
  type AttendanceEdits,
  buildEntries,
  canCreateSessions,
  documentLabel,
  isBeforeSession,
  isUuid,
  percent,
  type SessionFormValues,
  splitStartsAt,
} from './helpers';
import { ProposalsTab } from './ProposalsTab';
import { SessionForm } from './SessionForm';
import './dissemination.css';

function Crumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      className="dh-no-print"
      style={{ marginBottom: 8 }}
      items={[
        { key: 'list', title: <Link to="/dissemination-sessions">{t('dissemination.title')}</Link> },
        { key: 'current', title: current },
      ]}
    />
  );
}

function NotFoundCard() {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        status="404"
        title={t('dissemination.notFound')}
        subTitle={t('dissemination.notFoundHint')}
        extra={
          <Link to="/dissemination-sessions">
            <Button type="primary">{t('dissemination.backToList')}</Button>
          </Link>
        }
      />
    </Card>
  );
}

function LoadError({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && (error.status === 404 || error.status === 400)) return <NotFoundCard />;
  return (
    <Card>
      <Result
        status="error"
        title={t('app.loadFailed')}
        subTitle={error.message}
        extra={<Button onClick={retry}>{t('app.retry')}</Button>}
      />
    </Card>
  );
}

/** The single organization the actor manages, a sensible default host. */
function useDefaultHost(): string | null {
  const roles = useRoles();
  const managed = roles.filter((r) => (r.role === 'office' || r.role === 'secretary') && r.organizationId);
  const ids = [...new Set(managed.map((r) => r.organizationId))];
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

function NewSessionForm({ makeupOf }: { makeupOf?: SessionDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const defaultHost = useDefaultHost();
  const [initial] = useState<SessionFormValues>(() => {
    if (!makeupOf)
      return { organizationId: defaultHost, documentIds: [], invitedOrganizationIds: [], time: '08:00' };
    const invited = makeupOf.invitedOrganizations.map((o) => o.id);
    // An organization managed here and convened to the conference is the likely host of its make-up session.
    const host = defaultHost && invited.includes(defaultHost) ? defaultHost : null;
    return {
      organizationId: host,
      title: t('dissemination.makeupTitleDefault', { title: makeupOf.title }),
      time: splitStartsAt(makeupOf.startsAt).time,
      documentIds: makeupOf.documents.map((d) => d.id),
      invitedOrganizationIds: [],
    };
  });
  const title = makeupOf ? t('dissemination.createMakeupTitle') : t('dissemination.createTitle');
  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Crumbs current={title} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      {makeupOf && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <Link to={`/dissemination-sessions/${makeupOf.id}`}>
              {t('dissemination.makeupOf', {
                title: makeupOf.title,
                date: formatDate(splitStartsAt(makeupOf.startsAt).date),
              })}
            </Link>
          }
          description={t('dissemination.makeups.hint')}
        />
      )}
      <SessionForm
        mode="create"
        initial={initial}
        makeupOf={makeupOf}
        onSaved={(s) => navigate(`/dissemination-sessions/${s.id}`, { replace: true })}
        onCancel={() => navigate(-1)}
      />
    </Card>
  );
}

export function NewSessionPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const roles = useRoles();
  const makeupId = params.get('makeupOf');
  const original = useQuery({ ...sessionQuery(makeupId ?? ''), enabled: isUuid(makeupId) });
  if (!canCreateSessions(roles)) return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  if (!isUuid(makeupId)) return <NewSessionForm />;
  if (original.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (original.error) return <LoadError error={original.error} retry={() => original.refetch()} />;
  return <NewSessionForm makeupOf={original.data} />;
}

/** A whole row of the two-column description. */
const WIDE = { xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 };

function SessionHeader({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const dash = t('common.empty');
  const { present, absent, expected } = session.attendance;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      layout={isPhone ? 'vertical' : 'horizontal'}
      style={{ marginTop: 12 }}
      items={[
        {
          key: 'organization',
          label: t('dissemination.fields.organization'),
          span: WIDE,
          children: <Link to={`/organizations/${session.organization.id}`}>{session.organization.name}</Link>,
        },
        { key: 'place', label: t('dissemination.info.place'), children: session.place || dash },
        { key: 'chair', label: t('dissemination.info.chair'), children: session.chair || dash },
        {
          key: 'documents',
          label: t('dissemination.info.documents'),
          span: WIDE,
          children:
            session.documents.length === 0 ? (
              dash
            ) : (
              <Flex vertical gap={6}>
                {session.documents.map((d) => (
                  <div key={d.id}>
                    <Link to={`/documents/${d.id}`} style={{ fontWeight: 500 }}>
                      {documentLabel(d)}
                    </Link>
                    <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.6)' }}>{d.summary}</div>
                  </div>
                ))}
              </Flex>
            ),
        },
        {
          key: 'attendance',
          label: t('dissemination.fields.attendance'),
          span: WIDE,
          children: (
            <Flex vertical gap={2} style={{ maxWidth: 420 }}>
              <Progress
                percent={percent(present, expected)}
                success={{ percent: percent(present, expected) }}
                format={() => `${present}/${expected}`}
                size="small"
              />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('dissemination.info.counts', {
                  present,
                  absent,
                  expected,
                  unrecorded: Math.max(0, expected - present - absent),
                })}
              </Typography.Text>
            </Flex>
          ),
        },
      ]}
    />
  );
}

function InfoTab({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const dash = t('common.empty');
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      items={[
        {
          key: 'invited',
          label: t('dissemination.info.invited'),
          children:
            session.invitedOrganizations.length === 0 ? (
              `${t('dissemination.info.invitedHostOnly')}: ${session.organization.name}`
            ) : (
              <Flex wrap gap={4}>
                {session.invitedOrganizations.map((o) => (
                  <Tag key={o.id} style={{ marginInlineEnd: 0 }}>
                    <Link to={`/organizations/${o.id}`}>{o.name}</Link>
                  </Tag>
                ))}
              </Flex>
            ),
        },
        {
          key: 'guests',
          label: t('dissemination.info.guests'),
          children: session.guests ? <div className="dh-prewrap">{session.guests}</div> : dash,
        },
        {
          key: 'conclusions',
          label: t('dissemination.info.conclusions'),
          children: session.conclusions ? (
            <div className="dh-prewrap">{session.conclusions}</div>
          ) : (
            <Typography.Text type="secondary">{t('dissemination.info.noConclusions')}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

function MakeupsTab({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const canCreate = canCreateSessions(roles) && !session.makeupOf;
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('dissemination.makeups.hint')}
      </Typography.Paragraph>
      <Flex wrap gap={8} justify="space-between" align="center">
        <Typography.Text>
          {session.attendance.absent > 0 &&
            t('dissemination.makeups.absentCount', { count: session.attendance.absent })}
        </Typography.Text>
        {canCreate && (
          <Link to={`/dissemination-sessions/new?makeupOf=${session.id}`}>
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('dissemination.makeups.organize')}
            </Button>
          </Link>
        )}
      </Flex>
      {session.makeups.length === 0 ? (
        <Empty description={t('dissemination.makeups.empty')} />
      ) : (
        <ol className="dh-result-list" aria-label={t('dissemination.tabs.makeups')}>
          {session.makeups.map((m) => (
            <li key={m.id}>
              <Flex vertical gap={2}>
                <Link to={`/dissemination-sessions/${m.id}`} style={{ fontWeight: 500 }}>
                  {m.title}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatTimestamp(m.startsAt)} · {m.organization.name}
                </Typography.Text>
              </Flex>
            </li>
          ))}
        </ol>
      )}
    </Flex>
  );
}

/** Asks before leaving the page (in the app or by closing the tab) while attendance marks are unsaved. */
function useUnsavedGuard(count: number) {
  const { t } = useTranslation();
  const blocker = useBlocker(({ currentLocation, nextLocation }) =>
    count > 0 ? currentLocation.pathname !== nextLocation.pathname : false,
  );
  useEffect(() => {
    if (count === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [count]);
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title={t('dissemination.attendance.leaveConfirm', { count })}
      okText={t('dissemination.attendance.leave')}
      cancelText={t('dissemination.attendance.stay')}
      okButtonProps={{ danger: true }}
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    />
  );
}

function Detail({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const today = useSystemInfo().data?.today;
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('attendance');
  const [edits, setEdits] = useState<AttendanceEdits>({});
  const guard = useUnsavedGuard(buildEntries(edits).length);
  const beforeSession = isBeforeSession(session.startsAt, today);

  return (
    <Card size={isPhone ? 'small' : undefined} className="dh-print-card">
      <Crumbs current={session.title} />
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {session.title}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <Typography.Text type="secondary">
              <CalendarOutlined aria-hidden /> {formatTimestamp(session.startsAt)}
            </Typography.Text>
            {session.makeupOf && (
              <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                {t('dissemination.makeupBadge')}
              </Tag>
            )}
          </Flex>
          {session.makeupOf && (
            <Link to={`/dissemination-sessions/${session.makeupOf.id}`}>
              {t('dissemination.makeupOf', {
                title: session.makeupOf.title,
                date: formatDate(splitStartsAt(session.makeupOf.startsAt).date),
              })}
            </Link>
          )}
        </Flex>
        {!editing && session.abilities.edit && (
          <Flex gap={8} wrap className="dh-no-print">
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          </Flex>
        )}
      </Flex>
      {editing ? (
        <div style={{ marginTop: 16 }}>
          <SessionForm
            mode="edit"
            session={session}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <SessionHeader session={session} />
      )}
      <Tabs
        style={{ marginTop: 12 }}
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'attendance',
            label: t('dissemination.tabs.attendance'),
            children: (
              <AttendanceTab
                session={session}
                edits={edits}
                onEditsChange={setEdits}
                beforeSession={beforeSession}
              />
            ),
          },
          { key: 'info', label: t('dissemination.tabs.info'), children: <InfoTab session={session} /> },
          {
            key: 'proposals',
            label: `${t('dissemination.tabs.proposals')} (${session.proposals.length})`,
            children: <ProposalsTab session={session} />,
          },
          {
            key: 'makeups',
            label: `${t('dissemination.tabs.makeups')} (${session.makeups.length})`,
            children: <MakeupsTab session={session} />,
          },
        ]}
      />
      {guard}
    </Card>
  );
}

export default function SessionDetailPage() {
  const { id = '' } = useParams();
  const { data, error, isPending, refetch } = useQuery({ ...sessionQuery(id), enabled: isUuid(id) });
  if (!isUuid(id)) return <NotFoundCard />;
  if (isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (error) return <LoadError error={error} retry={() => refetch()} />;
  return <Detail key={data.id} session={data} />;
}
