import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchSystemInfo } from '../features/auth/api';
import { formatDate } from './format';

export function useSystemInfo() {
  return useQuery({ queryKey: ['system-info'], queryFn: fetchSystemInfo, staleTime: 10 * 60_000 });
}

export function DemoBanner() {
  const { t } = useTranslation();
  const { data } = useSystemInfo();
  if (!data?.demo) return null;
  return (
    <Alert
      banner
      type="warning"
      role="status"
      title={t('app.demoBanner', { date: formatDate(data.today) })}
      style={{ textAlign: 'center' }}
    />
  );
}
