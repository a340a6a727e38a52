import { CloudDownloadOutlined, DatabaseOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../../app/feedback';
import { formatDate, formatTimestamp } from '../../app/format';
import {
  type BackupInfo,
  backupDownloadUrl,
  createBackup,
  type JobRun,
  SYSTEM_KEY,
  type SystemStatus,
  systemStatusQuery,
} from './api';
import { formatSize, scheduleText } from './format';

const STATUS_COLORS: Record<JobRun['status'], string> = { running: 'blue', ok: 'green', failed: 'red' };

function DownloadLink({ backup }: { backup: BackupInfo }) {
  const { t } = useTranslation();
  return (
    <a href={backupDownloadUrl(backup.name)} download={backup.name}>
      <CloudDownloadOutlined aria-hidden /> {t('system.backups.download')}
    </a>
  );
}

function Overview({ status }: { status: SystemStatus }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 3 }}
      items={[
        { key: 'version', label: t('system.version'), children: status.version },
        { key: 'database', label: t('system.database'), children: t(`system.databases.${status.database}`) },
        { key: 'today', label: t('system.today'), children: formatDate(status.today) },
      ]}
    />
  );
}

function Backups({ status }: { status: SystemStatus }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const backup = useMutation({
    mutationFn: createBackup,
    onSuccess: (b) => {
      showSuccess(t('system.backups.done', { name: b.name }));
      void queryClient.invalidateQueries({ queryKey: [SYSTEM_KEY] });
    },
  });
  const latest = status.backups[0];
  return (
    <Card
      title={t('system.backups.title')}
      extra={
        <Button
          type="primary"
          icon={<DatabaseOutlined aria-hidden />}
          loading={backup.isPending}
          onClick={() => backup.mutate()}
        >
          {t('system.backups.now')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        {latest ? (
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 1, md: 3 }}
            items={[
              { key: 'time', label: t('system.backups.latest'), children: formatTimestamp(latest.createdAt) },
              {
                key: 'size',
                label: t('system.backups.size'),
                children: formatSize(latest.size, i18n.language),
              },
              {
                key: 'download',
                label: t('system.backups.file'),
                children: <DownloadLink backup={latest} />,
              },
            ]}
          />
        ) : (
          <Alert type="warning" showIcon title={t('system.backups.none')} />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(status.database === 'embedded' ? 'system.backups.embeddedHint' : 'system.backups.serverHint')}{' '}
          {t('system.backups.restoreHint')}
        </Typography.Paragraph>
        <Table<BackupInfo>
          rowKey="name"
          size="small"
          dataSource={status.backups}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('system.backups.none') }}
          columns={[
            {
              key: 'createdAt',
              title: t('system.backups.time'),
              width: 170,
              render: (_, b) => formatTimestamp(b.createdAt),
            },
            { key: 'name', dataIndex: 'name', title: t('system.backups.name') },
            {
              key: 'size',
              title: t('system.backups.size'),
              width: 120,
              align: 'right',
              render: (_, b) => formatSize(b.size, i18n.language),
            },
            { key: 'download', title: '', width: 120, render: (_, b) => <DownloadLink backup={b} /> },
          ]}
        />
      </Flex>
    </Card>
  );
}

type JobRow = SystemStatus['jobs'][number];

function Jobs({ status }: { status: SystemStatus }) {
  const { t } = useTranslation();
  const dash = t('common.empty');
  return (
    <Card title={t('system.jobs.title')}>
      <Table<JobRow>
        rowKey="name"
        size="small"
        dataSource={status.jobs}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            key: 'name',
            title: t('system.jobs.job'),
            render: (_, j) => (
              <Flex vertical>
                <span>{t(`system.jobs.names.${j.name}`, { defaultValue: j.name })}</span>
                <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                  {j.name}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            key: 'schedule',
            title: t('system.jobs.schedule'),
            width: 170,
            render: (_, j) => {
              const s = scheduleText(j.schedule);
              return t(s.key, s.values);
            },
          },
          {
            key: 'status',
            title: t('system.jobs.status'),
            width: 130,
            render: (_, j) =>
              j.lastRun ? (
                <Tag color={STATUS_COLORS[j.lastRun.status]}>
                  {t(`system.jobs.statuses.${j.lastRun.status}`)}
                </Tag>
              ) : (
                <Typography.Text type="secondary">{t('system.jobs.never')}</Typography.Text>
              ),
          },
          {
            key: 'startedAt',
            title: t('system.jobs.lastRun'),
            width: 150,
            render: (_, j) => formatTimestamp(j.lastRun?.startedAt) || dash,
          },
          {
            key: 'finishedAt',
            title: t('system.jobs.finishedAt'),
            width: 150,
            render: (_, j) => formatTimestamp(j.lastRun?.finishedAt) || dash,
          },
          {
            key: 'message',
            title: t('system.jobs.message'),
            render: (_, j) => (
              <Typography.Text type={j.lastRun?.status === 'failed' ? 'danger' : undefined}>
                {j.lastRun?.message || dash}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function SystemPage() {
  const { t } = useTranslation();
  const status = useQuery(systemStatusQuery());
  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('system.title')}
          </Typography.Title>
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => status.refetch()}
            loading={status.isFetching}
          >
            {t('common.reload')}
          </Button>
        </Flex>
        {status.isPending && <Skeleton active />}
        {status.isError && (
          <Result
            status="error"
            title={t('app.loadFailed')}
            subTitle={status.error.message}
            extra={<Button onClick={() => status.refetch()}>{t('app.retry')}</Button>}
          />
        )}
        {status.data && <Overview status={status.data} />}
      </Card>
      {status.data && <Backups status={status.data} />}
      {status.data && <Jobs status={status.data} />}
    </Flex>
  );
}
