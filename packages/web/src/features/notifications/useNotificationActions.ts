import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showSuccess } from '../../app/feedback';
import { markAllRead, markRead, NOTIFICATIONS_KEY } from './api';

export function useNotificationActions() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [NOTIFICATIONS_KEY] });
  const readOne = useMutation({ mutationFn: markRead, onSuccess: refresh });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: (result) => {
      showSuccess(t('notifications.allRead', { count: result.updated }));
      return refresh();
    },
  });
  return { readOne, readAll };
}
