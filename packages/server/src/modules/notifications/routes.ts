import { type App, ctxOf, type Deps } from '../../http/route.js';
import { notificationOut, notificationPageOut, readAllOut } from './presenter.js';
import { listNotificationsQuery, notificationParams } from './schema.js';
import { listNotifications, markAllRead, markRead } from './service.js';

const tags = ['Thông báo'];

export function notificationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/notifications',
    {
      config: { action: 'notification.read' },
      schema: { tags, querystring: listNotificationsQuery, response: { 200: notificationPageOut } },
    },
    (req) => listNotifications(ctxOf(deps, req), req.query),
  );
  app.post(
    '/api/v1/notifications/read-all',
    { config: { action: 'notification.read' }, schema: { tags, response: { 200: readAllOut } } },
    (req) => markAllRead(ctxOf(deps, req)),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { action: 'notification.read' },
      schema: { tags, params: notificationParams, response: { 200: notificationOut } },
    },
    (req) => markRead(ctxOf(deps, req), req.params.id),
  );
}
