import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { request } from '../../app/api';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

export const NOTIFICATIONS_KEY = 'notifications';
/** The bell polls this often for the unread count. */
export const POLL_MS = 60_000;
const PAGE_SIZE = 30;

export const bellQuery = () =>
  queryOptions({
    queryKey: [NOTIFICATIONS_KEY, 'bell'],
    queryFn: ({ signal }) => request<NotificationPage>('/notifications', { query: { limit: 8 }, signal }),
    refetchInterval: POLL_MS,
    staleTime: 0,
  });

export const notificationsQuery = (unreadOnly: boolean) =>
  infiniteQueryOptions({
    queryKey: [NOTIFICATIONS_KEY, 'list', { unreadOnly }],
    queryFn: ({ pageParam, signal }) =>
      request<NotificationPage>('/notifications', {
        query: { unread: unreadOnly || undefined, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const markRead = (id: string) =>
  request<Notification>(`/notifications/${id}/read`, { method: 'POST' });

export const markAllRead = () => request<{ updated: number }>('/notifications/read-all', { method: 'POST' });

/** Only paths inside the app are followed. */
export const isAppLink = (link: string | null): link is string =>
  !!link && link.startsWith('/') && !link.startsWith('//');
