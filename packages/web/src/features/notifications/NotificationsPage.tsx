import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Skeleton, Switch, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Notification, notificationsQuery } from './api';
import { NotificationItem } from './NotificationItem';
import { useNotificationActions } from './useNotificationActions';

export default function NotificationsPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useInfiniteQuery(notificationsQuery(unreadOnly));
  const { readOne, readAll } = useNotificationActions();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = query.data?.pages[0]?.unreadCount ?? 0;
  const open = (n: Notification) => {
    if (n.readAt === null) readOne.mutate(n.id);
  };

  return (
    <Card>
      <Flex wrap justify="space-between" align="center" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('notifications.title')}
          {unread > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 14, marginInlineStart: 8, fontWeight: 400 }}>
              {t('notifications.unreadCount', { count: unread })}
            </Typography.Text>
          )}
        </Typography.Title>
        <Flex wrap gap={16} align="center">
          <Flex gap={8} align="center">
            <Switch id="notifications-unread" size="small" checked={unreadOnly} onChange={setUnreadOnly} />
            <label htmlFor="notifications-unread">{t('notifications.onlyUnread')}</label>
          </Flex>
          <Button disabled={unread === 0} loading={readAll.isPending} onClick={() => readAll.mutate()}>
            {t('notifications.markAllRead')}
          </Button>
        </Flex>
      </Flex>
      {query.isPending ? (
        <Skeleton active />
      ) : query.error ? (
        <Typography.Text type="danger">{query.error.message}</Typography.Text>
      ) : items.length === 0 ? (
        <Empty description={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')} />
      ) : (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((n, i) => (
            <li
              key={n.id}
              style={{
                padding: '12px 0',
                borderTop: i > 0 ? `1px solid ${token.colorBorderSecondary}` : undefined,
              }}
            >
              <NotificationItem notification={n} onOpen={open} onMarkRead={(x) => readOne.mutate(x.id)} />
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
