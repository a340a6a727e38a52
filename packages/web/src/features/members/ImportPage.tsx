import {
  CheckCircleOutlined,
  DownloadOutlined,
  FileExcelOutlined,
  InboxOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Popconfirm,
  Progress,
  Result,
  Row,
  Skeleton,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../app/api';
import { showError, showSuccess } from '../../app/feedback';
import { errorText } from '../../app/forms';
import { canManageMembers } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import {
  commitImport,
  type ImportJob,
  type ImportRowError,
  importErrorsUrl,
  importJobQuery,
  MEMBER_IMPORTS_KEY,
  MEMBERS_KEY,
  templateUrl,
  uploadImport,
} from './api';
import { acceptsImportFile, countsOf, hasWrites, lastImportKey, parsePercent, stepOf } from './imports';
import { useNumberFormat } from './labels';

function rememberImport(userId: string, id: string | null) {
  try {
    if (id) localStorage.setItem(lastImportKey(userId), id);
    else localStorage.removeItem(lastImportKey(userId));
  } catch {
    // Without storage the user reaches the import through its address only.
  }
}

function recalledImport(userId: string): string | null {
  try {
    return localStorage.getItem(lastImportKey(userId));
  } catch {
    return null;
  }
}

function useSteps() {
  const { t } = useTranslation();
  return [
    { title: t('members.import.steps.template') },
    { title: t('members.import.steps.file') },
    { title: t('members.import.steps.parse') },
    { title: t('members.import.steps.preview') },
    { title: t('members.import.steps.done') },
  ];
}

function TemplateStep({ onNext }: { onNext: () => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} align="flex-start">
      <Typography.Paragraph style={{ margin: 0 }}>{t('members.import.templateHint')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined aria-hidden />} href={templateUrl()} download="template.xlsx">
          {t('members.import.template')}
        </Button>
        <Button type="primary" onClick={onNext}>
          {t('members.import.next')}
        </Button>
      </Flex>
    </Flex>
  );
}

function FileStep() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const start = (file: File) => {
    if (!organizationId) return;
    if (!acceptsImportFile(file.name)) {
      setError(t('members.import.typeNotAccepted', { name: file.name }));
      return;
    }
    if (file.size === 0) {
      setError(t('members.import.emptyFile', { name: file.name }));
      return;
    }
    setError(null);
    setFileName(file.name);
    setPercent(0);
    uploadImport({ file, organizationId, csrfToken: session.csrfToken, onProgress: setPercent }).then(
      (job) => {
        rememberImport(session.user.id, job.id);
        // The upload's answer is the job's first state: the next page shows it at once, then polls.
        queryClient.setQueryData(importJobQuery(job.id).queryKey, job);
        navigate(`/members/import/${job.id}`, { replace: true });
      },
      (e: unknown) => {
        setPercent(null);
        if (e instanceof DOMException && e.name === 'AbortError') return;
        setError(errorText(e, t('errors.unexpected')));
      },
    );
  };

  const uploading = percent !== null;
  return (
    <Form layout="vertical" style={{ maxWidth: 720 }}>
      <Form.Item
        label={t('members.import.organization')}
        htmlFor="import-organization"
        extra={t('members.import.organizationHint')}
        required
      >
        <OrganizationSelect
          id="import-organization"
          value={organizationId}
          onChange={setOrganizationId}
          disabled={uploading}
        />
      </Form.Item>
      <Form.Item label={t('members.import.file')} required>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={!organizationId || uploading}
          beforeUpload={(file) => {
            start(file);
            return Upload.LIST_IGNORE;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">
            {organizationId ? t('members.import.drop') : t('members.import.pickOrganizationFirst')}
          </p>
          <p className="ant-upload-hint">{t('members.import.fileHint')}</p>
        </Upload.Dragger>
      </Form.Item>
      {uploading && (
        <Flex vertical gap={4} role="status">
          <Typography.Text>{t('members.import.uploading', { name: fileName })}</Typography.Text>
          <Progress percent={percent} aria-label={t('members.import.uploadProgress')} />
        </Flex>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
    </Form>
  );
}

function ParsingStep({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const percent = parsePercent(job);
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }} role="status">
      <Typography.Text>
        {job.totalRows > 0
          ? t('members.import.parsing', {
              processed: format(job.processedRows),
              total: format(job.totalRows),
            })
          : t('members.import.parsingStart')}
      </Typography.Text>
      <Progress
        percent={percent ?? 0}
        status="active"
        showInfo={percent !== null}
        aria-label={t('members.import.parseProgress')}
      />
      <Alert type="info" showIcon title={t('members.import.canLeave')} />
    </Flex>
  );
}

function ErrorsTable({ errors }: { errors: ImportRowError[] }) {
  const { t, i18n } = useTranslation();
  const column = (field: string) =>
    i18n.exists(`members.fields.${field}`) ? t(`members.fields.${field}`) : field || t('common.empty');
  return (
    <Table<ImportRowError>
      rowKey={(e, i) => `${e.row}:${e.field}:${i}`}
      size="small"
      dataSource={errors}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 560 }}
      locale={{ emptyText: t('members.import.noErrors') }}
      columns={[
        { key: 'row', title: t('members.import.row'), dataIndex: 'row', width: 80, align: 'right' },
        { key: 'field', title: t('members.import.column'), width: 200, render: (_, e) => column(e.field) },
        { key: 'message', title: t('members.import.error'), dataIndex: 'message' },
      ]}
    />
  );
}

