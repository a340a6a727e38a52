import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { useFormMutation } from '../../app/useFormMutation';
import { DISTRIBUTIONS_KEY, type Distribution, DOCUMENTS_KEY, reportImplementation } from './api';
import { DocumentSelect } from './DocumentSelect';
import { type PickedDocument, withFormErrors } from './form';
import { checkNumber, documentLabel } from './format';

interface Values {
  number?: string;
  documentId?: PickedDocument | null;
  note?: string;
}

const FIELDS = ['number', 'documentId', 'note'] as const;

/** The receiving committee reports how it implemented a document: its own document, or a note. */
export function ReportModal({ distribution, onClose }: { distribution: Distribution; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (v: Values) =>
      withFormErrors(() => {
        const body: { number?: string; documentId?: string; note?: string } = {};
        if (v.number?.trim()) body.number = v.number.trim();
        if (v.documentId?.value) body.documentId = v.documentId.value;
        if (v.note?.trim()) body.note = v.note.trim();
        return reportImplementation(distribution.id, body);
      }, FIELDS),
    onSuccess: async () => {
      showSuccess(t('documents.incoming.reported'));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [DISTRIBUTIONS_KEY] }),
        queryClient.invalidateQueries({ queryKey: [DOCUMENTS_KEY, 'detail', distribution.document.id] }),
      ]);
      onClose();
    },
  });

  const numberRule: Rule = {
    validator: async (_, value: string | undefined) => {
      if (!value?.trim()) return;
      const check = checkNumber(value, undefined);
      if (!check.ok && check.reason === 'invalid') throw new Error(check.message);
    },
  };
  /** One of the three is enough; the message stands under the note, as the server puts it. */
  const oneOf: Rule = {
    validator: async () => {
      const v = form.getFieldsValue(true) as Values;
      if (v.number?.trim() || v.documentId?.value || v.note?.trim()) return;
      throw new Error(t('documents.incoming.reportRequired'));
    },
  };

  return (
    <Modal
      open
      title={t('documents.incoming.reportTitle', { label: documentLabel(distribution.document) })}
      onCancel={onClose}
      okText={t('documents.incoming.report')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: mutation.isPending }}
      onOk={() => form.submit()}
      width={640}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{distribution.document.summary}</Typography.Paragraph>
      <FormError error={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(v) => mutation.mutate(v)}
        onValuesChange={() => {
          if (form.getFieldError('note').length > 0) void form.validateFields(['note']);
        }}
      >
        <Form.Item
          name="number"
          label={t('documents.incoming.reportNumber')}
          rules={[numberRule]}
          extra={t('documents.incoming.reportNumberHint')}
          hasFeedback
        >
          <Input maxLength={60} autoComplete="off" />
        </Form.Item>
        <Form.Item name="documentId" label={t('documents.incoming.reportDocument')}>
          <DocumentSelect organizationId={distribution.organization.id} />
        </Form.Item>
        <Form.Item name="note" label={t('documents.incoming.reportNote')} rules={[oneOf]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
