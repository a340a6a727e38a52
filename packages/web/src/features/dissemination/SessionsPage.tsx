import { PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatTimestamp } from '../../app/format';
import { useRoles } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { type Session, type SessionFilters, sessionQuery, sessionsQuery } from './api';
import { DocumentSelect } from './DocumentSelect';
import {
  canCreateSessions,
  documentLabel,
  sessionFiltersFromSearch,
  sessionFiltersToSearch,
} from './helpers';
import { useOrganizationOption } from './SessionForm';
import './dissemination.css';

/** Conferences per page; each row may fetch its attendance counts. */
const LIST_PAGE_SIZE = 20;

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => sessionFiltersFromSearch(params), [params]);
  const setFilters = (next: SessionFilters) => setParams(sessionFiltersToSearch(next), { replace: true });
  return [filters, setFilters] as const;
}

/** The counts come with the list when the server sends them, else from the session itself (cached for its page). */
function Attendance({ session }: { session: Session }) {
  const { t } = useTranslation();
  const detail = useQuery({ ...sessionQuery(session.id), enabled: !session.attendance, staleTime: 60_000 });
  const counts = session.attendance ?? detail.data?.attendance;
  if (!counts) return <>{detail.isPending && !session.attendance ? '…' : t('common.empty')}</>;
  const { present, expected } = counts;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {present}/{expected}
    </span>
  );
}

function Documents({ session }: { session: Session }) {
  const { t } = useTranslation();
  if (session.documents.length === 0) return <>{t('common.empty')}</>;
  return (
    <Flex vertical gap={2}>
      {session.documents.map((d) => (
        <span key={d.id} title={d.summary} style={{ fontSize: 13 }}>
          {documentLabel(d)}
        </span>
      ))}
    </Flex>
  );
}

function Title({ session }: { session: Session }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center" wrap>
      <Link to={`/dissemination-sessions/${session.id}`} style={{ fontWeight: 500 }}>
        {session.title}
      </Link>
      {session.makeupOf && (
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('dissemination.makeupBadge')}
        </Tag>
      )}
    </Flex>
  );
}

interface ListProps {
  sessions: Session[];
  loading: boolean;
  emptyText: string;
}

function SessionCards({ sessions, loading, emptyText }: ListProps) {
  const { t } = useTranslation();
  if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (sessions.length === 0) return <Empty description={emptyText} />;
  return (
    <ol className="dh-result-list" aria-label={t('dissemination.title')}>
      {sessions.map((s) => (
        <li key={s.id}>
          <Flex vertical gap={4}>
            <Title session={s} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[formatTimestamp(s.startsAt), s.organization.name].join(' · ')}
            </Typography.Text>
            <Documents session={s} />
            <Typography.Text style={{ fontSize: 13 }}>
              {t('dissemination.list.attendance')}: <Attendance session={s} />
            </Typography.Text>
          </Flex>
        </li>
      ))}
    </ol>
  );
}

function SessionsTable({ sessions, loading, emptyText }: ListProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Session> = [
    {
      key: 'startsAt',
      title: t('dissemination.list.startsAt'),
      width: 140,
      render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(s.startsAt)}</span>,
    },
    { key: 'title', title: t('dissemination.list.title'), render: (_, s) => <Title session={s} /> },
    {
      key: 'organization',
      title: t('dissemination.list.organization'),
      width: 220,
      render: (_, s) => s.organization.name,
    },
    {
      key: 'documents',
      title: t('dissemination.list.documents'),
      width: 300,
      render: (_, s) => <Documents session={s} />,
    },
    {
      key: 'attendance',
      title: t('dissemination.list.attendance'),
      width: 140,
      align: 'right',
      render: (_, s) => <Attendance session={s} />,
    },
  ];
  return (
    <Table<Session>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={sessions}
      pagination={false}
      scroll={{ x: 1000 }}
      locale={{ emptyText }}
      columns={columns}
    />
  );
}

export default function SessionsPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const isPhone = useIsPhone();
  const [filters, setFilters] = useFilters();
  const orgOption = useOrganizationOption(filters.organizationId);
  const query = useInfiniteQuery(sessionsQuery(filters, LIST_PAGE_SIZE));
  const sessions = query.data?.pages.flatMap((p) => p.items) ?? [];
  const List = isPhone ? SessionCards : SessionsTable;

  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('dissemination.title')}
        </Typography.Title>
        {canCreateSessions(roles) && (
          <Link to="/dissemination-sessions/new">
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>
              {t('dissemination.create')}
            </Button>
          </Link>
        )}
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={12} xl={9}>
          <OrganizationSelect
            aria-label={t('dissemination.filters.organization')}
            value={filters.organizationId ?? null}
            initialOptions={orgOption}
            onChange={(id) => setFilters({ ...filters, organizationId: id ?? undefined })}
          />
        </Col>
        <Col xs={24} md={12} xl={9}>
          <DocumentSelect
            aria-label={t('dissemination.filters.document')}
            value={filters.documentId ?? null}
            onChange={(id) => setFilters({ ...filters, documentId: id ?? undefined })}
          />
        </Col>
        {(filters.organizationId || filters.documentId) && (
          <Col xs={24} xl={6}>
            <Button onClick={() => setFilters({})}>{t('dissemination.filters.clear')}</Button>
          </Col>
        )}
      </Row>
      <List
        sessions={sessions}
        loading={query.isPending}
        emptyText={query.error ? query.error.message : t('dissemination.empty')}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" role="status">
          {query.isSuccess &&
            t(query.hasNextPage ? 'dissemination.shownMore' : 'dissemination.shown', {
              count: sessions.length,
            })}
        </Typography.Text>
        {query.hasNextPage && (
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
