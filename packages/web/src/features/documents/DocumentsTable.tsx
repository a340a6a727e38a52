import { Empty, Flex, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsPhone } from '../../app/useMediaQuery';
import type { DocumentItem, DocumentRef } from './api';
import { documentLabel } from './format';
import { useDocumentLabels } from './labels';

interface Props {
  documents: DocumentItem[];
  loading: boolean;
  emptyText: string;
}

/** Number · date · issuer as one link: the three together tell a document apart (RULES §0). */
export function DocumentRefLink({ document, strong = true }: { document: DocumentRef; strong?: boolean }) {
  const label = documentLabel(document);
  return (
    <Link to={`/documents/${document.id}`} style={{ fontWeight: strong ? 600 : undefined }}>
      {label}
    </Link>
  );
}

export function DirectionTag({ direction }: { direction: string }) {
  const labels = useDocumentLabels();
  return (
    <Tag color={direction === 'outgoing' ? 'volcano' : 'geekblue'} style={{ marginInlineEnd: 0 }}>
      {labels.direction(direction)}
    </Tag>
  );
}

function DocumentCards({ documents, loading, emptyText }: Props) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (documents.length === 0) return <Empty description={emptyText} />;
  return (
    <ol className="dh-result-list" aria-label={t('documents.title')}>
      {documents.map((d) => (
        <li key={d.id}>
          <Flex vertical gap={2}>
            <DocumentRefLink document={d} />
            <Flex gap={6} align="center" wrap>
              <DirectionTag direction={d.direction} />
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {labels.type(d.type, d.typeName)}
              </Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3 }}>
              {d.summary}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.organization.name}
            </Typography.Text>
          </Flex>
        </li>
      ))}
    </ol>
  );
}

function DocumentsWideTable({ documents, loading, emptyText }: Props) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const columns: TableColumnsType<DocumentItem> = [
    {
      key: 'document',
      title: t('documents.fields.document'),
      width: 300,
      render: (_, d) => <DocumentRefLink document={d} />,
    },
    {
      key: 'type',
      title: t('documents.fields.type'),
      width: 130,
      render: (_, d) => labels.type(d.type, d.typeName),
    },
    {
      key: 'summary',
      title: t('documents.fields.summary'),
      render: (_, d) => (
        <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: d.summary }}>
          {d.summary}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'register',
      title: t('documents.fields.organization'),
      width: 220,
      render: (_, d) => (
        <Flex vertical gap={4} align="flex-start">
          <DirectionTag direction={d.direction} />
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {d.organization.name}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  return (
    <Table<DocumentItem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={documents}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText }}
      columns={columns}
    />
  );
}

/** Documents newest first: a table, or cards on a phone. */
export function DocumentsTable(props: Props) {
  const isPhone = useIsPhone();
  return isPhone ? <DocumentCards {...props} /> : <DocumentsWideTable {...props} />;
}
