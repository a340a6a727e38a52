import { CheckOutlined, FileDoneOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { showSuccess } from '../../app/feedback';
import { formatTimestamp } from '../../app/format';
import { useIsPhone } from '../../app/useMediaQuery';
import { useOrganizationOption } from '../members/MemberFilters';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import {
  confirmReceipt,
  DISTRIBUTIONS_KEY,
  type Distribution,
  type DistributionStatus,
  DOCUMENTS_KEY,
  type InboxFilters,
  inboxQuery,
} from './api';
import { DistributionStatusTags, DueDate, ReportCell } from './DistributionTab';
import { DocumentRefLink } from './DocumentsTable';
import { isUuid } from './filters';
import { dayOf } from './format';
import { useDocumentLabels } from './labels';
import { ReportModal } from './ReportModal';

const STATUSES: readonly string[] = ['sent', 'received', 'reported'];

function useInboxFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<InboxFilters>(() => {
    const out: InboxFilters = {};
    const org = params.get('organizationId');
    if (isUuid(org)) out.organizationId = org;
    const status = params.get('status');
    if (status && STATUSES.includes(status)) out.status = status as DistributionStatus;
    if (params.get('late') === 'true') out.late = true;
    return out;
  }, [params]);
  const setFilters = (next: InboxFilters) => {
    const out: Record<string, string> = {};
    if (next.organizationId) out.organizationId = next.organizationId;
    if (next.status) out.status = next.status;
    if (next.late) out.late = 'true';
    setParams(out, { replace: true });
  };
  return [filters, setFilters] as const;
}

function Actions({
  distribution: d,
  onReport,
  vertical,
}: {
  distribution: Distribution;
  onReport: (d: Distribution) => void;
  vertical?: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const receive = useMutation({
    mutationFn: () => confirmReceipt(d.id),
    onSuccess: async () => {
      showSuccess(t('documents.incoming.received'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [DISTRIBUTIONS_KEY] }),
        queryClient.invalidateQueries({ queryKey: [DOCUMENTS_KEY, 'detail', d.document.id] }),
      ]);
    },
  });
  if (!d.abilities.receive) return null;
  return (
    <Flex gap={6} vertical={vertical} wrap align={vertical ? 'stretch' : 'center'}>
      {d.status === 'sent' && (
        <Button
          size="small"
          icon={<CheckOutlined aria-hidden />}
          loading={receive.isPending}
          onClick={() => receive.mutate()}
        >
          {t('documents.incoming.receive')}
        </Button>
      )}
      {d.status !== 'reported' && (
        <Button
          size="small"
          type="primary"
          icon={<FileDoneOutlined aria-hidden />}
          onClick={() => onReport(d)}
        >
          {t('documents.incoming.report')}
        </Button>
      )}
    </Flex>
  );
}

