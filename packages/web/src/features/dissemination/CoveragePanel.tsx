import { ArrowUpOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Progress,
  Result,
  Row,
  Skeleton,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/useMediaQuery';
import { Chart } from '../members/Chart';
import { useNumberFormat } from '../members/labels';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { type CoverageRow, coverageQuery, coverageXlsxUrl, type OrgRef } from './api';
import { coverageBars, coverageChartOption } from './coverage';
import { percent } from './helpers';
import { useOrganizationOption } from './SessionForm';
import './dissemination.css';

/** How far a document has reached: who has studied it, by organization, and who has not yet. */
export function CoveragePanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const [picked, setPicked] = useState<string | null>(null);
  const [drilled, setDrilled] = useState<OrgRef[]>([]);
  const selected = drilled.at(-1)?.id ?? picked ?? undefined;
  const pickedOption = useOrganizationOption(picked);
  const root = useQuery(coverageQuery(documentId, picked ?? undefined));
  const { data, error, isPending, refetch } = useQuery(coverageQuery(documentId, selected));

  const ownLabel = useCallback((name: string) => t('dissemination.coverage.own', { name }), [t]);
  const bars = useMemo(() => coverageBars(data?.rows ?? [], ownLabel), [data, ownLabel]);
  const isPhone = useIsPhone();
  const option = useMemo(() => coverageChartOption(bars, format, isPhone), [bars, format, isPhone]);
  const pct = (studied: number, total: number) => format(percent(studied, total));

  const columns: TableColumnsType<CoverageRow> = [
    {
      key: 'organization',
      title: t('dissemination.coverage.row'),
      render: (_, r) =>
        r.own ? (
          <Typography.Text type="secondary">{ownLabel(r.organization.name)}</Typography.Text>
        ) : (
          <Button
            type="link"
            className="dh-coverage-link"
            aria-label={t('dissemination.coverage.drill', { name: r.organization.name })}
            onClick={() => setDrilled((d) => [...d, r.organization])}
          >
            {r.organization.name}
          </Button>
        ),
    },
    ...(isPhone
      ? [
          {
            key: 'counts',
            title: t('dissemination.coverage.studied'),
            align: 'right' as const,
            width: 96,
            render: (_: unknown, r: CoverageRow) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {format(r.studied)}/{format(r.total)}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pct(r.studied, r.total)}%
                </Typography.Text>
              </span>
            ),
          },
        ]
      : [
          {
            key: 'studied',
            title: t('dissemination.coverage.studied'),
            align: 'right' as const,
            width: 96,
            render: (_: unknown, r: CoverageRow) => format(r.studied),
          },
          {
            key: 'total',
            title: t('dissemination.coverage.total'),
            align: 'right' as const,
            width: 84,
            render: (_: unknown, r: CoverageRow) => format(r.total),
          },
          {
            key: 'percent',
            title: t('dissemination.coverage.percent'),
            width: 140,
            render: (_: unknown, r: CoverageRow) => (
              <Progress
                percent={percent(r.studied, r.total)}
                size="small"
                status={r.total > 0 && r.studied >= r.total ? 'success' : 'normal'}
                format={() => `${pct(r.studied, r.total)}%`}
              />
            ),
          },
        ]),
  ];

  const trail = root.data ? [root.data.organization, ...drilled] : drilled;

  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between" align="center">
        <div style={{ flex: '1 1 320px', maxWidth: 560 }}>
          <OrganizationSelect
            aria-label={t('dissemination.coverage.organization')}
            value={picked}
            initialOptions={pickedOption}
            onChange={(id) => {
              setPicked(id);
              setDrilled([]);
            }}
          />
          {!picked && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dissemination.coverage.defaultOrganization')}
              {root.data ? `: ${root.data.organization.name}` : ''}
            </Typography.Text>
          )}
        </div>
        <Button
          icon={<FileExcelOutlined aria-hidden />}
          href={coverageXlsxUrl(documentId, selected)}
          download="coverage.xlsx"
        >
          {t('dissemination.coverage.download')}
        </Button>
      </Flex>
      {drilled.length > 0 && (
        <Flex gap={8} align="center" wrap>
          <Button
            size="small"
            icon={<ArrowUpOutlined aria-hidden />}
            onClick={() => setDrilled((d) => d.slice(0, -1))}
          >
            {t('dissemination.coverage.up')}
          </Button>
          <Breadcrumb
            items={trail.map((o, i) => ({
              key: `${o.id}:${i}`,
              title:
                i === trail.length - 1 ? (
                  o.name
                ) : (
                  <Button
                    type="link"
                    size="small"
                    className="dh-coverage-link"
                    onClick={() => setDrilled((d) => d.slice(0, i))}
                  >
                    {o.name}
                  </Button>
                ),
            }))}
          />
        </Flex>
      )}
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
        <Empty description={t('dissemination.coverage.noMembers')} />
      ) : (
        <>
          <Flex vertical gap={4}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('dissemination.coverage.totals', {
                studied: format(data.studied),
                total: format(data.total),
                percent: pct(data.studied, data.total),
              })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('dissemination.coverage.scope', { name: data.organization.name })}
            </Typography.Text>
            <Progress
              percent={percent(data.studied, data.total)}
              status={data.studied >= data.total ? 'success' : 'normal'}
              format={() => `${pct(data.studied, data.total)}%`}
              style={{ maxWidth: 560 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dissemination.coverage.studyHint')}
            </Typography.Text>
          </Flex>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={bars.length > 12 ? 24 : 12}>
              <Table<CoverageRow>
                rowKey={(r) => (r.own ? `own:${r.organization.id}` : r.organization.id)}
                size="small"
                bordered
                pagination={false}
                dataSource={data.rows}
                columns={columns}
                scroll={isPhone ? undefined : { x: 480 }}
              />
            </Col>
            {bars.length > 0 && (
              <Col xs={24} xxl={bars.length > 12 ? 24 : 12}>
                <Card size="small" title={t('dissemination.coverage.chart')} className="dh-chart-card">
                  <Chart
                    label={t('dissemination.coverage.chartLabel', {
                      list: bars.map((b) => `${b.label} ${format(b.value)}%`).join('; '),
                    })}
                    option={option}
                    height={Math.max(160, bars.length * 26 + 48)}
                  />
                </Card>
              </Col>
            )}
          </Row>
          <section aria-labelledby="dh-coverage-missing">
            <Typography.Title level={5} id="dh-coverage-missing">
              {t('dissemination.coverage.missing')} ({format(data.missingTotal)})
            </Typography.Title>
            {data.missingTotal === 0 ? (
              <Typography.Text type="success">{t('dissemination.coverage.missingNone')}</Typography.Text>
            ) : (
              <>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take the keyboard */}
                <ol className="dh-coverage-missing" tabIndex={0} aria-labelledby="dh-coverage-missing">
                  {data.missing.map((m) => (
                    <li key={m.id}>
                      {m.fullName}
                      <Typography.Text type="secondary"> · {m.organization.name}</Typography.Text>
                    </li>
                  ))}
                </ol>
                {data.missingTotal > data.missing.length && (
                  <Typography.Text type="secondary">
                    {t('dissemination.coverage.missingMore', {
                      count: data.missingTotal - data.missing.length,
                    })}
                  </Typography.Text>
                )}
              </>
            )}
          </section>
        </>
      )}
    </Flex>
  );
}
