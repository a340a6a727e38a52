import { BellOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Divider, Empty, Flex, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { bellQuery, type Notification } from './api';
import { NotificationItem } from './NotificationItem';
import { useNotificationActions } from './useNotificationActions';

export const NOTIFICATIONS_PATH = '/notifications';

/** The header bell: the unread count (polled every minute) and the latest notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const enabled = !session.user.mustChangePassword;
  const { data, error, isPending } = useQuery({ ...bellQuery(), enabled });
  const { readOne, readAll } = useNotificationActions();
  if (!enabled) return null;

  const unread = data?.unreadCount ?? 0;
  const openItem = (n: Notification) => {
    setOpen(false);
    if (n.readAt === null) readOne.mutate(n.id);
  };
  const button = (
    <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]}>
      <Button
        type="text"
        shape="circle"
        icon={<BellOutlined aria-hidden style={{ fontSize: 18 }} />}
        aria-label={t('notifications.bell', { count: unread })}
        onClick={isPhone ? () => navigate(NOTIFICATIONS_PATH) : undefined}
      />
    </Badge>
  );
  if (isPhone) return button;

  const items = data?.items ?? [];
  const content = (
    <Flex vertical style={{ width: 360, maxWidth: '80vw' }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={readAll.isPending}
          onClick={() => readAll.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      <Divider style={{ margin: '8px 0' }} />
      {error ? (
        <Typography.Text type="danger">{error.message}</Typography.Text>
      ) : items.length === 0 && !isPending ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <Flex vertical gap={12} style={{ maxHeight: 420, overflowY: 'auto' }}>
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              notification={n}
              compact
              onOpen={openItem}
              onMarkRead={(x) => readOne.mutate(x.id)}
            />
          ))}
        </Flex>
      )}
      <Divider style={{ margin: '8px 0' }} />
      <Link to={NOTIFICATIONS_PATH} onClick={() => setOpen(false)} style={{ textAlign: 'center' }}>
        {t('notifications.viewAll')}
      </Link>
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content}>
      {button}
    </Popover>
  );
}
