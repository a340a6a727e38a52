import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTimestamp } from '../../app/format';
import { isAppLink, type Notification } from './api';

export interface NotificationItemProps {
  notification: Notification;
  /** Following the link marks the notification read. */
  onOpen: (n: Notification) => void;
  onMarkRead?: (n: Notification) => void;
  compact?: boolean;
}

export function NotificationItem({ notification: n, onOpen, onMarkRead, compact }: NotificationItemProps) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const title = (
    <Typography.Text strong={unread} style={{ display: 'block' }}>
      {n.title}
    </Typography.Text>
  );
  return (
    <Flex gap={10} align="flex-start" style={{ width: '100%' }}>
      <Badge
        status={unread ? 'processing' : 'default'}
        aria-label={unread ? t('notifications.unread') : undefined}
      />
      <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
        {isAppLink(n.link) ? (
          <Link to={n.link} onClick={() => onOpen(n)}>
            {title}
          </Link>
        ) : (
          title
        )}
        {n.body && (
          <Typography.Paragraph
            type="secondary"
            ellipsis={compact ? { rows: 2 } : false}
            style={{ margin: 0 }}
          >
            {n.body}
          </Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTimestamp(n.createdAt)}
        </Typography.Text>
      </Flex>
      {unread && onMarkRead && (
        <Button
          size="small"
          type="text"
          icon={<CheckOutlined aria-hidden />}
          aria-label={`${t('notifications.markRead')}: ${n.title}`}
          title={t('notifications.markRead')}
          onClick={() => onMarkRead(n)}
        />
      )}
    </Flex>
  );
}
