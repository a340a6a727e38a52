import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { DOCUMENT_TYPES } from '@daihoi/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { formatTimestamp } from '../../app/format';
import { canManageDocuments, readsDocumentRegisters } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useFormMutation } from '../../app/useFormMutation';
import { useIsPhone } from '../../app/useMediaQuery';
import { useOrganizationOption } from '../members/MemberFilters';
import { detailQuery } from '../organizations/api';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import {
  cancelNumber,
  DOCUMENT_NUMBERS_KEY,
  type DocumentNumberEntry,
  type DocumentTypeCode,
  type NumberStatus,
  numbersQuery,
  reserveNumber,
} from './api';
import { isUuid } from './filters';
import { withFormErrors } from './form';
import { NUMBER_STATUS_COLORS } from './format';
import { useDocumentLabels } from './labels';
import { ownCommitteeId } from './scope';

function StatusTag({ status }: { status: string }) {
  const labels = useDocumentLabels();
  return (
    <Tag color={NUMBER_STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {labels.numberStatus(status)}
    </Tag>
  );
}

function NumberText({ entry }: { entry: DocumentNumberEntry }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text strong delete={entry.status === 'cancelled'} style={{ whiteSpace: 'nowrap' }}>
        {entry.number}
      </Typography.Text>
      {entry.congress && <Tag color="purple">{t('documents.numbers.congressTag')}</Tag>}
    </Flex>
  );
}

/** What became of the number: its document, the reason it was cancelled, or the note it was reserved with. */
function Outcome({ entry }: { entry: DocumentNumberEntry }) {
  const { t } = useTranslation();
  if (entry.documentId)
    return <Link to={`/documents/${entry.documentId}`}>{t('documents.numbers.document')}</Link>;
  const text = entry.status === 'cancelled' ? entry.cancelReason : entry.note;
  return text ? (
    <Typography.Text type={entry.status === 'cancelled' ? 'secondary' : undefined}>{text}</Typography.Text>
  ) : (
    <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
  );
}

interface ReserveValues {
  type?: DocumentTypeCode;
  congress?: boolean;
  note?: string;
}

