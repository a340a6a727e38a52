import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Flex, Result, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { canManageDocuments } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { AuditTable } from '../audit/AuditTable';
import { CoveragePanel } from '../dissemination/CoveragePanel';
import { type Direction, type DocumentDetail, documentQuery, downloadDocx } from './api';
import { DistributionTab } from './DistributionTab';
import { DocumentFiles } from './DocumentFiles';
import { DocumentForm } from './DocumentForm';
import { DocumentInfo } from './DocumentInfo';
import { DirectionTag } from './DocumentsTable';
import { readDraftExists } from './draft';
import { isUuid } from './filters';
import { documentHeading } from './format';
import { useDocumentLabels } from './labels';

function Crumbs({ current }: { current: string }) {
  const { t } = useTranslation();
  return (
    <Breadcrumb
      style={{ marginBottom: 8 }}
      items={[
        { key: 'list', title: <Link to="/documents">{t('documents.title')}</Link> },
        { key: 'current', title: current },
      ]}
    />
  );
}

export function NewDocumentPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const direction: Direction = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const organizationId = params.get('organizationId');
  if (!canManageDocuments(session.roles))
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  const title = direction === 'outgoing' ? t('documents.createOutgoing') : t('documents.createIncoming');
  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Crumbs current={title} />
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <DocumentForm
        // A new direction is a new form, with its own draft.
        key={direction}
        mode="create"
        direction={direction}
        organizationId={isUuid(organizationId) ? organizationId : undefined}
        onSaved={(d) => navigate(`/documents/${d.id}`, { replace: true })}
        onCancel={() => navigate(-1)}
      />
    </Card>
  );
}

function DocxButton({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => downloadDocx(document.id),
    onSuccess: ({ blob, fileName }) => {
      const url = URL.createObjectURL(blob);
      const a = globalThis.document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
  return (
    <Button
      icon={<FileWordOutlined aria-hidden />}
      loading={download.isPending}
      onClick={() => download.mutate()}
    >
      {t('documents.docx.download')}
    </Button>
  );
}

function Detail({ document }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const [editing, setEditing] = useState(() => readDraftExists(session.user.id, document.id));
  const [tab, setTab] = useState('info');
  const heading = documentHeading(document, labels.type(document.type, document.typeName), t);
  const { distribution } = document;

  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Crumbs current={document.number ?? labels.type(document.type, document.typeName)} />
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <Flex vertical gap={6} style={{ minWidth: 0, flex: '1 1 420px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {heading}
          </Typography.Title>
          <Typography.Paragraph style={{ margin: 0, fontSize: 15 }}>{document.summary}</Typography.Paragraph>
          <Flex gap={8} align="center" wrap>
            <DirectionTag direction={document.direction} />
            <Typography.Text type="secondary">{document.organization.name}</Typography.Text>
          </Flex>
        </Flex>
        {!editing && (
          <Flex gap={8} wrap>
            {document.abilities.edit && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            )}
            <DocxButton document={document} />
          </Flex>
        )}
      </Flex>
      {editing ? (
        <div style={{ marginTop: 16 }}>
          <DocumentForm
            mode="edit"
            document={document}
            onSaved={() => setEditing(false)}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : (
        <Tabs
          style={{ marginTop: 8 }}
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'info', label: t('documents.tabs.info'), children: <DocumentInfo document={document} /> },
            {
              key: 'files',
              label: `${t('documents.tabs.files')} (${document.files.length})`,
              children: <DocumentFiles document={document} />,
            },
            {
              key: 'distribution',
              label:
                distribution.total > 0
                  ? `${t('documents.tabs.distribution')} (${distribution.reported}/${distribution.total})`
                  : t('documents.tabs.distribution'),
              children: <DistributionTab document={document} />,
              destroyOnHidden: true,
            },
            {
              key: 'coverage',
              label: t('documents.tabs.coverage'),
              children: <CoveragePanel documentId={document.id} />,
              destroyOnHidden: true,
            },
            ...(document.abilities.edit
              ? [
                  {
                    key: 'audit',
                    label: t('documents.tabs.audit'),
                    children: <AuditTable filter={{ entity: 'document', entityId: document.id }} compact />,
                    destroyOnHidden: true,
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}

export default function DocumentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, isPending, refetch } = useQuery({ ...documentQuery(id), enabled: isUuid(id) });
  if (!isUuid(id) || (error && isApiError(error) && (error.status === 404 || error.status === 400)))
    return (
      <Card>
        <Result
          status="404"
          title={t('documents.notFound')}
          subTitle={t('documents.notFoundHint')}
          extra={
            <Link to="/documents">
              <Button type="primary">{t('documents.backToList')}</Button>
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
  return <Detail key={data.id} document={data} />;
}
