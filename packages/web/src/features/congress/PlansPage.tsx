import { BarChartOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
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
  Tooltip,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import { canManageCongress } from '../../app/permissions';
import { useRoles } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { useOrganizationOption } from '../dissemination/SessionForm';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { type CongressPlan, planQuery, plansQuery } from './api';
import { type PlanListFilters, planFiltersFromSearch, planFiltersToSearch, taskCounts } from './helpers';
import { useCongressLabels } from './labels';

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => planFiltersFromSearch(params), [params]);
  const setFilters = (next: PlanListFilters) => setParams(planFiltersToSearch(next), { replace: true });
  return [filters, setFilters] as const;
}

/** Done and overdue tasks of one plan, from the plan itself (cached for its page and the detail it opens). */
function TaskProgress({ plan }: { plan: CongressPlan }) {
  const { t } = useTranslation();
  const detail = useQuery({ ...planQuery(plan.id), staleTime: 60_000 });
  if (!detail.data) return <>{detail.isPending ? '…' : t('common.empty')}</>;
  const c = taskCounts(detail.data.tasks);
  return (
    <Flex gap={6} wrap align="center">
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        {t('congress.plans.doneCount', { done: c.done + c.skipped, total: c.total })}
      </Tag>
      {c.overdue > 0 && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('congress.plans.overdueCount', { count: c.overdue })}
        </Tag>
      )}
      {c.dueSoon > 0 && (
        <Tag color="gold" style={{ marginInlineEnd: 0 }}>
          {t('congress.plans.dueSoonCount', { count: c.dueSoon })}
        </Tag>
      )}
    </Flex>
  );
}

function OrganizationCell({ plan }: { plan: CongressPlan }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center" wrap>
      <Link to={`/congress-plans/${plan.id}`} style={{ fontWeight: 500 }}>
        {plan.organization.name}
      </Link>
      {plan.warnings.length > 0 && (
        <Tooltip title={plan.warnings.map((w) => w.message).join(' ')}>
          <Tag color="warning" icon={<WarningOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
            {t('congress.plans.warnings', { count: plan.warnings.length })}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

interface ListProps {
  plans: CongressPlan[];
  loading: boolean;
  emptyText: string;
}

function PlanCards({ plans, loading, emptyText }: ListProps) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (plans.length === 0) return <Empty description={emptyText} />;
  return (
    <ol className="dh-result-list" aria-label={t('congress.plans.title')}>
      {plans.map((p) => (
        <li key={p.id}>
          <Flex vertical gap={4}>
            <OrganizationCell plan={p} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[
                t('congress.plan.term', { term: p.term.name }),
                labels.kind(p.congressKind),
                p.plannedOn ? formatDate(p.plannedOn) : t('congress.plan.notScheduled'),
                labels.duration(p.durationDays),
              ].join(' · ')}
            </Typography.Text>
            <TaskProgress plan={p} />
          </Flex>
        </li>
      ))}
    </ol>
  );
}

function PlansTable({ plans, loading, emptyText }: ListProps) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const columns: TableColumnsType<CongressPlan> = [
    {
      key: 'organization',
      title: t('congress.plans.columns.organization'),
      render: (_, p) => <OrganizationCell plan={p} />,
    },
    { key: 'term', title: t('congress.plans.columns.term'), width: 110, render: (_, p) => p.term.name },
    {
      key: 'kind',
      title: t('congress.plans.columns.kind'),
      width: 200,
      render: (_, p) => labels.kind(p.congressKind),
    },
    {
      key: 'plannedOn',
      title: t('congress.plans.columns.plannedOn'),
      width: 120,
      render: (_, p) =>
        p.plannedOn ? (
          <span style={{ whiteSpace: 'nowrap' }}>{formatDate(p.plannedOn)}</span>
        ) : (
          <Typography.Text type="secondary">{t('congress.plan.notScheduled')}</Typography.Text>
        ),
    },
    {
      key: 'duration',
      title: t('congress.plans.columns.duration'),
      width: 100,
      render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{labels.duration(p.durationDays)}</span>,
    },
    {
      key: 'tasks',
      title: t('congress.plans.columns.tasks'),
      width: 310,
      render: (_, p) => <TaskProgress plan={p} />,
    },
  ];
  return (
    <Table<CongressPlan>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={plans}
      pagination={false}
      scroll={{ x: 1040 }}
      locale={{ emptyText }}
      columns={columns}
    />
  );
}

export default function PlansPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const isPhone = useIsPhone();
  const [filters, setFilters] = useFilters();
  const orgOption = useOrganizationOption(filters.organizationId);
  const query = useInfiniteQuery(plansQuery(filters));
  const plans = query.data?.pages.flatMap((p) => p.items) ?? [];
  const List = isPhone ? PlanCards : PlansTable;
  const newPath = `/congress-plans/new${filters.organizationId ? `?organizationId=${filters.organizationId}` : ''}`;

  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('congress.plans.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {canManageCongress(roles) && (
            <Link to={newPath}>
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                {t('congress.plans.create')}
              </Button>
            </Link>
          )}
          <Link
            to={`/congress-dashboard${filters.organizationId ? `?organizationId=${filters.organizationId}` : ''}`}
          >
            <Button icon={<BarChartOutlined aria-hidden />}>{t('congress.plans.openDashboard')}</Button>
          </Link>
        </Flex>
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={14} xl={10}>
          <OrganizationSelect
            aria-label={t('congress.plans.filterOrganization')}
            value={filters.organizationId ?? null}
            initialOptions={orgOption}
            onChange={(id) => setFilters({ organizationId: id ?? undefined })}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('congress.plans.filterHint')}
          </Typography.Text>
        </Col>
      </Row>
      <List
        plans={plans}
        loading={query.isPending}
        emptyText={
          query.error
            ? query.error.message
            : t(filters.organizationId ? 'congress.plans.emptyFiltered' : 'congress.plans.empty')
        }
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" role="status">
          {query.isSuccess &&
            plans.length > 0 &&
            t(query.hasNextPage ? 'congress.plans.shownMore' : 'congress.plans.shown', {
              count: plans.length,
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
