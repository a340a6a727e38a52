import { z } from 'zod';
import type { notifications } from './tables.js';

export const notificationOut = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationPageOut = z.object({
  items: z.array(notificationOut),
  nextCursor: z.string().nullable(),
  unreadCount: z.number(),
});

export const readAllOut = z.object({ updated: z.number() });

export type NotificationRow = typeof notifications.$inferSelect;

export const presentNotification = (n: NotificationRow): z.infer<typeof notificationOut> => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  link: n.link,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});
