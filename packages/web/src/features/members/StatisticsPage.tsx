import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { AGE_BANDS, GENDERS, MEMBER_STATUSES, THEORY_LEVELS } from '@daihoi/core';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Result, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { formatDate } from '../../app/format';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { type MemberStatistics, statisticsQuery, statisticsXlsxUrl } from './api';
import { Chart } from './Chart';
import { useMemberLabels, useNumberFormat } from './labels';
import { useOrganizationOption } from './MemberFilters';
import { RequireMemberReader } from './RequireMemberReader';
import { barOption, type Entry, entriesOf, pieOption, share, topWithOther } from './statistics';
import './members.css';

interface Group {
  key: string;
  title: string;
  entries: Entry[];
  kind: 'pie' | 'bar' | 'hbar';
}

function useGroups(stats: MemberStatistics | undefined): Group[] {
  const { t } = useTranslation();
  const labels = useMemberLabels();
  return useMemo(() => {
    if (!stats) return [];
    const none = t('members.statistics.unknown');
    // The server counts records without a value under 'none'.
    const orNone = (f: (c: string) => string) => (code: string) =>
      code && code !== 'none' && code !== 'null' ? f(code) : none;
    const ethnicity = topWithOther(
      stats.byEthnicity.map((e) => ({
        key: e.key ?? 'none',
        label: e.key && e.key !== 'none' ? e.key : none,
        count: e.count,
      })),
      10,
      t('members.statistics.other'),
    );
    const organizations = topWithOther(
      stats.byOrganization.map((o) => ({ key: o.organizationId, label: o.name, count: o.count })),
      20,
      t('members.statistics.other'),
    );
    return [
      {
        key: 'status',
        title: t('members.statistics.byStatus'),
        entries: entriesOf(stats.byStatus, MEMBER_STATUSES, labels.status),
        kind: 'pie',
      },
      {
        key: 'gender',
        title: t('members.statistics.byGender'),
        entries: entriesOf(stats.byGender, GENDERS, labels.gender),
        kind: 'pie',
      },
      {
        key: 'age',
        title: t('members.statistics.byAgeBand'),
        entries: entriesOf(stats.byAgeBand, AGE_BANDS, labels.ageBand),
        kind: 'bar',
      },
      {
        key: 'theory',
        title: t('members.statistics.byTheoryLevel'),
        entries: entriesOf(stats.byTheoryLevel, [...THEORY_LEVELS, 'none'], orNone(labels.theoryLevel)),
        kind: 'bar',
      },
      { key: 'ethnicity', title: t('members.statistics.byEthnicity'), entries: ethnicity, kind: 'bar' },
      {
        key: 'organization',
        title: t('members.statistics.byOrganization'),
        entries: organizations,
        kind: 'hbar',
      },
    ];
  }, [stats, t, labels.status, labels.gender, labels.ageBand, labels.theoryLevel]);
}

interface TableRow {
  key: string;
  group: string;
  label: string;
  count: number;
  span: number;
}

function StatisticsTable({ groups, total }: { groups: Group[]; total: number }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const rows: TableRow[] = groups.flatMap((g) =>
    g.entries.map((e, i) => ({
      key: `${g.key}:${e.key}`,
      group: g.title,
      label: e.label,
      count: e.count,
      span: i === 0 ? g.entries.length : 0,
    })),
  );
  return (
    <Table<TableRow>
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      dataSource={rows}
      scroll={{ x: 520 }}
      columns={[
        {
          key: 'group',
          title: t('members.statistics.criterion'),
          dataIndex: 'group',
          onCell: (r) => ({ rowSpan: r.span }),
          width: 220,
        },
        { key: 'label', title: t('members.statistics.value'), dataIndex: 'label' },
        {
          key: 'count',
          title: t('members.statistics.count'),
          align: 'right',
          width: 110,
          render: (_, r) => format(r.count),
        },
        {
          key: 'share',
          title: t('members.statistics.share'),
          align: 'right',
          width: 110,
          render: (_, r) => `${format(share(r.count, total))}%`,
        },
      ]}
    />
  );
}

function StatisticsView() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const organizationId = params.get('organizationId') ?? undefined;
  const orgOption = useOrganizationOption(organizationId);
  const today = useSystemInfo().data?.today;
  const { data, error, isPending, refetch } = useQuery(statisticsQuery(organizationId));
  const groups = useGroups(data);
  const format = useNumberFormat();
  // Options change only with the figures, so a chart redraws only then.
  const options = useMemo(
    () =>
      groups.map((g) =>
        g.kind === 'pie' ? pieOption(g.entries, format) : barOption(g.entries, g.kind === 'hbar', format),
      ),
    [groups, format],
  );

  return (
    <Card className="dh-print-card">
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <Flex vertical gap={2}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('members.statistics.title')}
          </Typography.Title>
          <Typography.Text type="secondary">
            {[orgOption[0]?.label ?? t('members.statistics.allScope'), today ? formatDate(today) : null]
              .filter(Boolean)
              .join(' — ')}
          </Typography.Text>
        </Flex>
        <Flex wrap gap={8} className="dh-no-print">
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            href={statisticsXlsxUrl(organizationId)}
            download="statistics.xlsx"
          >
            {t('members.export')}
          </Button>
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            {t('members.print.statistics')}
          </Button>
        </Flex>
      </Flex>
      <div className="dh-no-print" style={{ maxWidth: 560, marginBottom: 16 }}>
        <OrganizationSelect
          aria-label={t('members.filters.organization')}
          value={organizationId ?? null}
          initialOptions={orgOption}
          onChange={(id) => setParams(id ? { organizationId: id } : {}, { replace: true })}
        />
      </div>
      {isPending ? (
        <Skeleton active />
      ) : error ? (
        <Result
          status="error"
          title={t('app.loadFailed')}
          subTitle={error.message}
          extra={<Button onClick={() => refetch()}>{t('app.retry')}</Button>}
        />
      ) : data.total === 0 ? (
        <Empty description={t('members.empty')} />
      ) : (
        <Flex vertical gap={16}>
          <Statistic
            title={t('members.statistics.total')}
            value={data.total}
            formatter={(v) => format(Number(v))}
          />
          <Row gutter={[16, 16]}>
            {groups.map((g, i) => (
              <Col key={g.key} xs={24} lg={g.kind === 'hbar' ? 24 : 12} xxl={g.kind === 'hbar' ? 24 : 8}>
                <Card size="small" title={g.title} className="dh-chart-card">
                  <Chart
                    label={`${g.title}: ${g.entries.map((e) => `${e.label} ${e.count}`).join('; ')}`}
                    option={options[i] ?? {}}
                    height={g.kind === 'hbar' ? Math.max(240, g.entries.length * 28 + 40) : 280}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <section aria-labelledby="statistics-table-title">
            <Typography.Title level={5} id="statistics-table-title">
              {t('members.statistics.table')}
            </Typography.Title>
            <StatisticsTable groups={groups} total={data.total} />
          </section>
        </Flex>
      )}
    </Card>
  );
}

export default function StatisticsPage() {
  return (
    <RequireMemberReader>
      <StatisticsView />
    </RequireMemberReader>
  );
}
