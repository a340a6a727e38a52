import { isValidUsername, PASSWORD_MIN_LENGTH } from '@daihoi/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { useFormMutation } from '../../app/useFormMutation';
import type { User } from '../auth/api';
import { createUser, type RoleInput, toRoleInputs, USERS_KEY, updateUser } from './api';
import { RolesField } from './RolesField';

interface UserValues {
  username: string;
  displayName: string;
  password: string;
  active: boolean;
  roles: RoleInput[];
}

const MIN_PASSWORD = PASSWORD_MIN_LENGTH;

function cleanRoles(roles: RoleInput[] | undefined): RoleInput[] {
  return (roles ?? []).map((r) => ({
    role: r.role,
    organizationId: r.role === 'admin' ? null : r.organizationId,
  }));
}

export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserValues>();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [USERS_KEY] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (v: UserValues) =>
      user
        ? updateUser(user.id, {
            version: user.version,
            displayName: v.displayName.trim(),
            roles: cleanRoles(v.roles),
            active: v.active,
          })
        : createUser({
            username: v.username.trim(),
            displayName: v.displayName.trim(),
            password: v.password,
            roles: cleanRoles(v.roles),
          }),
    onSuccess: async (saved) => {
      showSuccess(user ? t('users.updated') : t('users.created', { username: saved.username }));
      await invalidate();
      onClose();
    },
    onConflict: async () => {
      onClose();
      modal.warning({ title: t('errors.conflict') });
      await invalidate();
    },
  });

  const submit = (values: UserValues) => {
    if (user?.active && !values.active) {
      modal.confirm({
        title: t('users.deactivateTitle'),
        content: t('users.deactivateConfirm', { username: user.username }),
        okText: t('users.deactivate'),
        okButtonProps: { danger: true },
        cancelText: t('common.cancel'),
        onOk: () => mutation.mutate(values),
      });
      return;
    }
    mutation.mutate(values);
  };
  const field = (key: string) => t(`users.fields.${key}`).toLowerCase();

  return (
    <Modal
      open
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: mutation.isPending }}
      cancelButtonProps={{ disabled: mutation.isPending }}
      mask={{ closable: false }}
      width={720}
    >
      <FormError error={formError} />
      <Form<UserValues>
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={submit}
        initialValues={
          user
            ? { displayName: user.displayName, active: user.active, roles: toRoleInputs(user.roles) }
            : { active: true, roles: [{ role: 'member', organizationId: null }] }
        }
      >
        {!user && (
          <Form.Item
            name="username"
            label={t('users.fields.username')}
            rules={[
              { required: true, message: t('validation.required', { field: field('username') }) },
              {
                validator: (_, value: string | undefined) =>
                  !value || isValidUsername(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('validation.username'))),
              },
            ]}
          >
            <Input autoComplete="off" maxLength={64} />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.fields.displayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('validation.required', { field: field('displayName') }),
            },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('users.fields.password')}
            rules={[
              { required: true, message: t('validation.required', { field: field('password') }) },
              {
                min: MIN_PASSWORD,
                message: t('validation.minLength', {
                  field: t('users.fields.password'),
                  count: MIN_PASSWORD,
                }),
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {user && (
          <Form.Item name="active" label={t('users.fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item label={t('users.fields.assignments')} required>
          <RolesField existing={user?.roles} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
