import { BarChartOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Flex,
  Result,
  Row,
  Skeleton,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { canManageCongress, managingOrganizationIds } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { AuditTable } from '../audit/AuditTable';
import { CONGRESS_KEY, type CongressPlanDetail, planQuery } from './api';
import { BudgetPanel } from './BudgetPanel';
import { congressEndsOn, isUuid } from './helpers';
import { useCongressLabels } from './labels';
import { PlanForm } from './PlanForm';
import { SubcommitteesTab } from './SubcommitteesTab';
import { SubmissionsPanel } from './SubmissionsPanel';
import { TasksSection } from './TasksSection';

function Crumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[
        { key: 'list', title: <Link to="/congress-plans">{t('congress.plans.title')}</Link> },
        { key: 'current', title: current },
      ]}
    />
  );
}

export function NewPlanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  // One who manages a single organization draws up its plan unless the link names another.
  const own = [...managingOrganizationIds(session.roles)];
  const organizationId = params.get('organizationId') ?? (own.length === 1 ? own[0] : null);
  if (!canManageCongress(session.roles))
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Crumbs current={t('congress.plans.create')} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('congress.plans.create')}
      </Typography.Title>
      <PlanForm
        mode="create"
        organizationId={isUuid(organizationId) ? organizationId : undefined}
        termName={params.get('term') ?? undefined}
        onSaved={(plan) => navigate(`/congress-plans/${plan.id}`, { replace: true })}
        onCancel={() => navigate(-1)}
      />
    </Card>
  );
}

/** The plan's facts as label and value pairs, four to a row on a wide screen, one on a phone. */
function Summary({ plan }: { plan: CongressPlanDetail }) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const ends = plan.plannedOn ? congressEndsOn(plan.plannedOn, plan.durationDays) : null;
  const kindDiffers = plan.congressKind !== plan.derivedKind.kind;
  const items: { key: string; label: string; value: ReactNode; wide?: boolean }[] = [
    {
      key: 'plannedOn',
      label: t('congress.fields.plannedOn'),
      value: plan.plannedOn ? (
        `${formatDate(plan.plannedOn)}${ends && ends !== plan.plannedOn ? ` – ${formatDate(ends)}` : ''}`
      ) : (
        <Typography.Text type="secondary">{t('congress.plan.notScheduled')}</Typography.Text>
      ),
    },
    { key: 'duration', label: t('congress.fields.durationDays'), value: labels.duration(plan.durationDays) },
    {
      key: 'kind',
      label: t('congress.fields.congressKind'),
      value: (
        <Flex vertical gap={2}>
          <span>{labels.kind(plan.congressKind)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('congress.hints.kindDerived', {
              count: plan.derivedKind.memberCount,
              threshold: plan.derivedKind.threshold,
              kind: labels.kind(plan.derivedKind.kind),
            })}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'adoptedOn', label: t('congress.fields.adoptedOn'), value: formatDate(plan.adoptedOn) },
    ...(kindDiffers || plan.congressKindReason
      ? [
          {
            key: 'reason',
            label: t('congress.fields.congressKindReason'),
            value: plan.congressKindReason ?? t('common.empty'),
            wide: true,
          },
        ]
      : []),
    { key: 'ruleSet', label: t('congress.fields.ruleSet'), value: plan.ruleSet.name, wide: true },
    ...(plan.note
      ? [
          {
            key: 'note',
            label: t('congress.fields.note'),
            value: <span style={{ whiteSpace: 'pre-wrap' }}>{plan.note}</span>,
            wide: true,
          },
        ]
      : []),
  ];
  return (
    <Row gutter={[16, 12]} style={{ marginTop: 16 }}>
      {items.map((item) => (
        <Col key={item.key} xs={item.wide ? 24 : 12} lg={item.wide ? 12 : 6}>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {item.label}
          </Typography.Text>
          <div>{item.value}</div>
        </Col>
      ))}
    </Row>
  );
}

function Detail({ plan }: { plan: CongressPlanDetail }) {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(false);
  const [tab, setTab] = useState('tasks');

  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Crumbs current={plan.organization.name} />
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('congress.plan.heading', { name: plan.organization.name })}
          </Typography.Title>
          <Flex gap={8} align="center" wrap>
            <Tag color="geekblue">{t('congress.plan.term', { term: plan.term.name })}</Tag>
            <Tag>{labels.level(plan.organization.level)}</Tag>
            <Tag color="purple">{labels.kind(plan.congressKind)}</Tag>
          </Flex>
        </Flex>
        {!editing && (
          <Flex gap={8} wrap>
            {plan.abilities.edit && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('congress.plan.edit')}
              </Button>
            )}
            <Link to={`/congress-dashboard?organizationId=${plan.organization.id}`}>
              <Button icon={<BarChartOutlined aria-hidden />}>{t('congress.plan.openDashboard')}</Button>
            </Link>
          </Flex>
        )}
      </Flex>
      {plan.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('congress.plan.warningsTitle')}
          description={
            plan.warnings.length === 1 ? (
              plan.warnings[0]?.message
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {plan.warnings.map((w) => (
                  <li key={w.code}>{w.message}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      {editing ? (
        <div style={{ marginTop: 16 }}>
          <PlanForm
            mode="edit"
            plan={plan}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <>
          <Summary plan={plan} />
          <Tabs
            style={{ marginTop: 8 }}
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'tasks',
                label: `${t('congress.plan.tabs.tasks')} (${plan.tasks.length})`,
                children: <TasksSection plan={plan} />,
              },
              {
                key: 'subcommittees',
                label: `${t('congressSetup.subcommittees.tab')} (${plan.subcommittees.length})`,
                children: <SubcommitteesTab plan={plan} canEdit={plan.abilities.edit} />,
              },
              {
                key: 'budget',
                label: t('congress.plan.tabs.budget'),
                children: <BudgetPanel planId={plan.id} canEdit={plan.abilities.edit} />,
                destroyOnHidden: true,
              },
              {
                key: 'submissions',
                label: `${t('congress.plan.tabs.submissions')} (${plan.submissions.length})`,
                children: (
                  <SubmissionsPanel
                    planId={plan.id}
                    submissions={plan.submissions}
                    abilities={plan.abilities}
                    onChanged={() => queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY] })}
                  />
                ),
              },
              ...(plan.abilities.edit
                ? [
                    {
                      key: 'audit',
                      label: t('congress.plan.tabs.audit'),
                      children: (
                        <AuditTable filter={{ entity: 'congress_plan', entityId: plan.id }} compact />
                      ),
                      destroyOnHidden: true,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Card>
  );
}

export default function PlanDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, isPending, refetch } = useQuery({ ...planQuery(id), enabled: isUuid(id) });
  if (!isUuid(id) || (error && isApiError(error) && (error.status === 404 || error.status === 400)))
    return (
      <Card>
        <Result
          status="404"
          title={t('congress.plan.notFound')}
          subTitle={t('congress.plan.notFoundHint')}
          extra={
            <Link to="/congress-plans">
              <Button type="primary">{t('congress.plan.backToList')}</Button>
            </Link>
          }
        />
      </Card>
    );
  if (isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  if (error)
    return (
      <Card>
        <Result
          status="error"
          title={t('app.loadFailed')}
          subTitle={error.message}
          extra={<Button onClick={() => refetch()}>{t('app.retry')}</Button>}
        />
      </Card>
    );
  return <Detail key={data.id} plan={data} />;
}
