import { CalendarOutlined, FileExcelOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { foldVietnamese, type StepStatus } from '@daihoi/core';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Result,
  Row,
  Segmented,
  Select,
  Skeleton,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { type ComponentProps, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatDate } from '../../app/format';
import { isAdmin, managesOrganization, managingOrganizationIds } from '../../app/permissions';
import { useRoles } from '../../app/session';
import { useDebounced } from '../../app/useDebounced';
import { useIsPhone, useMediaQuery } from '../../app/useMediaQuery';
import { useOrganizationOption } from '../dissemination/SessionForm';
import { Chart } from '../members/Chart';
import { useNumberFormat } from '../members/labels';
import { detailQuery } from '../organizations/api';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { type Dashboard, type DashboardQuery, dashboardQuery, dashboardXlsxUrl } from './api';
import { type DashboardView, viewFromSearch, viewToSearch } from './calendar';
import { countsChartOption } from './chart';
import DashboardCalendar from './DashboardCalendar';
import {
  buildDashboardRows,
  countEntries,
  type DashboardRowView,
  dashboardFiltersFromSearch,
  dashboardFiltersToSearch,
  filterRowsByName,
  STEP_CELL,
  STEP_COLOR,
} from './helpers';
import { useCongressLabels } from './labels';
import './congress.css';

const STEP_WIDTH = 36;

type TableComponents = NonNullable<ComponentProps<typeof Table<DashboardRowView>>['components']>;

/**
 * The ARIA table roles of the virtual table. Its header is a <table> of its own and its body is divs, so
 * the header table steps aside (presentation) and every part names its role; the page wraps both in one
 * role="table". Constant objects: a row costs nothing more to render.
 */
const ARIA_TABLE: TableComponents = {
  header: {
    table: (props: ComponentProps<'table'>) => <table {...props} role="presentation" />,
    // A presentational table takes the roles of its parts with it unless they name their own.
    // biome-ignore lint/a11y/noRedundantRoles: not redundant inside a table with role="presentation"
    wrapper: (props: ComponentProps<'thead'>) => <thead {...props} role="rowgroup" />,
    // biome-ignore lint/a11y/noRedundantRoles: not redundant inside a table with role="presentation"
    row: (props: ComponentProps<'tr'>) => <tr {...props} role="row" aria-rowindex={1} />,
    cell: (props: ComponentProps<'th'>) => (
      // The last header cell may be the filler above the body's scroll bar: no column of its own.
      <th {...props} role={props.className?.includes('-cell-scrollbar') ? 'presentation' : 'columnheader'} />
    ),
  },
  body: {
    // biome-ignore lint/a11y/useSemanticElements: the virtual list's scrolling holder, a div by necessity
    wrapper: (props: ComponentProps<'div'>) => <div {...props} role="rowgroup" />,
  },
};
const ROW_HEADER = { role: 'rowheader' };
const CELL = { role: 'cell' };

/** The filters and the view, both kept in the address bar so that a link or a reload keeps them. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => dashboardFiltersFromSearch(params), [params]);
  const view = viewFromSearch(params);
  const write = (f: DashboardQuery, v: DashboardView) =>
    setParams({ ...dashboardFiltersToSearch(f), ...viewToSearch(v) }, { replace: true });
  return {
    filters,
    view,
    setFilters: (next: DashboardQuery) => write(next, view),
    setView: (next: DashboardView) => write(filters, next),
  };
}

function Filters({
  filters,
  onChange,
}: {
  filters: DashboardQuery;
  onChange: (next: DashboardQuery) => void;
}) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const orgOption = useOrganizationOption(filters.organizationId);
  const org = useQuery({
    ...detailQuery(filters.organizationId ?? ''),
    enabled: Boolean(filters.organizationId),
    retry: false,
  });
  const terms = [...(org.data?.terms ?? [])].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const any = Object.keys(dashboardFiltersToSearch(filters)).length > 0;
  return (
    <Row gutter={[12, 12]} className="dh-no-print" style={{ marginBottom: 12 }}>
      <Col xs={24} lg={9}>
        <OrganizationSelect
          aria-label={t('congress.dashboard.filters.organization')}
          value={filters.organizationId ?? null}
          initialOptions={orgOption}
          onChange={(id) => onChange({ ...filters, organizationId: id ?? undefined, termId: undefined })}
        />
        {!filters.organizationId && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('congress.dashboard.filters.organizationHint')}
          </Typography.Text>
        )}
      </Col>
      {filters.organizationId && terms.length > 0 && (
        <Col xs={12} lg={4}>
          <Select
            aria-label={t('congress.dashboard.filters.term')}
            allowClear
            placeholder={t('congress.dashboard.filters.term')}
            value={filters.termId}
            onChange={(termId: string | undefined) => onChange({ ...filters, termId })}
            options={terms.map((x) => ({ value: x.id, label: x.name }))}
            style={{ width: '100%' }}
          />
        </Col>
      )}
      <Col
        xs={filters.organizationId && terms.length > 0 ? 12 : 24}
        sm={12}
        lg={filters.organizationId && terms.length > 0 ? 4 : 5}
      >
        <Select
          aria-label={t('congress.dashboard.filters.level')}
          allowClear
          placeholder={t('congress.dashboard.filters.allLevels')}
          value={filters.level}
          onChange={(level: string | undefined) => onChange({ ...filters, level })}
          options={labels.levelOptions}
          style={{ width: '100%' }}
        />
      </Col>
      <Col xs={any ? 16 : 24} sm={12} lg={5}>
        <Select
          aria-label={t('congress.dashboard.filters.status')}
          allowClear
          placeholder={t('congress.dashboard.filters.allStatuses')}
          value={filters.status}
          onChange={(status: StepStatus | undefined) => onChange({ ...filters, status })}
          options={labels.stepStatusOptions}
          style={{ width: '100%' }}
        />
      </Col>
      {any && (
        <Col xs={8} sm={12} lg={2}>
          <Button onClick={() => onChange({})}>{t('congress.dashboard.filters.clear')}</Button>
        </Col>
      )}
    </Row>
  );
}

/** The counts as coloured figures; a click keeps only organizations with a step in that state. */
function Counts({
  data,
  status,
  onStatus,
}: {
  data: Dashboard;
  status: StepStatus | undefined;
  onStatus: (s: StepStatus | undefined) => void;
}) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const format = useNumberFormat();
  const isPhone = useIsPhone();
  const entries = countEntries(data.counts);
  const option = useMemo(
    () => countsChartOption(data.counts, (s) => labels.state(s), format, isPhone),
    [data.counts, labels, format, isPhone],
  );
  const total = entries.reduce((sum, e) => sum + e.value, 0);
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 12 }}>
      <Col xs={24} lg={14}>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          {t('congress.dashboard.countsTitle', { n: format(total) })}
        </Typography.Text>
        <div className="dh-congress-counts">
          {entries.map((e) => (
            <button
              key={e.status}
              type="button"
              className="dh-congress-count"
              aria-pressed={status === e.status}
              onClick={() => onStatus(status === e.status ? undefined : e.status)}
              style={{ borderColor: STEP_COLOR[e.status], background: STEP_CELL[e.status].fill }}
              title={t('congress.dashboard.filterBy', { state: labels.state(e.status) })}
            >
              <span className="dh-congress-count-value" style={{ color: STEP_CELL[e.status].text }}>
                {format(e.value)}
              </span>
              <span className="dh-congress-count-label">
                {labels.state(e.status)} · {format(e.share)}%
              </span>
            </button>
          ))}
        </div>
      </Col>
      <Col xs={24} lg={10}>
        {total > 0 && (
          <Chart
            option={option}
            height={isPhone ? 200 : 190}
            label={t('congress.dashboard.chartLabel', {
              list: entries.map((e) => `${labels.state(e.status)} ${format(e.value)}`).join('; '),
            })}
          />
        )}
      </Col>
    </Row>
  );
}

