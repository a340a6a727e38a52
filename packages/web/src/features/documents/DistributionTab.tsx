import { BellOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Empty,
  Flex,
  Popconfirm,
  Segmented,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatTimestamp } from '../../app/format';
import { useIsPhone } from '../../app/useMediaQuery';
import {
  DISTRIBUTIONS_KEY,
  type Distribution,
  type DocumentDetail,
  documentDistributionsQuery,
  remindLate,
} from './api';
import { DistributeModal } from './DistributeModal';
import { DISTRIBUTION_STATUS_COLORS, dayOf, distributionSummaryText } from './format';
import { useDocumentLabels } from './labels';

export function DistributionStatusTags({
  distribution: d,
}: {
  distribution: Pick<Distribution, 'status' | 'late'>;
}) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  return (
    <Flex gap={4} wrap>
      <Tag color={DISTRIBUTION_STATUS_COLORS[d.status]} style={{ marginInlineEnd: 0 }}>
        {labels.distributionStatus(d.status)}
      </Tag>
      {d.late && (
        <Tag color="red" title={t('documents.distribution.lateTitle')} style={{ marginInlineEnd: 0 }}>
          {t('documents.distribution.late')}
        </Tag>
      )}
    </Flex>
  );
}

/** The due date, in red once passed without a report. */
export function DueDate({ distribution: d }: { distribution: Pick<Distribution, 'dueOn' | 'late'> }) {
  const { t } = useTranslation();
  if (!d.dueOn) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <Typography.Text type={d.late ? 'danger' : undefined} strong={d.late} style={{ whiteSpace: 'nowrap' }}>
      {formatDate(d.dueOn)}
    </Typography.Text>
  );
}

/** What a recipient reported: its implementing document's number (a link when it is in its register) and note. */
export function ReportCell({ distribution: d }: { distribution: Distribution }) {
  const { t } = useTranslation();
  if (!d.reportedAt) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {d.reportNumber &&
        (d.reportDocumentId ? (
          <Link to={`/documents/${d.reportDocumentId}`}>{d.reportNumber}</Link>
        ) : (
          <Typography.Text strong>{d.reportNumber}</Typography.Text>
        ))}
      {d.reportNote && (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: d.reportNote }}>
          {d.reportNote}
        </Typography.Paragraph>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTimestamp(d.reportedAt)}
      </Typography.Text>
    </Flex>
  );
}

function RecipientCards({ items }: { items: Distribution[] }) {
  const { t } = useTranslation();
  return (
    <ol className="dh-result-list" aria-label={t('documents.distribution.organization')}>
      {items.map((d) => (
        <li key={d.id}>
          <Flex vertical gap={4}>
            <Typography.Text strong>{d.organization.name}</Typography.Text>
            <DistributionStatusTags distribution={d} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('documents.distribution.sentAt')}: {dayOf(d.sentAt)}
              {d.dueOn && (
                <>
                  {' · '}
                  {t('documents.distribution.dueOn')}: <DueDate distribution={d} />
                </>
              )}
            </Typography.Text>
            {d.reportedAt && <ReportCell distribution={d} />}
          </Flex>
        </li>
      ))}
    </ol>
  );
}

function RecipientsTable({ items, loading }: { items: Distribution[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Distribution> = [
    {
      key: 'organization',
      title: t('documents.distribution.organization'),
      render: (_, d) => d.organization.name,
    },
    {
      key: 'status',
      title: t('documents.distribution.status'),
      width: 170,
      render: (_, d) => (
        <Flex vertical gap={2}>
          <DistributionStatusTags distribution={d} />
          {d.remindedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('documents.distribution.remindedOn', { time: formatTimestamp(d.remindedAt) })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'sentAt',
      title: t('documents.distribution.sentAt'),
      width: 130,
      render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(d.sentAt)}</span>,
    },
    {
      key: 'dueOn',
      title: t('documents.distribution.dueOn'),
      width: 110,
      render: (_, d) => <DueDate distribution={d} />,
    },
    {
      key: 'receivedAt',
      title: t('documents.distribution.receivedAt'),
      width: 150,
      render: (_, d) =>
        d.receivedAt ? (
          <Flex vertical>
            <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(d.receivedAt)}</span>
            {d.receivedBy && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.receivedBy.displayName}
              </Typography.Text>
            )}
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ),
    },
    {
      key: 'report',
      title: t('documents.distribution.report'),
      width: 220,
      render: (_, d) => <ReportCell distribution={d} />,
    },
  ];
  return (
    <Table<Distribution>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 1020 }}
      locale={{ emptyText: t('documents.distribution.empty') }}
    />
  );
}

