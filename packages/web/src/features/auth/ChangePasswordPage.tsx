import { PASSWORD_MIN_LENGTH } from '@daihoi/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showSuccess } from '../../app/feedback';
import { applyFieldErrors } from '../../app/forms';
import { SESSION_KEY, useCurrentSession } from '../../app/session';
import { changePassword, fetchSession } from './api';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const MIN_LENGTH = PASSWORD_MIN_LENGTH;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PasswordValues>();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const forced = session.user.mustChangePassword;
  const save = useMutation({
    mutationFn: (v: PasswordValues) => changePassword(v.currentPassword, v.newPassword),
    onSuccess: async () => {
      showSuccess(t('auth.passwordChanged'));
      queryClient.setQueryData(SESSION_KEY, await fetchSession());
      navigate('/organizations', { replace: true });
    },
    onError: (error) => applyFieldErrors(form, error),
  });
  const label = (key: string) => t(key).toLowerCase();

  return (
    <Card title={t('auth.changePasswordTitle')} style={{ maxWidth: 480, margin: '0 auto' }}>
      {forced && <Alert type="warning" showIcon title={t('auth.mustChange')} style={{ marginBottom: 16 }} />}
      <Form<PasswordValues>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        disabled={save.isPending}
      >
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[
            { required: true, message: t('validation.required', { field: label('auth.currentPassword') }) },
          ]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('validation.required', { field: label('auth.newPassword') }) },
            {
              min: MIN_LENGTH,
              message: t('validation.minLength', { field: t('auth.newPassword'), count: MIN_LENGTH }),
            },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('validation.passwordSame')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required', { field: label('auth.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('auth.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}
