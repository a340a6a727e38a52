import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { useFormMutation } from '../../app/useFormMutation';
import { moveOrganization, type OrganizationDetail } from './api';
import { OrganizationSelect } from './OrganizationSelect';
import { useInvalidateOrganizations } from './useInvalidateOrganizations';

export function MoveOrganizationModal({ org, onClose }: { org: OrganizationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ parentId: string | null }>();
  const invalidate = useInvalidateOrganizations();
  const parent = org.ancestors.at(-1);
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: ({ parentId }: { parentId: string }) => moveOrganization(org.id, parentId, org.version),
    onSuccess: async () => {
      showSuccess(t('organizations.moved'));
      await invalidate();
      onClose();
    },
    onConflict: async () => {
      onClose();
      modal.warning({ title: t('errors.conflict') });
      await invalidate();
    },
  });

  return (
    <Modal
      open
      title={t('organizations.moveTitle', { name: org.name })}
      okText={t('organizations.move')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: mutation.isPending }}
      cancelButtonProps={{ disabled: mutation.isPending }}
      mask={{ closable: false }}
    >
      <FormError error={formError} />
      <Alert type="info" showIcon title={t('organizations.moveHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ parentId: parent?.id ?? null }}
        disabled={mutation.isPending}
        onFinish={({ parentId }) => parentId && mutation.mutate({ parentId })}
      >
        <Form.Item
          name="parentId"
          label={t('organizations.moveTo')}
          rules={[
            {
              required: true,
              message: t('validation.select', { field: t('organizations.moveTo').toLowerCase() }),
            },
          ]}
        >
          <OrganizationSelect
            excludeIds={[org.id]}
            initialOptions={parent ? [{ value: parent.id, label: `${parent.name} (${parent.code})` }] : []}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
