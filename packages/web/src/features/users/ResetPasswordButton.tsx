import { KeyOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../auth/api';
import { resetPassword, USERS_KEY } from './api';

export function ResetPasswordButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => resetPassword(user.id),
    onSuccess: ({ temporaryPassword }) => {
      void queryClient.invalidateQueries({ queryKey: [USERS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      modal.info({
        title: t('users.temporaryTitle'),
        okText: t('common.close'),
        content: (
          <Flex vertical gap={8}>
            <Typography.Text>{t('users.temporaryHint', { username: user.username })}</Typography.Text>
            <Typography.Text code copyable style={{ fontSize: 18 }} aria-label={t('users.temporaryTitle')}>
              {temporaryPassword}
            </Typography.Text>
          </Flex>
        ),
      });
    },
  });
  return (
    <Popconfirm
      title={t('users.resetPassword')}
      description={t('users.resetConfirm', { username: user.username })}
      okText={t('users.resetPassword')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: reset.isPending }}
      onConfirm={() => reset.mutateAsync().catch(() => undefined)}
    >
      <Button size="small" icon={<KeyOutlined aria-hidden />} loading={reset.isPending}>
        {t('users.resetPassword')}
      </Button>
    </Popconfirm>
  );
}
