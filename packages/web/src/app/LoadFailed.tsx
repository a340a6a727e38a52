import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './forms';

// The one alert a failed query shows inside a page: what could not be loaded, why, and a retry.
export function LoadFailed({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry: () => unknown;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={errorText(error, t('errors.unexpected'))}
      action={
        <Button size="small" onClick={() => void onRetry()}>
          {t('app.retry')}
        </Button>
      }
    />
  );
}