function PreviewStep({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const queryClient = useQueryClient();
  const counts = countsOf(job);
  const commit = useMutation({
    mutationFn: () => commitImport(job.id),
    onSuccess: async (done) => {
      queryClient.setQueryData<ImportJob>(importJobQuery(job.id).queryKey, (old) =>
        old ? { ...old, status: done.status, counts: done.counts } : old,
      );
      await queryClient.invalidateQueries({ queryKey: [MEMBER_IMPORTS_KEY, job.id] });
      void queryClient.invalidateQueries({ queryKey: [MEMBERS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      showSuccess(t('members.import.committed'));
    },
  });
  const committing = commit.isPending || job.status === 'committing';
  const writes = hasWrites(counts);
  return (
    <Flex vertical gap={16}>
      <Row gutter={[16, 16]}>
        {(['new', 'changed', 'unchanged', 'rejected'] as const).map((key) => (
          <Col key={key} xs={12} md={6}>
            <Card size="small">
              <Statistic
                title={t(`members.import.counts.${key}`)}
                value={counts[key]}
                formatter={(v) => format(Number(v))}
                styles={
                  key === 'rejected' && counts.rejected > 0 ? { content: { color: '#cf1322' } } : undefined
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      {counts.rejected > 0 && (
        <Alert type="warning" showIcon title={t('members.import.rejectedHint', { count: counts.rejected })} />
      )}
      {!writes && <Alert type="info" showIcon title={t('members.import.nothingToWrite')} />}
      <Flex gap={8} wrap>
        <Popconfirm
          title={t('members.import.confirmTitle')}
          description={t('members.import.confirmText', { new: counts.new, changed: counts.changed })}
          okText={t('members.import.commit')}
          cancelText={t('common.cancel')}
          onConfirm={() => commit.mutateAsync()}
          disabled={!writes || committing}
        >
          <Button
            type="primary"
            icon={<CheckCircleOutlined aria-hidden />}
            disabled={!writes}
            loading={committing}
          >
            {t('members.import.commit')}
          </Button>
        </Popconfirm>
        {counts.rejected > 0 && (
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            href={importErrorsUrl(job.id)}
            download="errors.xlsx"
          >
            {t('members.import.errorReport')}
          </Button>
        )}
        <Button icon={<ReloadOutlined aria-hidden />} onClick={onRestart} disabled={committing}>
          {t('members.import.another')}
        </Button>
      </Flex>
      {job.errors.length > 0 && (
        <section aria-labelledby="import-errors-title">
          <Typography.Title level={5} id="import-errors-title">
            {t('members.import.errorsTitle')}
          </Typography.Title>
          <ErrorsTable errors={job.errors} />
        </section>
      )}
    </Flex>
  );
}

function DoneStep({ job, onRestart }: { job: ImportJob; onRestart: () => void }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const counts = countsOf(job);
  return (
    <Result
      status="success"
      title={t('members.import.doneTitle')}
      subTitle={t('members.import.doneText', {
        new: format(counts.new),
        changed: format(counts.changed),
        unchanged: format(counts.unchanged),
        rejected: format(counts.rejected),
      })}
      extra={[
        <Link key="list" to="/members">
          <Button type="primary">{t('members.import.toList')}</Button>
        </Link>,
        <Button key="again" onClick={onRestart}>
          {t('members.import.another')}
        </Button>,
      ]}
    />
  );
}

function JobView({ id, onRestart }: { id: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const steps = useSteps();
  const session = useCurrentSession();
  const { data: job, error, isPending, refetch } = useQuery(importJobQuery(id));

  useEffect(() => {
    if (job && (job.status === 'committed' || job.status === 'failed' || job.status === 'cancelled'))
      rememberImport(session.user.id, null);
  }, [job, session.user.id]);

  if (isPending) return <Skeleton active />;
  if (error) {
    if (isApiError(error) && (error.status === 404 || error.status === 400))
      return (
        <Result
          status="404"
          title={t('members.import.notFound')}
          extra={<Button onClick={onRestart}>{t('members.import.another')}</Button>}
        />
      );
    return (
      <Result
        status="error"
        title={t('app.loadFailed')}
        subTitle={error.message}
        extra={<Button onClick={() => refetch()}>{t('app.retry')}</Button>}
      />
    );
  }
  const step = stepOf(job, 1);
  const failed = job.status === 'failed' || job.status === 'cancelled';
  return (
    <Flex vertical gap={24}>
      <Steps
        current={step}
        status={failed ? 'error' : step === 4 ? 'finish' : undefined}
        items={steps}
        responsive
        size="small"
      />
      {job.fileName && (
        <Typography.Text type="secondary">
          {t('members.import.fileName', { name: job.fileName })}
        </Typography.Text>
      )}
      {failed ? (
        <Result
          status="error"
          title={t('members.import.failed')}
          subTitle={job.message ?? job.errors[0]?.message}
          extra={<Button onClick={onRestart}>{t('members.import.another')}</Button>}
        />
      ) : step === 2 ? (
        <ParsingStep job={job} />
      ) : step === 3 ? (
        <PreviewStep job={job} onRestart={onRestart} />
      ) : (
        <DoneStep job={job} onRestart={onRestart} />
      )}
    </Flex>
  );
}

function ResumeNotice() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const last = recalledImport(session.user.id);
  const { data } = useQuery({ ...importJobQuery(last ?? ''), enabled: Boolean(last), retry: false });
  if (!last || !data || !['parsing', 'preview', 'committing'].includes(data.status)) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t('members.import.resume', { name: data.fileName ?? '' })}
      action={
        <Link to={`/members/import/${last}`}>
          <Button size="small">{t('members.import.resumeOpen')}</Button>
        </Link>
      }
    />
  );
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const steps = useSteps();
  const [chosen, setChosen] = useState<0 | 1>(0);

  if (!canManageMembers(session.roles))
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;

  const restart = () => {
    setChosen(1);
    navigate('/members/import');
  };

  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('members.import.title')}
        </Typography.Title>
        <Link to="/members">
          <Button>{t('members.backToList')}</Button>
        </Link>
      </Flex>
      {id ? (
        <JobView key={id} id={id} onRestart={restart} />
      ) : (
        <Flex vertical gap={24}>
          <ResumeNotice />
          <Steps
            current={chosen}
            items={steps.map((s, i) => ({ ...s, disabled: i > 1 }))}
            onChange={(next) =>
              next <= 1 ? setChosen(next as 0 | 1) : showError(t('members.import.uploadFirst'))
            }
            responsive
            size="small"
          />
          {chosen === 0 ? <TemplateStep onNext={() => setChosen(1)} /> : <FileStep />}
        </Flex>
      )}
    </Card>
  );
}
