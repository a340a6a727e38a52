import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, DatePicker, Flex, Form, Input, Row, TimePicker } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT } from '../../app/format';
import { isSessionError } from '../../app/queryClient';
import { detailQuery } from '../organizations/api';
import { type OrganizationOption, OrganizationSelect } from '../organizations/OrganizationSelect';
import {
  createSession,
  type OrgRef,
  type SessionDetail,
  sessionQuery,
  updateSession,
  useInvalidateDissemination,
} from './api';
import { DocumentMultiSelect } from './DocumentSelect';
import {
  changedValues,
  createBody,
  type SessionFormValues,
  sessionFieldMessages,
  sessionPatch,
  sessionToValues,
} from './helpers';
import { SubtreeOrganizationSelect } from './SubtreeOrganizationSelect';

type Props =
  | {
      mode: 'create';
      initial: SessionFormValues;
      /** The conference a make-up session is for. */
      makeupOf?: SessionDetail;
      onSaved: (session: SessionDetail) => void;
      onCancel: () => void;
    }
  | { mode: 'edit'; session: SessionDetail; onSaved: (session: SessionDetail) => void; onCancel: () => void };

/** The label of an organization chosen before (default host, URL): the search select knows only what it found. */
export function useOrganizationOption(id: string | null | undefined): OrganizationOption[] {
  const { data } = useQuery({ ...detailQuery(id ?? ''), enabled: Boolean(id), retry: false });
  return id && data ? [{ value: id, label: `${data.name} (${data.code})` }] : [];
}

// The form keeps dates and times as the strings the helpers take; the pickers see dayjs values.
const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};
const timeProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(`2000-01-01T${v}:00`) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('HH:mm') : null),
};

