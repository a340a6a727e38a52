import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyReply } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from './audit/routes.js';
import { authPlugin } from './auth/plugin.js';
import { authRoutes } from './auth/routes.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import './http/context.js';
import { errorHandler } from './http/error-handler.js';
import { errorBody } from './http/errors.js';
import type { App } from './http/route.js';
import { memberImportRoutes } from './imports/routes.js';
import { calendarRoutes } from './modules/calendar/routes.js';
import { congressRoutes } from './modules/congress/routes.js';
import { disseminationRoutes } from './modules/dissemination/routes.js';
import { documentRoutes } from './modules/documents/routes.js';
import { fileRoutes } from './modules/files/routes.js';
import { memberRoutes } from './modules/members/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { type SystemOptions, systemRoutes } from './modules/system/routes.js';
import { userRoutes } from './modules/users/routes.js';

// Validation messages a user may read come in Vietnamese.
z.config(z.locales.vi());

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean;
  /** The scheduler and the control and metrics tokens, from main.ts. */
  system?: SystemOptions;
}

/** The whole server: used by main.ts, the tests and the benchmarks alike. */
export async function buildApp({ config, database, logger = true, system }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger && {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization'],
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    // Errors the router raises before any route (a malformed %-escape, an over-long parameter) speak our shape.
    frameworkErrors: (err, _req, reply) => {
      const status = err.code === 'FST_ERR_ASYNC_CONSTRAINT' ? 500 : err.statusCode === 414 ? 414 : 400;
      void (reply as FastifyReply).code(status).send(errorBody(status === 500 ? 'INTERNAL' : 'URL_INVALID'));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  // Every API route names its policy action (or says it is public): a route without one cannot start.
  app.addHook('onRoute', (route) => {
    const isApi = route.url.startsWith('/api/') || route.url === '/healthz';
    if (isApi && !route.config?.action)
      throw new Error(`route ${route.method} ${route.url} declares no action`);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'DaiHoi API', version: config.version, description: 'API của DaiHoi' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'daihoi_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: ctx.statusCode, ...errorBody('TOO_MANY_ATTEMPTS') }),
  });
  await app.register(multipart, {
    limits: { fileSize: config.fileMaxBytes, files: 1, fields: 20, fieldSize: 10_000, parts: 30 },
    // Names are checked, not silently cut to their last segment: "../a.pdf" is refused.
    preservePath: true,
  });
  await app.register(authPlugin, { db: database.db, config });

  const deps = { config, database };
  systemRoutes(app, { ...deps, ...system });
  authRoutes(app, deps);
  organizationRoutes(app, deps);
  userRoutes(app, deps);
  auditRoutes(app, deps);
  fileRoutes(app, deps);
  notificationRoutes(app, deps);
  memberRoutes(app, deps);
  documentRoutes(app, deps);
  disseminationRoutes(app, deps);
  congressRoutes(app, deps);
  calendarRoutes(app, deps);
  memberImportRoutes(app, deps);
  await serveWeb(app, config.webDist);
  return app;
}

/**
 * The built web app. Files are looked up at request time (a rebuild is served without a restart); a path
 * that names no file and has no extension is a client-side route and gets index.html; a missing asset is 404.
 */
async function serveWeb(app: App, dist: string | undefined) {
  const hasWeb = dist !== undefined && fs.existsSync(path.join(dist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: dist, wildcard: true, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    const clientRoute =
      req.method === 'GET' && !req.url.startsWith('/api/') && !path.extname(req.url.split('?')[0]!);
    if (hasWeb && clientRoute) return reply.sendFile('index.html');
    return reply.code(404).send(errorBody('NOT_FOUND'));
  });
}