function Legend() {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  return (
    <Flex wrap gap={12} align="center" role="list" aria-label={t('congress.dashboard.legend')}>
      <Typography.Text type="secondary">{t('congress.dashboard.legend')}:</Typography.Text>
      {countEntries({}).map(({ status }) => (
        <Flex key={status} gap={6} align="center" role="listitem">
          <span
            className="dh-congress-swatch"
            style={{ background: STEP_CELL[status].fill, color: STEP_CELL[status].text }}
            aria-hidden
          >
            {STEP_CELL[status].glyph}
          </span>
          <span style={{ fontSize: 13 }}>{labels.state(status)}</span>
        </Flex>
      ))}
    </Flex>
  );
}

function StepsKey({ steps }: { steps: Dashboard['steps'] }) {
  const { t } = useTranslation();
  return (
    <details className="dh-congress-stepskey">
      <summary>
        <UnorderedListOutlined aria-hidden /> {t('congress.dashboard.stepsKey', { count: steps.length })}
      </summary>
      <ol className="dh-congress-steps">
        {steps.map((s) => (
          <li key={s.key}>{s.title}</li>
        ))}
      </ol>
    </details>
  );
}

/** The table or the calendar over the same rows; the choice goes into the address bar with the filters. */
function ViewSwitch({ view, onChange }: { view: DashboardView; onChange: (view: DashboardView) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented<DashboardView>
      aria-label={t('congressCalendar.views.label')}
      className="dh-no-print"
      value={view}
      onChange={onChange}
      options={[
        { value: 'table', label: t('congressCalendar.views.table'), icon: <TableOutlined aria-hidden /> },
        {
          value: 'calendar',
          label: t('congressCalendar.views.calendar'),
          icon: <CalendarOutlined aria-hidden />,
        },
      ]}
    />
  );
}