export function SessionForm(props: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invalidate = useInvalidateDissemination();
  const [form] = Form.useForm<SessionFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const topRef = useRef<HTMLDivElement>(null);
  // A refusal shows above the form, far from the Save button: bring it (or the field it concerns) into view.
  const showTop = () =>
    requestAnimationFrame(() => topRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
  const session = props.mode === 'edit' ? props.session : null;
  const makeupOf = props.mode === 'create' ? props.makeupOf : undefined;

  const [initial] = useState<SessionFormValues>(() =>
    props.mode === 'edit' ? sessionToValues(props.session) : props.initial,
  );
  // What the user's changes are measured against, and the version they were made on.
  const baseRef = useRef<SessionFormValues>(initial);
  const versionRef = useRef(session?.version ?? 0);
  const [knownDocuments] = useState(() => session?.documents ?? makeupOf?.documents ?? []);
  const [knownInvited] = useState<OrgRef[]>(() => session?.invitedOrganizations ?? []);

  const hostId = Form.useWatch('organizationId', form) ?? initial.organizationId ?? null;
  const hostOption = useOrganizationOption(props.mode === 'create' && !makeupOf ? hostId : null);
  const makeupHosts: OrgRef[] = makeupOf
    ? makeupOf.invitedOrganizations.length > 0
      ? makeupOf.invitedOrganizations
      : [makeupOf.organization]
    : [];

  const save = useMutation({
    meta: { silent: true },
    mutationFn: async (values: SessionFormValues) => {
      if (!session) return createSession(createBody(values, makeupOf?.id));
      const patch = sessionPatch(values, baseRef.current, versionRef.current);
      if (Object.keys(patch).length === 1) return session;
      return updateSession(session.id, patch);
    },
    onMutate: () => {
      setFormError(null);
      setNotice(null);
      setConflict(null);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(sessionQuery(saved.id).queryKey, saved);
      await invalidate();
      showSuccess(session ? t('dissemination.updated') : t('dissemination.created', { title: saved.title }));
      props.onSaved(saved);
    },
    onError: (error) => {
      if (isSessionError(error)) return;
      if (!isApiError(error)) {
        setFormError(t('errors.unexpected'));
        return showTop();
      }
      if (error.code === 'VERSION_CONFLICT' && session) {
        setConflict(error.message);
        return showTop();
      }
      const fields = sessionFieldMessages(error.code, error.message, error.details);
      setFormError(error.message);
      if (fields.length === 0) return showTop();
      form.setFields(fields.map((f) => ({ name: f.field, errors: [f.message] })));
      form.scrollToField(fields[0]?.field ?? 'title', { block: 'center' });
    },
  });

  /** Loads the version that won and puts this user's changes back on top of it. */
  const reload = async () => {
    if (!session) return;
    setReloading(true);
    try {
      const edits = changedValues(form.getFieldsValue(true), baseRef.current);
      const fresh = await queryClient.fetchQuery({ ...sessionQuery(session.id), staleTime: 0 });
      baseRef.current = sessionToValues(fresh);
      versionRef.current = fresh.version;
      form.setFieldsValue({ ...baseRef.current, ...edits });
      setConflict(null);
      setNotice(t('dissemination.conflictReloaded'));
    } catch (error) {
      setFormError(isApiError(error) ? error.message : t('errors.unexpected'));
    } finally {
      setReloading(false);
    }
  };

  const required = (key: string): Rule => ({
    required: true,
    whitespace: key === 'title',
    message: t(`dissemination.validation.${key}Required`),
  });
  const field = (key: string) => t(`dissemination.fields.${key}`);
  const half = { xs: 24, md: 12 };

  return (
    <>
      <div ref={topRef} />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={conflict}
          description={t('dissemination.conflict')}
          action={
            <Button onClick={reload} loading={reloading}>
              {t('dissemination.reload')}
            </Button>
          }
        />
      )}
      {notice && <Alert type="info" showIcon role="status" style={{ marginBottom: 16 }} title={notice} />}
      <FormError error={formError} />
      <Form<SessionFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={save.isPending}
        onFinish={(values) => save.mutate({ ...form.getFieldsValue(true), ...values })}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="title" label={field('title')} rules={[required('title')]}>
              <Input maxLength={500} autoComplete="off" />
            </Form.Item>
          </Col>
          {props.mode === 'create' && (
            <Col xs={24} md={12}>
              <Form.Item
                name="organizationId"
                label={field('organization')}
                rules={[required('organization')]}
                extra={t(
                  makeupOf ? 'dissemination.hints.makeupOrganization' : 'dissemination.hints.organization',
                )}
              >
                {makeupOf ? (
                  <SubtreeOrganizationSelect under={makeupOf.organization.id} known={makeupHosts} />
                ) : (
                  <OrganizationSelect initialOptions={hostOption} />
                )}
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={props.mode === 'create' ? 12 : 24}>
            <Form.Item
              name="invitedOrganizationIds"
              label={field('invitedOrganizations')}
              extra={t(
                hostId ? 'dissemination.hints.invitedOrganizations' : 'dissemination.hints.pickHostFirst',
              )}
            >
              <SubtreeOrganizationSelect
                mode="multiple"
                under={hostId ?? undefined}
                known={knownInvited}
                disabled={!hostId}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="date" label={field('date')} rules={[required('date')]} {...dateProps}>
              <DatePicker
                format={DATE_INPUT_FORMAT}
                placeholder={t('dissemination.placeholders.date')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="time" label={field('time')} rules={[required('time')]} {...timeProps}>
              <TimePicker
                format="HH:mm"
                minuteStep={5}
                needConfirm={false}
                placeholder={t('dissemination.placeholders.time')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="chair" label={field('chair')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="place" label={field('place')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="documentIds"
              label={field('documents')}
              rules={[
                {
                  required: true,
                  type: 'array',
                  min: 1,
                  message: t('dissemination.validation.documentsRequired'),
                },
              ]}
              extra={t('dissemination.hints.documents')}
            >
              <DocumentMultiSelect initialDocuments={knownDocuments} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="guests" label={field('guests')} extra={t('dissemination.hints.guests')}>
              <Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="conclusions" label={field('conclusions')}>
              <Input.TextArea maxLength={50_000} autoSize={{ minRows: 3, maxRows: 14 }} />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} wrap justify="flex-end">
          <Button onClick={props.onCancel} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
