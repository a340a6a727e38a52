import { MEMBER_CARD_MAX_LENGTH, MEMBER_NAME_MAX_LENGTH, type MemberStatus } from '@daihoi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useSystemInfo } from '../../app/DemoBanner';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatTimestamp } from '../../app/format';
import { isSessionError } from '../../app/queryClient';
import { useCurrentSession } from '../../app/session';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { createMember, MEMBERS_KEY, type MemberDetail, memberQuery, updateMember } from './api';
import {
  changedFields,
  changesFrom,
  clientErrors,
  createBody,
  type DraftValues,
  draftToValues,
  type MemberFormValues,
  memberToValues,
  pick,
  serverFieldMessages,
  toInput,
  valuesToDraft,
} from './form';
import { useMemberLabels } from './labels';
import { useOrganizationOption } from './MemberFilters';
import { useMemberDraft } from './useMemberDraft';

type Props =
  | {
      mode: 'create';
      organizationId?: string;
      onSaved: (member: MemberDetail) => void;
      onCancel: () => void;
    }
  | { mode: 'edit'; member: MemberDetail; onSaved: (member: MemberDetail) => void; onCancel: () => void };

const CREATE_STATUSES: readonly MemberStatus[] = ['probationary', 'full'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, margin: '0 0 8px', padding: 0, minWidth: 0 }}>
      <legend style={{ fontSize: 16, fontWeight: 600, margin: '8px 0 12px', padding: 0 }}>{title}</legend>
      <Row gutter={16}>{children}</Row>
    </fieldset>
  );
}