function ReserveModal({ issuerId, onClose }: { issuerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const labels = useDocumentLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReserveValues>();
  const numberedTypes = labels.typeOptions.filter((o) =>
    DOCUMENT_TYPES.some((d) => d.code === o.value && d.carriesNumber),
  );
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (v: ReserveValues) =>
      withFormErrors(
        () =>
          reserveNumber({
            issuerOrganizationId: issuerId,
            type: v.type as DocumentTypeCode,
            congress: v.congress === true,
            note: v.note?.trim() || null,
          }),
        ['type', 'congress', 'note'],
      ),
    onSuccess: async (entry) => {
      await queryClient.invalidateQueries({ queryKey: [DOCUMENT_NUMBERS_KEY] });
      onClose();
      modal.success({
        title: t('documents.numbers.takenTitle'),
        content: (
          <Flex vertical gap={4}>
            <Typography.Text style={{ fontSize: 24, fontWeight: 700 }} copyable>
              {entry.number}
            </Typography.Text>
            <Typography.Text type="secondary">
              {labels.type(entry.type)} · {t('documents.numbers.term')} {entry.term.name}
            </Typography.Text>
          </Flex>
        ),
      });
    },
  });
  return (
    <Modal
      open
      title={t('documents.numbers.reserveTitle')}
      onCancel={onClose}
      okText={t('documents.numbers.reserve')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('documents.numbers.reserveHint')}</Typography.Paragraph>
      <FormError error={formError} />
      <Form<ReserveValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="type"
          label={t('documents.numbers.type')}
          rules={[
            {
              required: true,
              message: t('validation.select', { field: t('documents.numbers.type').toLowerCase() }),
            },
          ]}
        >
          <Select showSearch={{ optionFilterProp: 'label' }} options={numberedTypes} />
        </Form.Item>
        <Form.Item name="congress" valuePropName="checked" extra={t('documents.numbers.congressHint')}>
          <Checkbox>{t('documents.numbers.congress')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('documents.numbers.note')}>
          <Input maxLength={500} placeholder={t('documents.numbers.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelModal({ entry, onClose }: { entry: DocumentNumberEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (v: { reason: string }) =>
      withFormErrors(() => cancelNumber(entry.id, v.reason.trim()), ['reason']),
    onSuccess: async (cancelled) => {
      showSuccess(t('documents.numbers.cancelled', { number: cancelled.number }));
      await queryClient.invalidateQueries({ queryKey: [DOCUMENT_NUMBERS_KEY] });
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('documents.numbers.cancelTitle', { number: entry.number })}
      onCancel={onClose}
      okText={t('documents.numbers.cancel')}
      cancelText={t('common.close')}
      okButtonProps={{ danger: true, loading: mutation.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('documents.numbers.cancelHint')}</Typography.Paragraph>
      <FormError error={formError} />
      <Form form={form} layout="vertical" disabled={mutation.isPending} onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="reason"
          label={t('documents.numbers.reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: t('documents.numbers.reason').toLowerCase() }),
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NumbersTable({
  items,
  loading,
  canManage,
  onCancel,
}: {
  items: DocumentNumberEntry[];
  loading: boolean;
  canManage: boolean;
  onCancel: (entry: DocumentNumberEntry) => void;
}) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const isPhone = useIsPhone();
  const cancelButton = (n: DocumentNumberEntry) =>
    canManage &&
    n.status === 'reserved' && (
      <Button size="small" danger icon={<StopOutlined aria-hidden />} onClick={() => onCancel(n)}>
        {t('documents.numbers.cancel')}
      </Button>
    );

  if (isPhone) {
    if (loading) return <Spin style={{ display: 'block', margin: 24 }} />;
    if (items.length === 0) return <Empty description={t('documents.numbers.empty')} />;
    return (
      <ol className="dh-result-list" aria-label={t('documents.numbers.title')}>
        {items.map((n) => (
          <li key={n.id}>
            <Flex vertical gap={4}>
              <Flex gap={8} align="center" wrap justify="space-between">
                <NumberText entry={n} />
                <StatusTag status={n.status} />
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[labels.type(n.type), n.term.name, n.reservedBy?.displayName, formatTimestamp(n.reservedAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
              <Outcome entry={n} />
              <div>{cancelButton(n)}</div>
            </Flex>
          </li>
        ))}
      </ol>
    );
  }

  const columns: TableColumnsType<DocumentNumberEntry> = [
    {
      key: 'number',
      title: t('documents.numbers.number'),
      width: 190,
      render: (_, n) => <NumberText entry={n} />,
    },
    { key: 'type', title: t('documents.numbers.type'), width: 130, render: (_, n) => labels.type(n.type) },
    { key: 'term', title: t('documents.numbers.term'), width: 100, render: (_, n) => n.term.name },
    {
      key: 'status',
      title: t('documents.numbers.status'),
      width: 100,
      render: (_, n) => <StatusTag status={n.status} />,
    },
    {
      key: 'reservedBy',
      title: t('documents.numbers.reservedBy'),
      width: 200,
      render: (_, n) => (
        <Flex vertical>
          <span>{n.reservedBy?.displayName ?? t('common.empty')}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTimestamp(n.reservedAt)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'outcome', title: t('documents.numbers.note'), render: (_, n) => <Outcome entry={n} /> },
  ];
  if (canManage)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, n) => cancelButton(n),
    });
  return (
    <Table<DocumentNumberEntry>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={items.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      scroll={{ x: 940 }}
      locale={{ emptyText: t('documents.numbers.empty') }}
    />
  );
}

export default function NumbersPage() {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const session = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('issuerOrganizationId');
  const issuerId = isUuid(fromUrl) ? fromUrl : ownCommitteeId(session.roles);
  const [status, setStatus] = useState<NumberStatus | undefined>();
  const [reserving, setReserving] = useState(false);
  const [cancelling, setCancelling] = useState<DocumentNumberEntry | null>(null);
  const issuerOption = useOrganizationOption(issuerId ?? undefined);
  const issuer = useQuery({ ...detailQuery(issuerId ?? ''), enabled: Boolean(issuerId), retry: false });
  const list = useQuery({ ...numbersQuery(issuerId ?? ''), enabled: Boolean(issuerId) });
  const canManage = issuer.data ? canManageDocuments(session.roles, issuer.data) : false;
  const items = useMemo(
    () => (list.data?.items ?? []).filter((n) => !status || n.status === status),
    [list.data, status],
  );

  if (!readsDocumentRegisters(session.roles))
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;

  return (
    <Card>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('documents.numbers.title')}
        </Typography.Title>
        {canManage && issuerId && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setReserving(true)}>
            {t('documents.numbers.reserve')}
          </Button>
        )}
      </Flex>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={12} xl={10}>
          <OrganizationSelect
            aria-label={t('documents.numbers.issuer')}
            value={issuerId}
            initialOptions={issuerOption}
            onChange={(id) => setParams(id ? { issuerOrganizationId: id } : {}, { replace: true })}
          />
        </Col>
        <Col xs={24} sm={12} lg={6} xl={4}>
          <Select
            aria-label={t('documents.numbers.filterStatus')}
            placeholder={t('documents.numbers.filterStatus')}
            allowClear
            value={status}
            onChange={setStatus}
            options={labels.numberStatusOptions}
            style={{ width: '100%' }}
          />
        </Col>
      </Row>
      {!issuerId ? (
        <Empty description={t('documents.numbers.pickIssuer')} />
      ) : list.error ? (
        <Result status="warning" subTitle={list.error.message} />
      ) : (
        <>
          <NumbersTable
            items={items}
            loading={list.isPending}
            canManage={canManage}
            onCancel={(n) => setCancelling(n)}
          />
          {list.isSuccess && items.length > 0 && (
            <Typography.Text type="secondary" role="status" style={{ display: 'block', marginTop: 12 }}>
              {t('documents.numbers.shown', { count: items.length })}
            </Typography.Text>
          )}
        </>
      )}
      {reserving && issuerId && <ReserveModal issuerId={issuerId} onClose={() => setReserving(false)} />}
      {cancelling && <CancelModal entry={cancelling} onClose={() => setCancelling(null)} />}
    </Card>
  );
}
