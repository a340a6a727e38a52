import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { foldVietnamese } from '@daihoi/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatTimestamp } from '../../app/format';
import { useCurrentSession } from '../../app/session';
import { useFormMutation } from '../../app/useFormMutation';
import { useOrganizationOption } from '../members/MemberFilters';
import { detailQuery } from '../organizations/api';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import {
  createDocument,
  type Direction,
  DOCUMENT_NUMBERS_KEY,
  DOCUMENTS_KEY,
  type DocumentDetail,
  documentQuery,
  numbersQuery,
  updateDocument,
} from './api';
import { DocumentSelect } from './DocumentSelect';
import { fromStored, toStored, useDocumentDraft } from './draft';
import {
  changesFrom,
  createBody,
  type DocumentFormValues,
  detailToValues,
  duplicateOf,
  FORM_FIELDS,
  withFormErrors,
} from './form';
import { carriesNumber, checkNumber, documentLabel } from './format';
import { useDocumentLabels } from './labels';
import { committeeName, ownCommitteeId } from './scope';

type Props =
  | {
      mode: 'create';
      direction: Direction;
      organizationId?: string;
      onSaved: (document: DocumentDetail) => void;
      onCancel: () => void;
    }
  | {
      mode: 'edit';
      document: DocumentDetail;
      onSaved: (document: DocumentDetail) => void;
      onCancel: () => void;
    };

const SUMMARY_MAX = 2000;
const BODY_MAX = 100_000;
const RECIPIENTS_MAX = 5000;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, margin: '0 0 8px', padding: 0, minWidth: 0 }}>
      <legend style={{ fontSize: 16, fontWeight: 600, margin: '8px 0 12px', padding: 0 }}>{title}</legend>
      <Row gutter={16}>{children}</Row>
    </fieldset>
  );
}