function useTableHeight(): number {
  const phone = useIsPhone();
  const tall = useMediaQuery('(min-height: 900px)');
  if (phone) return 440;
  return tall ? 640 : 520;
}

/** The congress date, in red after the level's deadline; "no plan yet" without one. */
function CongressDate({ row: r }: { row: DashboardRowView }) {
  const { t } = useTranslation();
  if (!r.plannedOn)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {r.planId ? t('congress.plan.notScheduled') : t('congress.dashboard.noPlan')}
      </Typography.Text>
    );
  return (
    <Typography.Text
      type={r.late ? 'danger' : undefined}
      strong={r.late}
      title={r.late ? t('congress.dashboard.late', { date: formatDate(r.deadline) }) : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {formatDate(r.plannedOn)}
    </Typography.Text>
  );
}

function RowsTable({ data, rows }: { data: Dashboard; rows: readonly DashboardRowView[] }) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const height = useTableHeight();
  // On a phone the dates go under the name, so that the steps are in view beside it.
  const orgWidth = isPhone ? 150 : 240;
  const dateWidth = isPhone ? 0 : 116;
  const deadlineWidth = isPhone ? 0 : 100;

  const columns = useMemo<TableColumnsType<DashboardRowView>>(
    () => [
      {
        key: 'organization',
        title: t('congress.dashboard.columns.organization'),
        width: orgWidth,
        fixed: 'left',
        onCell: () => ROW_HEADER,
        render: (_, r) => {
          const name = (
            <span className="dh-congress-org-name" title={r.name}>
              {r.name}
            </span>
          );
          return (
            <div
              className="dh-congress-org"
              style={{ paddingInlineStart: Math.min(r.indent, 6) * (isPhone ? 8 : 14) }}
            >
              {r.target ? (
                <Link
                  to={r.target}
                  onClick={(e) => e.stopPropagation()}
                  aria-label={t(r.planId ? 'congress.dashboard.openPlan' : 'congress.dashboard.createPlan', {
                    name: r.name,
                  })}
                >
                  {name}
                </Link>
              ) : (
                name
              )}
              {isPhone && (
                <div className="dh-congress-org-dates">
                  <CongressDate row={r} />
                  {r.deadline && (
                    <Typography.Text type="secondary">
                      {' · '}
                      {t('congress.dashboard.deadlineShort', { date: formatDate(r.deadline) })}
                    </Typography.Text>
                  )}
                </div>
              )}
            </div>
          );
        },
      },
      ...(isPhone
        ? []
        : ([
            {
              key: 'plannedOn',
              title: t('congress.dashboard.columns.plannedOn'),
              width: dateWidth,
              onCell: () => CELL,
              render: (_, r) => <CongressDate row={r} />,
            },
            {
              key: 'deadline',
              title: t('congress.dashboard.columns.deadline'),
              width: deadlineWidth,
              onCell: () => CELL,
              render: (_, r) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {r.deadline ? formatDate(r.deadline) : t('common.empty')}
                </span>
              ),
            },
          ] satisfies TableColumnsType<DashboardRowView>)),
      ...data.steps.map((step, i) => ({
        key: step.key,
        width: STEP_WIDTH,
        align: 'center' as const,
        onCell: () => CELL,
        title: (
          <Tooltip title={step.title}>
            <span>
              <span aria-hidden>{i + 1}</span>
              <span className="dh-congress-sr">
                {t('congress.dashboard.columns.step', { n: i + 1, title: step.title })}
              </span>
            </span>
          </Tooltip>
        ),
        render: (_: unknown, r: DashboardRowView) => {
          const state = r.cells[i] ?? 'not_started';
          const cell = STEP_CELL[state];
          const text = t('congress.dashboard.cell', {
            step: `${i + 1}. ${step.title}`,
            state: labels.state(state),
          });
          return (
            <span
              className="dh-congress-cell"
              style={{ background: cell.fill, color: cell.text }}
              title={text}
              role="img"
              aria-label={text}
            >
              {cell.glyph}
            </span>
          );
        },
      })),
    ],
    [data.steps, t, labels, isPhone, orgWidth, dateWidth, deadlineWidth],
  );
  const width = orgWidth + dateWidth + deadlineWidth + data.steps.length * STEP_WIDTH;

  // Without rows the table shows its placeholder in a real <table>: the roles are only for the rows.
  const aria = rows.length > 0;
  const table = (
    <Table<DashboardRowView>
      className="dh-congress-table"
      components={aria ? ARIA_TABLE : undefined}
      virtual
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      dataSource={rows as DashboardRowView[]}
      columns={columns}
      scroll={{ x: width, y: height }}
      locale={{ emptyText: <Empty description={t('congress.dashboard.empty')} /> }}
      onRow={(r, index) => ({
        role: 'row',
        'aria-rowindex': (index ?? 0) + 2,
        onClick: r.target ? () => navigate(r.target as string) : undefined,
        style: r.target ? { cursor: 'pointer' } : undefined,
      })}
    />
  );
  if (!aria) return table;
  // Only the rows in view are in the page: each says where it stands (the header is row 1).
  return (
    // biome-ignore lint/a11y/useSemanticElements: it holds antd's own divs and header table, not <tr>s
    <div role="table" aria-label={t('congressCalendar.tableLabel')} aria-rowcount={rows.length + 1}>
      {table}
    </div>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const isPhone = useIsPhone();
  const format = useNumberFormat();
  const { filters, view, setFilters, setView } = useFilters();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 200);
  const { data, error, isPending, isFetching, refetch } = useQuery({
    ...dashboardQuery(filters),
    placeholderData: (previous) => previous,
  });
  const anchor = useQuery({
    ...detailQuery(data?.organization.id ?? ''),
    enabled: Boolean(data) && !isAdmin(roles),
    retry: false,
  });
  const scope = useMemo(
    () => ({
      all: isAdmin(roles) || (anchor.data ? managesOrganization(roles, anchor.data) : false),
      ids: managingOrganizationIds(roles),
    }),
    [roles, anchor.data],
  );
  const rows = useMemo(() => (data ? buildDashboardRows(data, scope) : []), [data, scope]);
  const shown = useMemo(() => filterRowsByName(rows, q, foldVietnamese), [rows, q]);
  const searchLabel = t(view === 'calendar' ? 'congressCalendar.search' : 'congress.dashboard.search');

  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 8 }}>
        <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('congress.dashboard.title')}
          </Typography.Title>
          {data && (
            <Typography.Text type="secondary">
              {t('congress.dashboard.subtitle', {
                organization: data.organization.name,
                term: data.term.name,
                ruleSet: data.ruleSet.name,
                date: formatDate(data.today),
              })}
            </Typography.Text>
          )}
        </Flex>
        <Button
          icon={<FileExcelOutlined aria-hidden />}
          href={dashboardXlsxUrl(filters)}
          download
          className="dh-no-print"
        >
          {t('congress.dashboard.download')}
        </Button>
      </Flex>
      <Filters filters={filters} onChange={setFilters} />
      {isPending ? (
        <Skeleton active />
      ) : error && !data ? (
        <Result
          status="error"
          title={t('app.loadFailed')}
          subTitle={error.message}
          extra={<Button onClick={() => refetch()}>{t('app.retry')}</Button>}
        />
      ) : data ? (
        <>
          <Counts
            data={data}
            status={filters.status}
            onStatus={(status) => setFilters({ ...filters, status })}
          />
          <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 8 }}>
            <ViewSwitch view={view} onChange={setView} />
            <Input.Search
              allowClear
              aria-label={searchLabel}
              placeholder={searchLabel}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ maxWidth: isPhone ? undefined : 320 }}
              className="dh-no-print"
            />
          </Flex>
          {view === 'calendar' ? (
            <div style={{ opacity: isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }}>
              <DashboardCalendar rows={shown} today={data.today} />
            </div>
          ) : (
            <>
              <Legend />
              <StepsKey steps={data.steps} />
              <div style={{ opacity: isFetching ? 0.6 : 1, transition: 'opacity 0.2s' }}>
                <RowsTable data={data} rows={shown} />
              </div>
              <Typography.Text type="secondary" role="status" style={{ display: 'block', marginTop: 8 }}>
                {shown.length === rows.length
                  ? t('congress.dashboard.rows', { n: format(rows.length) })
                  : t('congress.dashboard.rowsFiltered', {
                      shown: format(shown.length),
                      n: format(rows.length),
                    })}
                {' · '}
                {t('congress.dashboard.rowHint')}
              </Typography.Text>
            </>
          )}
        </>
      ) : null}
    </Card>
  );
}
