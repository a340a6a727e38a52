import { Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTimestamp } from '../../app/format';
import { useIsPhone } from '../../app/useMediaQuery';
import type { DocumentDetail, DocumentLink } from './api';
import { DirectionTag, DocumentRefLink } from './DocumentsTable';
import { lines, paragraphs } from './format';
import { useDocumentLabels } from './labels';

function LinkList({ title, links }: { title: string; links: DocumentLink[] }) {
  const labels = useDocumentLabels();
  if (links.length === 0) return null;
  return (
    <Flex vertical gap={4}>
      <Typography.Text strong>{title}</Typography.Text>
      <ul className="dh-result-list">
        {links.map((l) => (
          <li key={`${l.direction}-${l.kind}-${l.document.id}`}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {labels.linkKind(l.kind, l.direction)} · {labels.type(l.document.type, l.document.typeName)}
              </Typography.Text>
              <DocumentRefLink document={l.document} />
              <Typography.Text style={{ fontSize: 13 }}>{l.document.summary}</Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
    </Flex>
  );
}

/** The document's fields, text, recipients and links in both directions. */
export function DocumentInfo({ document: d }: { document: DocumentDetail }) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const isPhone = useIsPhone();
  const dash = t('common.empty');
  const to = d.links.filter((l) => l.direction === 'to');
  const from = d.links.filter((l) => l.direction === 'from');
  const body = paragraphs(d.body);
  const recipients = lines(d.recipients);
  const signer =
    d.signer && d.signerPosition
      ? t('documents.fields.signerWithPosition', { name: d.signer, position: d.signerPosition })
      : (d.signer ?? d.signerPosition ?? '');

  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        bordered
        column={isPhone ? 1 : 2}
        items={[
          { key: 'type', label: t('documents.fields.type'), children: labels.type(d.type, d.typeName) },
          { key: 'number', label: t('documents.fields.number'), children: d.number ?? dash },
          { key: 'issuedOn', label: t('documents.fields.issuedOn'), children: formatDate(d.issuedOn) },
          { key: 'issuerName', label: t('documents.fields.issuerName'), children: d.issuerName },
          { key: 'signer', label: t('documents.fields.signer'), children: signer || dash },
          {
            key: 'register',
            label: t('documents.fields.organization'),
            children: (
              <Flex gap={8} wrap align="center">
                <DirectionTag direction={d.direction} />
                <span>{d.organization.name}</span>
              </Flex>
            ),
          },
          {
            key: 'summary',
            label: t('documents.fields.summary'),
            span: isPhone ? 1 : 2,
            children: <span style={{ whiteSpace: 'pre-line' }}>{d.summary}</span>,
          },
          {
            key: 'createdAt',
            label: t('documents.fields.createdAt'),
            children: formatTimestamp(d.createdAt),
          },
          {
            key: 'updatedAt',
            label: t('documents.fields.updatedAt'),
            children: formatTimestamp(d.updatedAt),
          },
        ]}
      />
      {body.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('documents.fields.body')}</Typography.Title>
          <div style={{ maxWidth: 820 }}>
            {body.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
              <Typography.Paragraph key={i} style={{ whiteSpace: 'pre-line', textAlign: 'justify' }}>
                {p}
              </Typography.Paragraph>
            ))}
          </div>
        </section>
      )}
      {recipients.length > 0 && (
        <section>
          <Typography.Title level={5}>{t('documents.fields.recipients')}</Typography.Title>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {recipients.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two recipients may read the same
              <li key={i}>{r}</li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <Typography.Title level={5}>{t('documents.fields.links')}</Typography.Title>
        {d.links.length === 0 ? (
          <Typography.Text type="secondary">{t('documents.links.none')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            <LinkList title={t('documents.links.outgoing')} links={to} />
            <LinkList title={t('documents.links.incoming')} links={from} />
          </Flex>
        )}
      </section>
    </Flex>
  );
}
