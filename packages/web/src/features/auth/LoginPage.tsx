import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { DemoBanner } from '../../app/DemoBanner';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { FullPageSpin } from '../../app/RequireAuth';
import { SESSION_KEY, takeSignedOut, useSession } from '../../app/session';
import { login } from './api';

interface LoginValues {
  username: string;
  password: string;
}

function useRedirectTarget(): string {
  const location = useLocation();
  const from = (location.state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login')
    ? from
    : '/organizations';
}

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const target = useRedirectTarget();
  const session = useSession();
  const [signedOut] = useState(takeSignedOut);
  const signIn = useMutation({
    mutationFn: (values: LoginValues) => login(values.username.trim(), values.password),
    meta: { silent: true },
    onSuccess: (data) => {
      queryClient.setQueryData(SESSION_KEY, data);
      navigate(target, { replace: true });
    },
  });

  if (session.isPending) return <FullPageSpin />;
  if (session.data && !signIn.isPending) return <Navigate to={target} replace />;

  return (
    <Flex vertical style={{ minHeight: '100vh' }}>
      <DemoBanner />
      <Flex justify="flex-end" style={{ padding: 12 }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: '0 16px 48px' }}>
        <Card style={{ width: '100%', maxWidth: 420 }}>
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24, textAlign: 'center' }}>
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <Typography.Title level={1} style={{ margin: '8px 0 0', fontSize: 28 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </Flex>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {t('auth.signInTitle')}
          </Typography.Title>
          {signedOut && !signIn.error && (
            <Alert
              type="success"
              showIcon
              role="status"
              title={t('auth.signedOut')}
              style={{ marginBottom: 16 }}
            />
          )}
          {signIn.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={signIn.error.message}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<LoginValues>
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => signIn.mutate(values)}
            disabled={signIn.isPending}
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('validation.required', { field: t('auth.username').toLowerCase() }),
                },
              ]}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[
                {
                  required: true,
                  message: t('validation.required', { field: t('auth.password').toLowerCase() }),
                },
              ]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
              {t('auth.signIn')}
            </Button>
          </Form>
        </Card>
      </Flex>
    </Flex>
  );
}