/** The reserved numbers of one issuer and type, to choose from when issuing. */
function ReservedNumberSelect({
  organizationId,
  type,
  ...rest
}: {
  organizationId: string | undefined;
  type: string | undefined;
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const numbers = useQuery({ ...numbersQuery(organizationId ?? ''), enabled: Boolean(organizationId) });
  const options = (numbers.data?.items ?? [])
    .filter((n) => n.status === 'reserved' && n.type === type)
    .map((n) => ({ value: n.id, label: n.note ? `${n.number} — ${n.note}` : n.number }));
  return (
    <Select
      {...rest}
      allowClear
      loading={numbers.isFetching}
      placeholder={t('documents.numbering.pickPlaceholder')}
      options={options}
      notFoundContent={numbers.isFetching ? undefined : t('documents.numbering.none')}
      style={{ width: '100%' }}
    />
  );
}

export function DocumentForm(props: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const labels = useDocumentLabels();
  const session = useCurrentSession();
  const today = useSystemInfo().data?.today;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DocumentFormValues>();
  const document = props.mode === 'edit' ? props.document : null;
  const direction: Direction = document
    ? document.direction
    : props.mode === 'create'
      ? props.direction
      : 'incoming';
  const outgoing = direction === 'outgoing';

  // The form starts from the document as opened; later reloads do not overwrite typing.
  const [initial] = useState<DocumentFormValues>(() =>
    document
      ? detailToValues(document)
      : {
          organizationId:
            (props.mode === 'create' ? props.organizationId : undefined) ??
            ownCommitteeId(session.roles) ??
            undefined,
          numbering: 'next',
          links: [],
        },
  );
  // What the user's changes are measured against, and the version a save must name.
  const baseRef = useRef<DocumentFormValues>(initial);
  const versionRef = useRef<number | null>(document?.version ?? null);
  const draft = useDocumentDraft(
    form,
    session.user.id,
    document?.id ?? `new-${direction}`,
    initial,
    document?.version ?? null,
  );

  const organizationId = Form.useWatch('organizationId', form) ?? initial.organizationId;
  const type = Form.useWatch('type', form) ?? initial.type;
  const numbering = Form.useWatch('numbering', form) ?? initial.numbering;
  const orgOption = useOrganizationOption(organizationId);
  const org = useQuery({
    ...detailQuery(organizationId ?? ''),
    enabled: Boolean(organizationId),
    retry: false,
  });
  const numbered = carriesNumber(type);

  const reload = async () => {
    if (!document) return;
    const fresh = await queryClient.fetchQuery({ ...documentQuery(document.id), staleTime: 0 });
    const freshValues = detailToValues(fresh);
    const old = toStored(baseRef.current);
    const current = toStored(form.getFieldsValue(true) as DocumentFormValues);
    const next = toStored(freshValues);
    // Fields the user left alone take the newest values; what they typed stays.
    const merged = { ...current } as Record<string, unknown>;
    for (const key of Object.keys(next) as (keyof typeof next)[]) {
      if (JSON.stringify(current[key] ?? null) === JSON.stringify(old[key] ?? null)) merged[key] = next[key];
    }
    baseRef.current = freshValues;
    versionRef.current = fresh.version;
    form.setFieldsValue(fromStored(merged as typeof next));
  };

  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (values: DocumentFormValues) =>
      withFormErrors(async () => {
        if (!document) return createDocument(createBody(values, direction));
        const patch = changesFrom(values, baseRef.current, direction);
        if (Object.keys(patch).length === 0) return document;
        return updateDocument(document.id, { ...patch, version: versionRef.current ?? document.version });
      }, FORM_FIELDS),
    onSuccess: async (saved) => {
      draft.clear();
      queryClient.setQueryData(documentQuery(saved.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: [DOCUMENTS_KEY] });
      void queryClient.invalidateQueries({ queryKey: [DOCUMENT_NUMBERS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      showSuccess(
        document ? t('documents.updated') : t('documents.created', { label: documentLabel(saved) }),
      );
      props.onSaved(saved);
    },
    onConflict: () => {
      modal.confirm({
        title: t('documents.conflict'),
        okText: t('documents.conflictReload'),
        cancelText: t('common.close'),
        onOk: reload,
      });
    },
  });
  const duplicate = duplicateOf(mutation.error);

  const fieldLabel = (key: string) => t(`documents.fields.${key}`);
  const required = (key: string, select = false): Rule => ({
    required: true,
    ...(select ? {} : { whitespace: true }),
    message: t(select ? 'validation.select' : 'validation.required', {
      field: fieldLabel(key).toLowerCase(),
    }),
  });
  /** Core's reading of the number, live as the clerk types: the same rules the server applies. */
  const numberRule: Rule = {
    validator: async (_, value: string | undefined) => {
      if (!value?.trim()) return;
      const check = checkNumber(value, type);
      if (check.ok) return;
      if (check.reason === 'invalid') throw new Error(check.message);
      throw new Error(
        t('documents.errors.typeMismatch', {
          found: check.found,
          expected: type ? `${labels.type(type)} — ${type}` : '',
        }),
      );
    },
  };
  const half = { xs: 24, md: 12 };
  const showBody = outgoing || Boolean(document?.body);
  const showRecipients = outgoing || Boolean(document?.recipients);

  return (
    <>
      {draft.restored && (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('documents.draft.restored', { time: formatTimestamp(draft.restored.savedAt) })}
          description={
            document && draft.restored.baseVersion !== null && draft.restored.baseVersion !== document.version
              ? t('documents.draft.outdated')
              : undefined
          }
          action={
            <Button
              size="small"
              onClick={() => {
                draft.clear();
                form.resetFields();
                form.setFieldsValue(baseRef.current);
              }}
            >
              {t('documents.draft.discard')}
            </Button>
          }
          closable={{ onClose: draft.dismissNotice, 'aria-label': t('common.close') }}
        />
      )}
      <FormError error={formError} />
      {duplicate && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={<Link to={`/documents/${duplicate}`}>{t('documents.openDuplicate')}</Link>}
        />
      )}
      <Form<DocumentFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={mutation.isPending}
        onValuesChange={(changed: Partial<DocumentFormValues>) => {
          // A number reserved for another issuer or type cannot be used.
          if ('organizationId' in changed || 'type' in changed) form.setFieldValue('numberId', undefined);
          draft.save();
        }}
        onFinish={(values) => mutation.mutate(values)}
        scrollToFirstError={{ block: 'center' }}
      >
        <Section title={t('documents.sections.identity')}>
          <Col xs={24}>
            {document ? (
              <Form.Item label={fieldLabel('organization')}>
                <Input value={document.organization.name} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="organizationId"
                label={fieldLabel('organization')}
                rules={[required('organization', true)]}
              >
                <OrganizationSelect initialOptions={orgOption} />
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            {document ? (
              <Form.Item label={fieldLabel('type')} extra={t('documents.hints.type')}>
                <Input value={labels.type(document.type, document.typeName)} disabled />
              </Form.Item>
            ) : (
              <Form.Item name="type" label={fieldLabel('type')} rules={[required('type', true)]}>
                <Select
                  showSearch={{
                    // "chi thi" finds Chỉ thị, as every search here works without diacritics.
                    filterOption: (input, option) =>
                      foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input)),
                  }}
                  options={labels.typeOptions}
                />
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            {!numbered ? (
              <Form.Item label={fieldLabel('number')}>
                <Typography.Text type="secondary">{t('documents.hints.noNumber')}</Typography.Text>
              </Form.Item>
            ) : !outgoing ? (
              <Form.Item
                name="number"
                label={fieldLabel('number')}
                rules={[required('number'), numberRule]}
                dependencies={['type']}
                extra={
                  duplicate ? (
                    <Link to={`/documents/${duplicate}`}>{t('documents.openDuplicate')}</Link>
                  ) : (
                    t('documents.hints.number')
                  )
                }
                validateFirst
                hasFeedback
              >
                <Input maxLength={60} autoComplete="off" placeholder="35-CT/TW" />
              </Form.Item>
            ) : document ? (
              <Form.Item label={fieldLabel('number')} extra={t('documents.numbering.fixed')}>
                <Input value={document.number ?? ''} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="numbering"
                label={fieldLabel('numbering')}
                extra={
                  numbering === 'next' ? (
                    <>
                      {t('documents.numbering.nextHint')}{' '}
                      <Link
                        to={`/documents/numbers${organizationId ? `?issuerOrganizationId=${organizationId}` : ''}`}
                      >
                        {t('documents.numbering.openRegister')}
                      </Link>
                    </>
                  ) : undefined
                }
              >
                <Radio.Group
                  options={[
                    { value: 'next', label: t('documents.numbering.next') },
                    { value: 'reserved', label: t('documents.numbering.reserved') },
                  ]}
                />
              </Form.Item>
            )}
          </Col>
          {outgoing && !document && numbered && numbering === 'reserved' && (
            <Col {...half}>
              <Form.Item
                name="numberId"
                label={t('documents.numbering.pick')}
                rules={[required('number', true)]}
              >
                <ReservedNumberSelect organizationId={organizationId} type={type} />
              </Form.Item>
            </Col>
          )}
          {outgoing ? (
            <Col {...half}>
              <Form.Item label={fieldLabel('issuerName')}>
                <Typography.Text type="secondary">
                  {t('documents.hints.issuerOutgoing', {
                    issuer: org.data ? committeeName(org.data.name) : t('common.empty'),
                  })}
                </Typography.Text>
              </Form.Item>
            </Col>
          ) : (
            <Col {...half}>
              <Form.Item name="issuerName" label={fieldLabel('issuerName')} rules={[required('issuerName')]}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="issuedOn"
              label={fieldLabel('issuedOn')}
              rules={[required('issuedOn', true)]}
              extra={t('documents.hints.issuedOn')}
            >
              <DatePicker
                format={DATE_INPUT_FORMAT}
                style={{ width: '100%' }}
                disabledDate={(d) => (today ? d.isAfter(dayjs(today), 'day') : false)}
              />
            </Form.Item>
          </Col>
        </Section>
        <Section title={t('documents.sections.content')}>
          <Col xs={24}>
            <Form.Item
              name="summary"
              label={fieldLabel('summary')}
              rules={[required('summary')]}
              extra={t('documents.hints.summary')}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={SUMMARY_MAX} showCount />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="signer"
              label={fieldLabel('signer')}
              extra={outgoing ? t('documents.hints.signer') : undefined}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="signerPosition" label={fieldLabel('signerPosition')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          {showBody && (
            <Col xs={24}>
              <Form.Item name="body" label={fieldLabel('body')} extra={t('documents.hints.body')}>
                <Input.TextArea autoSize={{ minRows: 6, maxRows: 24 }} maxLength={BODY_MAX} />
              </Form.Item>
            </Col>
          )}
          {showRecipients && (
            <Col xs={24}>
              <Form.Item
                name="recipients"
                label={fieldLabel('recipients')}
                extra={t('documents.hints.recipients')}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={RECIPIENTS_MAX} />
              </Form.Item>
            </Col>
          )}
        </Section>
        <Section title={t('documents.sections.links')}>
          <Col xs={24}>
            <LinksField excludeId={document?.id} />
          </Col>
        </Section>
        <Flex gap={8} wrap justify="flex-end">
          <Button
            onClick={() => {
              draft.clear();
              props.onCancel();
            }}
            disabled={mutation.isPending}
          >
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('documents.draft.hint')}
        </Typography.Text>
      </Form>
    </>
  );
}

/** The documents this one implements, guides, amends or replaces: one row per link. */
function LinksField({ excludeId }: { excludeId: string | undefined }) {
  const { t } = useTranslation();
  const labels = useDocumentLabels();
  const form = Form.useFormInstance<DocumentFormValues>();
  const links = Form.useWatch('links', form) ?? [];
  return (
    <Form.List name="links">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          {fields.length === 0 && (
            <Typography.Text type="secondary">{t('documents.links.none')}</Typography.Text>
          )}
          {fields.map((field, index) => {
            const others = links
              .filter((_, i) => i !== index)
              .map((l) => l?.target?.value)
              .filter((id): id is string => Boolean(id));
            return (
              <Row key={field.key} gutter={8} wrap={false} align="top">
                <Col flex="0 0 auto" style={{ width: 'min(40%, 220px)' }}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    rules={[
                      {
                        required: true,
                        message: t('validation.select', { field: t('documents.links.kind').toLowerCase() }),
                      },
                    ]}
                    style={{ marginBottom: 0 }}
                  >
                    <Select aria-label={t('documents.links.kind')} options={labels.linkKindOptions} />
                  </Form.Item>
                </Col>
                <Col flex="1 1 auto" style={{ minWidth: 0 }}>
                  <Form.Item
                    name={[field.name, 'target']}
                    rules={[{ required: true, message: t('documents.links.required') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <DocumentSelect
                      aria-label={t('documents.links.pick')}
                      excludeIds={[...(excludeId ? [excludeId] : []), ...others]}
                    />
                  </Form.Item>
                </Col>
                <Col flex="0 0 auto">
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('documents.links.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          <div>
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ kind: 'implements', target: null })}
            >
              {t('documents.links.add')}
            </Button>
          </div>
        </Flex>
      )}
    </Form.List>
  );
}
