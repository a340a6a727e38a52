import { z } from 'zod';
import { pageQuery } from '../../http/paging.js';

export const listNotificationsQuery = z.strictObject({
  ...pageQuery,
  unread: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export const notificationParams = z.strictObject({ id: z.uuid() });

export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;
