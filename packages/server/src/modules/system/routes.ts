import { z } from 'zod';
import type { App, Deps } from '../../http/route.js';

const infoOut = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  today: z.string(),
  database: z.enum(['embedded', 'server']),
});

export function systemRoutes(app: App, deps: Deps) {
  app.get('/healthz', { config: { action: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/api/v1/system/info',
    { config: { action: 'public' }, schema: { tags: ['Hệ thống'], response: { 200: infoOut } } },
    async () => ({
      name: 'DaiHoi',
      version: deps.config.version,
      demo: deps.config.demo,
      today: deps.config.clock.today(),
      database: deps.database.kind,
    }),
  );
  app.get('/api/openapi.json', { config: { action: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