function DocumentCell({ distribution: d }: { distribution: Distribution }) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {labels.type(d.document.type, d.document.typeName)}
      </Typography.Text>
      <DocumentRefLink document={d.document} />
      <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: d.document.summary }}>
        {d.document.summary}
      </Typography.Paragraph>
      {d.note && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('documents.incoming.note', { note: d.note })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function InboxCards({ items, onReport }: { items: Distribution[]; onReport: (d: Distribution) => void }) {
  const { t } = useTranslation();
  return (
    <ol className="dh-result-list" aria-label={t('documents.incoming.title')}>
      {items.map((d) => (
        <li key={d.id}>
          <Flex vertical gap={6}>
            <DocumentCell distribution={d} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {d.organization.name}
            </Typography.Text>
            <DistributionStatusTags distribution={d} />
            <Typography.Text style={{ fontSize: 13 }}>
              {t('documents.incoming.sentAt')}: {formatTimestamp(d.sentAt)}
              {' · '}
              {t('documents.incoming.dueOn')}:{' '}
              {d.dueOn ? <DueDate distribution={d} /> : t('documents.incoming.noDue')}
            </Typography.Text>
            {d.reportedAt && <ReportCell distribution={d} />}
            <Actions distribution={d} onReport={onReport} />
          </Flex>
        </li>
      ))}
    </ol>
  );
}

function InboxTable({
  items,
  loading,
  emptyText,
  onReport,
}: {
  items: Distribution[];
  loading: boolean;
  emptyText: string;
  onReport: (d: Distribution) => void;
}) {
  const { t } = useTranslation();
  // A committee that receives for itself alone needs no column naming itself on every row.
  const several = new Set(items.map((d) => d.organization.id)).size > 1;
  const columns: TableColumnsType<Distribution> = [
    {
      key: 'document',
      title: t('documents.fields.document'),
      render: (_, d) => <DocumentCell distribution={d} />,
    },
    ...(several
      ? [
          {
            key: 'organization',
            title: t('documents.incoming.organization'),
            width: 180,
            render: (_: unknown, d: Distribution) => d.organization.name,
          },
        ]
      : []),
    {
      key: 'sentAt',
      title: t('documents.incoming.sentAt'),
      width: 100,
      render: (_, d) => (
        <Tooltip title={formatTimestamp(d.sentAt)}>
          <span style={{ whiteSpace: 'nowrap' }}>{dayOf(d.sentAt)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'dueOn',
      title: t('documents.incoming.dueOn'),
      width: 110,
      render: (_, d) => <DueDate distribution={d} />,
    },
    {
      key: 'status',
      title: t('documents.incoming.status'),
      width: 180,
      render: (_, d) => (
        <Flex vertical gap={4}>
          <DistributionStatusTags distribution={d} />
          {d.reportedAt && <ReportCell distribution={d} />}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 180,
      render: (_, d) => <Actions distribution={d} onReport={onReport} vertical />,
    },
  ];
  return (
    <Table<Distribution>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={{ x: several ? 1040 : 860 }}
      locale={{ emptyText }}
    />
  );
}

export default function IncomingPage() {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const isPhone = useIsPhone();
  const [filters, setFilters] = useInboxFilters();
  const orgOption = useOrganizationOption(filters.organizationId);
  const [reporting, setReporting] = useState<Distribution | null>(null);
  const query = useInfiniteQuery(inboxQuery(filters));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const emptyText = query.error ? query.error.message : t('documents.incoming.empty');

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 16 }}>
        {t('documents.incoming.title')}
      </Typography.Title>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={10} xl={8}>
          <OrganizationSelect
            aria-label={t('documents.incoming.organization')}
            value={filters.organizationId ?? null}
            initialOptions={orgOption}
            onChange={(id) => setFilters({ ...filters, organizationId: id ?? undefined })}
          />
        </Col>
        <Col xs={24} sm={12} lg={6} xl={4}>
          <Select
            aria-label={t('documents.incoming.status')}
            placeholder={t('documents.incoming.allStatuses')}
            allowClear
            value={filters.status}
            onChange={(v: DistributionStatus | undefined) => setFilters({ ...filters, status: v })}
            options={labels.distributionStatusOptions}
            style={{ width: '100%' }}
          />
        </Col>
        <Col xs={24} sm={12} lg={8} style={{ display: 'flex', alignItems: 'center' }}>
          <Checkbox
            checked={filters.late === true}
            onChange={(e) => setFilters({ ...filters, late: e.target.checked || undefined })}
          >
            {t('documents.incoming.lateOnly')}
          </Checkbox>
        </Col>
      </Row>
      {isPhone ? (
        query.isPending ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : items.length === 0 ? (
          <Empty description={emptyText} />
        ) : (
          <InboxCards items={items} onReport={setReporting} />
        )
      ) : (
        <InboxTable items={items} loading={query.isPending} emptyText={emptyText} onReport={setReporting} />
      )}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" role="status">
          {query.isSuccess &&
            items.length > 0 &&
            t(query.hasNextPage ? 'documents.incoming.shownMore' : 'documents.incoming.shown', {
              count: items.length,
            })}
        </Typography.Text>
        {query.hasNextPage && (
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
      {reporting && <ReportModal distribution={reporting} onClose={() => setReporting(null)} />}
    </Card>
  );
}
