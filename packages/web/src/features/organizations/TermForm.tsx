import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT } from '../../app/format';
import { useFormMutation } from '../../app/useFormMutation';
import { createTerm, type OrganizationDetail, type Term, updateTerm } from './api';
import { useInvalidateOrganizations } from './useInvalidateOrganizations';

const TERM_NAME = /^\s*\d{4}\s*[–-]\s*\d{4}\s*$/;

interface TermValues {
  name: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
}

interface Props {
  org: OrganizationDetail;
  term: Term | null;
  onClose: () => void;
}

function suggestedName(org: OrganizationDetail): string | undefined {
  const last = [...org.terms].sort((a, b) => b.endsOn.localeCompare(a.endsOn))[0];
  if (!last) return undefined;
  const from = Number(last.endsOn.slice(0, 4));
  return `${from}–${from + 5}`;
}

export function TermFormModal({ org, term, onClose }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<TermValues>();
  const invalidate = useInvalidateOrganizations();
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (v: TermValues) => {
      const input = {
        name: v.name.trim(),
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        endsOn: v.endsOn.format('YYYY-MM-DD'),
      };
      return term
        ? updateTerm(org.id, term.id, { ...input, version: term.version })
        : createTerm(org.id, input);
    },
    onSuccess: async () => {
      showSuccess(t('organizations.terms.saved'));
      await invalidate();
      onClose();
    },
    onConflict: async () => {
      onClose();
      modal.warning({ title: t('errors.conflict') });
      await invalidate();
    },
  });
  const field = (key: string) => t(`organizations.terms.${key}`).toLowerCase();

  return (
    <Modal
      open
      title={t(term ? 'organizations.terms.editTitle' : 'organizations.terms.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: mutation.isPending }}
      cancelButtonProps={{ disabled: mutation.isPending }}
      mask={{ closable: false }}
    >
      <FormError error={formError} />
      <Form<TermValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        initialValues={
          term
            ? { name: term.name, startsOn: dayjs(term.startsOn), endsOn: dayjs(term.endsOn) }
            : { name: suggestedName(org) }
        }
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item
          name="name"
          label={t('organizations.terms.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: field('name') }) },
            { pattern: TERM_NAME, message: t('validation.termName') },
          ]}
        >
          <Input placeholder={t('organizations.terms.namePlaceholder')} maxLength={20} />
        </Form.Item>
        <Form.Item
          name="startsOn"
          label={t('organizations.terms.startsOn')}
          rules={[{ required: true, message: t('validation.select', { field: field('startsOn') }) }]}
        >
          <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('organizations.terms.endsOn')}
          dependencies={['startsOn']}
          rules={[
            { required: true, message: t('validation.select', { field: field('endsOn') }) },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) => {
                const start: Dayjs | undefined = getFieldValue('startsOn');
                return !value || !start || value.isAfter(start, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.endBeforeStart')));
              },
            }),
          ]}
        >
          <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
