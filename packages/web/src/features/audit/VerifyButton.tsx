import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { verifyQuery } from './api';

export function VerifyButton() {
  const { t } = useTranslation();
  const verify = useQuery(verifyQuery());
  const result = verify.data;
  return (
    <Flex vertical gap={8} align="flex-start">
      <Button
        icon={<SafetyCertificateOutlined aria-hidden />}
        loading={verify.isFetching}
        onClick={() => verify.refetch()}
      >
        {t('audit.verify')}
      </Button>
      {!verify.isFetching && result?.ok === true && (
        <Alert role="status" type="success" showIcon title={t('audit.verifyOk', { count: result.events })} />
      )}
      {!verify.isFetching && result?.ok === false && (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={t('audit.verifyBroken', {
            seq: result.brokenAt.seq,
            id: result.brokenAt.id,
            count: result.events,
          })}
        />
      )}
      {!verify.isFetching && verify.error && (
        <Alert role="alert" type="error" showIcon title={verify.error.message} />
      )}
    </Flex>
  );
}
