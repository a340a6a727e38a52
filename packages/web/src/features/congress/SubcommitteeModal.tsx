import { DeleteOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Flex, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api';
import { FormError } from '../../app/FormError';
import { showError, showSuccess } from '../../app/feedback';
import { errorText } from '../../app/forms';
import { useFormMutation } from '../../app/useFormMutation';
import { useIsPhone } from '../../app/useMediaQuery';
import { MEMBERS_KEY, type Member, memberQuery } from '../members/api';
import { MemberSelect } from '../members/MemberSelect';
import { type CongressPlanDetail, type CongressSubcommittee, planQuery } from './api';
import { mergeFresh } from './form';
import { useSubcommitteeLabels } from './subcommitteeLabels';
import {
  createSubcommitteeBody,
  emptySubcommittee,
  forSubcommitteeForm,
  type SubcommitteeFormValues,
  type SubcommitteeMemberRow,
  subcommitteeChanges,
  subcommitteeToValues,
  withMember,
} from './subcommittees';
import {
  createSubcommittee,
  SUBCOMMITTEE_KINDS,
  SUBCOMMITTEE_ROLES,
  type SubcommitteeKind,
  updateSubcommittee,
} from './subcommitteesApi';

const NAME_MAX = 300;
const DUTIES_MAX = 5000;
const MEMBER_DUTIES_MAX = 1000;

interface Props {
  plan: CongressPlanDetail;
  /** The subcommittee to edit; absent: a new one of `kind`. */
  subcommittee?: CongressSubcommittee;
  kind?: SubcommitteeKind;
  onSaved: (list: CongressSubcommittee[]) => void;
  onClose: () => void;
}

/** The name of a member picked in the list, from what the member search already loaded. */
function useMemberName(organizationId: string) {
  const queryClient = useQueryClient();
  return async (memberId: string): Promise<string> => {
    const pages = queryClient.getQueriesData<Page<Member>>({
      queryKey: [MEMBERS_KEY, 'pick', organizationId],
    });
    for (const [, page] of pages) {
      const found = page?.items.find((m) => m.id === memberId);
      if (found) return found.fullName;
    }
    return (await queryClient.fetchQuery(memberQuery(memberId))).fullName;
  };
}

interface MemberNameProps {
  id?: string;
  fullName: string;
  value?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-describedby'?: string;
}

/** The member's name in its row; the field carries the id, so the server's refusal shows under the name. */
function MemberName({
  id,
  fullName,
  'aria-invalid': invalid,
  'aria-describedby': describedBy,
}: MemberNameProps) {
  return (
    <Typography.Text
      id={id}
      strong
      aria-invalid={invalid}
      aria-describedby={describedBy}
      style={{ display: 'inline-block', lineHeight: '32px' }}
    >
      {fullName}
    </Typography.Text>
  );
}

function MemberRows({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const labels = useSubcommitteeLabels();
  const isPhone = useIsPhone();
  const form = Form.useFormInstance<SubcommitteeFormValues>();
  // The names are not fields of their own: watch the whole store, registered or not.
  const rows = (Form.useWatch((v: SubcommitteeFormValues) => v.members, { form, preserve: true }) ??
    []) as SubcommitteeMemberRow[];
  const roleOptions = SUBCOMMITTEE_ROLES.map((r) => ({ value: r, label: labels.role(r) }));
  return (
    <Form.List name="members">
      {(fields, { remove }) =>
        fields.length === 0 ? (
          <Typography.Paragraph type="secondary">
            {t('congressSetup.subcommittees.noMembers')}
          </Typography.Paragraph>
        ) : (
          <ol className="dh-result-list" aria-label={t('congressSetup.subcommittees.members')}>
            {fields.map((field, index) => {
              const row = rows[index];
              const name = row?.fullName ?? '';
              return (
                <li key={field.key}>
                  <Row gutter={[8, 0]} align="top" wrap>
                    <Col xs={24} sm={8}>
                      <Form.Item name={[field.name, 'memberId']} style={{ marginBottom: isPhone ? 4 : 8 }}>
                        <MemberName fullName={name} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6}>
                      <Form.Item name={[field.name, 'role']} style={{ marginBottom: 8 }}>
                        <Select
                          aria-label={t('congressSetup.subcommittees.roleOf', { name })}
                          options={roleOptions}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={8}>
                      <Form.Item name={[field.name, 'duties']} style={{ marginBottom: 8 }}>
                        <Input
                          aria-label={t('congressSetup.subcommittees.dutiesOf', { name })}
                          placeholder={t('congressSetup.subcommittees.memberDuties')}
                          maxLength={MEMBER_DUTIES_MAX}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={2} sm={2}>
                      <Button
                        type="text"
                        danger
                        disabled={disabled}
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('congressSetup.subcommittees.removeMember', { name })}
                        title={t('congressSetup.subcommittees.removeMember', { name })}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                </li>
              );
            })}
          </ol>
        )
      }
    </Form.List>
  );
}