export function MemberForm(props: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const labels = useMemberLabels();
  const session = useCurrentSession();
  const today = useSystemInfo().data?.today;
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const member = props.mode === 'edit' ? props.member : null;

  // The form starts from the record as it was when opened; later reloads do not overwrite typing.
  const [initial] = useState<MemberFormValues>(() =>
    member
      ? memberToValues(member)
      : { organizationId: props.mode === 'create' ? props.organizationId : undefined, isLeader: false },
  );
  // What the user's changes are measured against: the record as opened, or as reloaded after a conflict.
  const baseRef = useRef<DraftValues>(valuesToDraft(initial));
  const draft = useMemberDraft(form, session.user.id, member?.id ?? 'new', baseRef, member?.version ?? null);
  // The label of the chosen organization, also when it comes from the URL or a restored draft.
  const organizationId = Form.useWatch('organizationId', form) ?? initial.organizationId ?? undefined;
  const orgOption = useOrganizationOption(organizationId);

  const save = useMutation({
    meta: { silent: true },
    mutationFn: async (values: MemberFormValues) => {
      if (!member) return createMember(createBody(values));
      // The newest copy: after a conflict the cache holds the version that won.
      const current = queryClient.getQueryData(memberQuery(member.id).queryKey) ?? member;
      // Only what this user changed, so that nobody else's newer values are written back.
      const touched = changesFrom(valuesToDraft(values), baseRef.current);
      const patch = pick(changedFields(current, toInput(values)), Object.keys(touched));
      if (Object.keys(patch).length === 0) return current;
      return updateMember(member.id, { ...patch, version: current.version });
    },
    onMutate: () => setFormError(null),
    onSuccess: async (saved) => {
      draft.clear();
      queryClient.setQueryData(memberQuery(saved.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: [MEMBERS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      showSuccess(member ? t('members.updated') : t('members.created', { name: saved.fullName }));
      props.onSaved(saved);
    },
    onError: async (error) => {
      if (isSessionError(error)) return;
      if (isApiError(error) && error.code === 'VERSION_CONFLICT' && member) {
        // Reload the record; keep what this user changed on top of it.
        const edits = changesFrom(valuesToDraft(form.getFieldsValue(true)), baseRef.current);
        const fresh = await queryClient.fetchQuery({ ...memberQuery(member.id), staleTime: 0 });
        baseRef.current = valuesToDraft(memberToValues(fresh));
        form.setFieldsValue({ ...memberToValues(fresh), ...draftToValues(edits) });
        modal.warning({ title: t('members.conflictKept') });
        return;
      }
      if (isApiError(error)) {
        const fields = serverFieldMessages(error.code, error.message, error.details);
        if (fields.length > 0)
          form.setFields(
            fields.map((f) => ({ name: f.field as keyof MemberFormValues, errors: [f.message] })),
          );
        setFormError(error.message);
      } else setFormError(t('errors.unexpected'));
    },
  });

  const fieldLabel = (key: string) => t(`members.fields.${key}`);
  // `required` alone accepts any value (dates are objects); with `whitespace` the rule expects a string.
  const required = (key: string, select = false): Rule => ({
    required: true,
    ...(select ? {} : { whitespace: true }),
    message: t(select ? 'validation.select' : 'validation.required', {
      field: fieldLabel(key).toLowerCase(),
    }),
  });
  /** The core's rules, the same the server applies, shown under the field they concern. */
  const core = (field: string): Rule => ({
    validator: async () => {
      if (!today) return;
      const error = clientErrors(form.getFieldsValue(true) as MemberFormValues, today).find(
        (e) => e.field === field,
      );
      if (error) throw new Error(labels.error(error.code, error.message));
    },
  });
  const half = { xs: 24, md: 12 };
  const third = { xs: 24, sm: 12, lg: 8 };
  const date = <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />;
  // "Transferred out" is written by a transfer only; a new record starts probationary or full.
  const statuses = labels.statusOptions.filter((o) =>
    member
      ? o.value !== 'transferred_out' || member.status === 'transferred_out'
      : CREATE_STATUSES.includes(o.value as MemberStatus),
  );

  return (
    <>
      {draft.restored && (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 16 }}
          title={t('members.draft.restored', { time: formatTimestamp(draft.restored.savedAt) })}
          description={
            member && draft.restored.baseVersion !== null && draft.restored.baseVersion !== member.version
              ? t('members.draft.outdated')
              : undefined
          }
          action={
            <Button
              size="small"
              onClick={() => {
                draft.clear();
                form.resetFields();
                form.setFieldsValue(draftToValues(baseRef.current));
              }}
            >
              {t('members.draft.discard')}
            </Button>
          }
          closable={{ onClose: draft.dismissNotice, 'aria-label': t('common.close') }}
        />
      )}
      <FormError error={formError} />
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={save.isPending}
        onValuesChange={draft.save}
        onFinish={(values) => save.mutate(values)}
        scrollToFirstError={{ block: 'center' }}
      >
        <Section title={t('members.sections.personal')}>
          <Col {...half}>
            <Form.Item
              name="fullName"
              label={fieldLabel('fullName')}
              rules={[required('fullName'), core('fullName')]}
              validateFirst
            >
              <Input maxLength={MEMBER_NAME_MAX_LENGTH} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="gender" label={fieldLabel('gender')} rules={[required('gender', true)]}>
              <Radio.Group options={labels.genderOptions} optionType="button" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="birthDate"
              label={fieldLabel('birthDate')}
              rules={[required('birthDate', true), core('birthDate')]}
              validateFirst
            >
              {date}
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="ethnicity" label={fieldLabel('ethnicity')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="hometown" label={fieldLabel('hometown')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Section>
        <Section title={t('members.sections.party')}>
          {!member && (
            <Col xs={24}>
              <Form.Item
                name="organizationId"
                label={fieldLabel('organization')}
                rules={[required('organization', true)]}
              >
                <OrganizationSelect initialOptions={orgOption} />
              </Form.Item>
            </Col>
          )}
          <Col {...third}>
            <Form.Item
              name="cardNumber"
              label={fieldLabel('cardNumber')}
              rules={[core('cardNumber')]}
              extra={t('members.hints.cardNumber')}
            >
              <Input maxLength={MEMBER_CARD_MAX_LENGTH} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="admittedOn"
              label={fieldLabel('admittedOn')}
              rules={[required('admittedOn', true), core('admittedOn')]}
              dependencies={['birthDate']}
              validateFirst
            >
              {date}
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item
              name="fullMemberOn"
              label={fieldLabel('fullMemberOn')}
              rules={[core('fullMemberOn')]}
              dependencies={['admittedOn', 'status']}
            >
              {date}
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={fieldLabel('status')} rules={[required('status', true)]}>
              <Select options={statuses} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="isLeader" label={fieldLabel('isLeader')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Section>
        <Section title={t('members.sections.work')}>
          <Col {...half}>
            <Form.Item name="educationLevel" label={fieldLabel('educationLevel')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="theoryLevel" label={fieldLabel('theoryLevel')}>
              <Select allowClear options={labels.theoryLevelOptions} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="jobTitle" label={fieldLabel('jobTitle')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="employer" label={fieldLabel('employer')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Section>
        <Section title={t('members.sections.contact')}>
          <Col {...half}>
            <Form.Item
              name="phone"
              label={fieldLabel('phone')}
              rules={[{ pattern: /^[0-9 +().-]{6,20}$/, message: t('members.hints.phone') }]}
            >
              <Input type="tel" maxLength={20} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="email"
              label={fieldLabel('email')}
              rules={[{ type: 'email', message: t('members.hints.email') }]}
            >
              <Input type="email" maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Section>
        <Flex gap={8} wrap justify="flex-end" className="dh-no-print">
          <Button
            onClick={() => {
              draft.clear();
              props.onCancel();
            }}
            disabled={save.isPending}
          >
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('members.draft.hint')}
        </Typography.Text>
      </Form>
    </>
  );
}
