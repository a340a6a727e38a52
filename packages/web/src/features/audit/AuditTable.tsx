import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../app/format';
import { OrganizationName } from '../organizations/OrganizationName';
import { AuditDiff } from './AuditDiff';
import { type AuditEvent, type AuditFilter, auditEventsQuery } from './api';
import { entitySummary } from './auditDiff';

function describeEntity(e: AuditEvent): string {
  const summary = entitySummary(e.before, e.after);
  if (summary) return summary;
  if (e.entity === 'user' && e.actor?.id === e.entityId) return e.actor.displayName;
  return e.entityId;
}

function useColumns(compact: boolean): TableColumnsType<AuditEvent> {
  const { t, i18n } = useTranslation();
  const known = (key: string) => (i18n.exists(key) ? t(key) : null);
  const columns: TableColumnsType<AuditEvent> = [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    {
      key: 'time',
      title: t('audit.time'),
      width: 150,
      render: (_, e) => <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(e.occurredAt)}</span>,
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, e) =>
        e.actor ? (
          <Flex vertical>
            <span>{e.actor.displayName}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actor.username}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('common.system')}</Typography.Text>
        ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      render: (_, e) => known(`audit.actions.${e.action}`) ?? e.action,
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      render: (_, e) => (
        <Flex vertical>
          <span>{describeEntity(e)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {known(`audit.entities.${e.entity}`) ?? e.entity}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  if (compact) return columns.filter((c) => c.key !== 'entity');
  columns.push({
    key: 'organization',
    title: t('audit.organization'),
    render: (_, e) => (e.organizationId ? <OrganizationName id={e.organizationId} /> : t('common.empty')),
  });
  return columns;
}

export function AuditTable({ filter, compact = false }: { filter: AuditFilter; compact?: boolean }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery(auditEventsQuery(filter));
  const events = query.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = useColumns(compact);
  return (
    <Flex vertical gap={12}>
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={events}
        columns={columns}
        pagination={false}
        scroll={{ x: compact ? 640 : 900 }}
        locale={{ emptyText: query.error ? query.error.message : t('audit.empty') }}
        expandable={{
          expandedRowRender: (e) => <AuditDiff event={e} />,
          rowExpandable: (e) => e.before != null || e.after != null,
        }}
      />
      {query.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
