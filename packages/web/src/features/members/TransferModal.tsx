import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { useSystemInfo } from '../../app/DemoBanner';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatDate } from '../../app/format';
import { isSessionError } from '../../app/queryClient';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { MEMBERS_KEY, type MemberDetail, memberQuery, type TransferInput, transferMember } from './api';
import { serverFieldMessages } from './form';
import { newestTransfer } from './transfers';

interface Values {
  kind: 'inside' | 'outside';
  toOrganizationId?: string | null;
  destination?: string;
  transferredOn?: Dayjs | null;
  reason?: string;
}

const FIELDS = ['toOrganizationId', 'destination', 'transferredOn', 'reason'] as const;

export function TransferModal({ member, onClose }: { member: MemberDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = useSystemInfo().data?.today;
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'inside';
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    meta: { silent: true },
    mutationFn: (v: Values) => {
      const input: TransferInput = { transferredOn: (v.transferredOn as Dayjs).format('YYYY-MM-DD') };
      if (v.kind === 'inside' && v.toOrganizationId) input.toOrganizationId = v.toOrganizationId;
      if (v.kind === 'outside') input.destination = v.destination?.trim();
      if (v.reason?.trim()) input.reason = v.reason.trim();
      return transferMember(member.id, input);
    },
    onMutate: () => setFormError(null),
    onSuccess: async (saved) => {
      queryClient.setQueryData(memberQuery(saved.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: [MEMBERS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      const latest = newestTransfer(saved.transfers);
      showSuccess(
        latest?.status === 'pending'
          ? t('members.transfer.pendingSaved', { date: formatDate(latest.transferredOn) })
          : t('members.transfer.applied'),
      );
      onClose();
    },
    onError: (error) => {
      if (isSessionError(error)) return;
      if (!isApiError(error)) return setFormError(t('errors.unexpected'));
      const fields = serverFieldMessages(error.code, error.message, error.details, FIELDS, {
        MEMBER_TRANSFER_SAME_ORGANIZATION: 'toOrganizationId',
        ORG_NOT_FOUND: 'toOrganizationId',
      });
      if (fields.length > 0)
        form.setFields(fields.map((f) => ({ name: f.field as keyof Values, errors: [f.message] })));
      setFormError(error.message);
    },
  });

  // `required` alone accepts a date object; with `whitespace` the rule would expect a string.
  const required = (key: string, select = false) => ({
    required: true,
    ...(select ? {} : { whitespace: true }),
    message: t(select ? 'validation.select' : 'validation.required', {
      field: t(`members.transfer.${key}`).toLowerCase(),
    }),
  });

  return (
    <Modal
      open
      title={t('members.transfer.title', { name: member.fullName })}
      okText={t('members.transfer.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: save.isPending }}
      cancelButtonProps={{ disabled: save.isPending }}
      mask={{ closable: false }}
      width={600}
    >
      <FormError error={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={save.isPending}
        initialValues={{ kind: 'inside', transferredOn: today ? dayjs(today) : null }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item label={t('members.transfer.from')}>
          <span>{member.organizationName}</span>
        </Form.Item>
        <Form.Item name="kind" label={t('members.transfer.kind')}>
          <Radio.Group
            options={[
              { value: 'inside', label: t('members.transfer.inside') },
              { value: 'outside', label: t('members.transfer.outside') },
            ]}
          />
        </Form.Item>
        {kind === 'inside' ? (
          <Form.Item
            name="toOrganizationId"
            label={t('members.transfer.toOrganization')}
            rules={[required('toOrganization', true)]}
          >
            <OrganizationSelect excludeIds={[member.organizationId]} />
          </Form.Item>
        ) : (
          <Form.Item
            name="destination"
            label={t('members.transfer.destination')}
            rules={[required('destination')]}
            extra={t('members.transfer.destinationHint')}
          >
            <Input maxLength={300} />
          </Form.Item>
        )}
        <Form.Item
          name="transferredOn"
          label={t('members.transfer.transferredOn')}
          rules={[required('transferredOn', true)]}
          extra={t('members.transfer.dateHint')}
        >
          <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('members.transfer.reason')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