/** The recipient list's views: all, or those at one step, or those late with their report. */
const RECIPIENT_FILTERS = {
  all: () => true,
  sent: (d: Distribution) => d.status === 'sent',
  received: (d: Distribution) => d.status === 'received',
  reported: (d: Distribution) => d.status === 'reported',
  late: (d: Distribution) => d.late,
} as const;
type RecipientFilter = keyof typeof RECIPIENT_FILTERS;

/** Who the document went down to, how far each recipient got, and the sender's actions. */
export function DistributionTab({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const queryClient = useQueryClient();
  const list = useQuery(documentDistributionsQuery(document.id));
  const [sending, setSending] = useState(false);
  const [show, setShow] = useState<RecipientFilter>('all');
  const items = list.data?.items ?? [];
  const shown = items.filter(RECIPIENT_FILTERS[show]);
  const filterOptions = (Object.keys(RECIPIENT_FILTERS) as RecipientFilter[]).map((key) => ({
    value: key,
    label: `${t(`documents.distribution.show.${key}`)} (${items.filter(RECIPIENT_FILTERS[key]).length})`,
  }));
  const summary = {
    total: items.length,
    received: items.filter((d) => d.status !== 'sent').length,
    reported: items.filter((d) => d.status === 'reported').length,
    late: items.filter((d) => d.late).length,
  };
  const remind = useMutation({
    mutationFn: () => remindLate(document.id),
    onSuccess: async ({ reminded }) => {
      if (reminded > 0) void message.success(t('documents.distribution.reminded', { count: reminded }));
      else void message.info(t('documents.distribution.remindedNone'));
      await queryClient.invalidateQueries({ queryKey: [DISTRIBUTIONS_KEY] });
    },
  });

  return (
    <Flex vertical gap={12}>
      <Flex wrap justify="space-between" align="center" gap={8}>
        <Typography.Text role="status">
          {list.isSuccess && items.length > 0 ? distributionSummaryText(summary, t) : null}
        </Typography.Text>
        {document.abilities.distribute && (
          <Flex wrap gap={8}>
            <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => setSending(true)}>
              {t('documents.distribution.open')}
            </Button>
            <Popconfirm
              title={t('documents.distribution.remindConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => remind.mutateAsync()}
              disabled={items.length === 0}
            >
              <Button
                icon={<BellOutlined aria-hidden />}
                loading={remind.isPending}
                disabled={items.length === 0}
              >
                {t('documents.distribution.remind')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </Flex>
      {items.length > 0 &&
        (isPhone ? (
          <Select<RecipientFilter>
            aria-label={t('documents.distribution.status')}
            value={show}
            onChange={setShow}
            options={filterOptions}
            style={{ width: '100%' }}
          />
        ) : (
          <Segmented<RecipientFilter>
            value={show}
            onChange={setShow}
            options={filterOptions}
            style={{ alignSelf: 'flex-start' }}
          />
        ))}
      {isPhone ? (
        list.isPending ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : items.length === 0 ? (
          <Empty description={list.error ? list.error.message : t('documents.distribution.empty')} />
        ) : (
          <RecipientCards items={shown} />
        )
      ) : (
        <RecipientsTable items={shown} loading={list.isPending} />
      )}
      {sending && (
        <DistributeModal document={document} distributions={items} onClose={() => setSending(false)} />
      )}
    </Flex>
  );
}