/** A new subcommittee, or one already formed: its name, duties, and members with their roles and duties. */
export function SubcommitteeModal({ plan, subcommittee, kind, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const labels = useSubcommitteeLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SubcommitteeFormValues>();
  const [initial] = useState<SubcommitteeFormValues>(() =>
    subcommittee ? subcommitteeToValues(subcommittee) : emptySubcommittee(kind ?? 'other'),
  );
  const baseRef = useRef<SubcommitteeFormValues>(initial);
  const versionRef = useRef<number | null>(subcommittee?.version ?? null);
  const [picking, setPicking] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const nameOf = useMemberName(plan.organization.id);
  const chosenKind = (Form.useWatch('kind', form) ?? initial.kind) as SubcommitteeKind;
  // Only the standard kinds have a usual name; another subcommittee is named by the clerk.
  const namedByHand = chosenKind === 'other';

  const reload = async () => {
    if (!subcommittee) return;
    const fresh = await queryClient.fetchQuery({ ...planQuery(plan.id), staleTime: 0 });
    const found = fresh.subcommittees.find((s) => s.id === subcommittee.id);
    if (!found) {
      showError(t('congressSetup.subcommittees.gone'));
      onClose();
      return;
    }
    const freshValues = subcommitteeToValues(found);
    const current = form.getFieldsValue(true) as SubcommitteeFormValues;
    form.setFieldsValue(mergeFresh(current, baseRef.current, freshValues));
    baseRef.current = freshValues;
    versionRef.current = found.version;
  };

  // The server's messages from the last attempt go before the next one (the form's own rules passed).
  const clearServerErrors = () =>
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length > 0)
        .map((f) => ({ name: f.name as never, errors: [] })),
    );

  const { mutation, formError } = useFormMutation(form, {
    mutationFn: async (values: SubcommitteeFormValues) => {
      try {
        if (!subcommittee) return await createSubcommittee(plan.id, createSubcommitteeBody(values));
        const patch = subcommitteeChanges(values, baseRef.current);
        if (Object.keys(patch).length === 0) return null;
        return await updateSubcommittee(subcommittee.id, {
          ...patch,
          version: versionRef.current ?? subcommittee.version,
        });
      } catch (error) {
        throw forSubcommitteeForm(error, values.members);
      }
    },
    onSuccess: (list) => {
      if (list) onSaved(list);
      showSuccess(
        subcommittee
          ? t('congressSetup.subcommittees.saved')
          : t('congressSetup.subcommittees.created', { name: list?.at(-1)?.name ?? '' }),
      );
      onClose();
    },
    onConflict: () => {
      modal.confirm({
        title: t('congressSetup.subcommittees.conflict'),
        okText: t('congress.plan.conflictReload'),
        cancelText: t('common.close'),
        onOk: reload,
      });
    },
  });

  const addMember = async (memberId: string | null) => {
    if (!memberId) return;
    const rows = (form.getFieldValue('members') ?? []) as SubcommitteeMemberRow[];
    if (rows.some((r) => r.memberId === memberId)) {
      setPicking(null);
      showError(t('congressSetup.subcommittees.alreadyIn'));
      return;
    }
    setPicking(memberId);
    setAdding(true);
    try {
      const fullName = await nameOf(memberId);
      form.setFieldValue('members', withMember(rows, { memberId, fullName }));
    } catch (error) {
      showError(errorText(error, t('errors.unexpected')));
    } finally {
      setAdding(false);
      setPicking(null);
    }
  };

  const busy = mutation.isPending;
  return (
    <Modal
      open
      title={
        subcommittee
          ? t('congressSetup.subcommittees.editTitle', { name: subcommittee.name })
          : t('congressSetup.subcommittees.addTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: adding }}
      cancelButtonProps={{ disabled: busy }}
      confirmLoading={busy}
      mask={{ closable: false }}
      width={820}
      destroyOnHidden
    >
      <FormError error={formError} />
      <Form<SubcommitteeFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={busy}
        onValuesChange={(changed: Partial<SubcommitteeFormValues>) => {
          // A server message goes once the user changes what it was about.
          if ('name' in changed) form.setFields([{ name: 'name', errors: [] }]);
          if ('duties' in changed) form.setFields([{ name: 'duties', errors: [] }]);
        }}
        onFinish={() => {
          clearServerErrors();
          mutation.mutate(form.getFieldsValue(true) as SubcommitteeFormValues);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            {subcommittee ? (
              <Form.Item label={t('congressSetup.subcommittees.fields.kind')}>
                <Typography.Text>{labels.kind(subcommittee.kind)}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item name="kind" label={t('congressSetup.subcommittees.fields.kind')}>
                <Select options={SUBCOMMITTEE_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))} />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="name"
              label={t('congressSetup.subcommittees.fields.name')}
              extra={
                subcommittee || namedByHand
                  ? undefined
                  : t('congressSetup.subcommittees.hints.name', { name: labels.usualName(chosenKind) })
              }
              rules={
                namedByHand && !subcommittee
                  ? [
                      {
                        required: true,
                        whitespace: true,
                        message: t('validation.required', {
                          field: t('congressSetup.subcommittees.fields.name').toLowerCase(),
                        }),
                      },
                    ]
                  : []
              }
            >
              <Input
                maxLength={NAME_MAX}
                placeholder={namedByHand ? undefined : labels.usualName(chosenKind)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="duties" label={t('congressSetup.subcommittees.fields.duties')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={DUTIES_MAX}
            placeholder={t(`congressSetup.subcommittees.dutiesPlaceholder.${chosenKind}`)}
          />
        </Form.Item>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('congressSetup.subcommittees.members')}
        </Typography.Title>
        <MemberRows disabled={busy} />
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          <label htmlFor="dh-subcommittee-add-member">{t('congressSetup.subcommittees.addMember')}</label>
          <MemberSelect
            id="dh-subcommittee-add-member"
            organizationId={plan.organization.id}
            value={picking}
            onChange={(id) => void addMember(id)}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('congressSetup.subcommittees.hints.addMember', { organization: plan.organization.name })}
          </Typography.Text>
        </Flex>
      </Form>
    </Modal>
  );
}
