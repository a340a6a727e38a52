import { z } from 'zod';
import { type App, ctxOf, type Deps } from '../http/route.js';
import { contentDisposition, MIME } from '../modules/files/content.js';
import { readUpload } from '../modules/files/routes.js';
import { membersImporter } from './members.js';
import { type Importer, ImportPipeline } from './pipeline.js';

const countsOut = z.object({
  new: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
});

export const importJobOut = z.object({
  id: z.string(),
  kind: z.string(),
  organizationId: z.string(),
  fileName: z.string(),
  /** parsing → preview | failed; preview → committed */
  status: z.string(),
  totalRows: z.number(),
  processedRows: z.number(),
  counts: countsOut,
  /** The first rejected rows' reasons: row as in the spreadsheet, field as its column header. */
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
  /** Why a failed import failed. */
  message: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const committedOut = z.object({ id: z.string(), status: z.literal('committed'), counts: countsOut });

const importParams = z.strictObject({ id: z.uuid() });
const uploadFields = z.strictObject({ organizationId: z.uuid() });

export interface ImportRouteOptions<Row, State> {
  /** e.g. '/api/v1/member-imports' */
  path: string;
  importer: Importer<Row, State>;
  tags: string[];
}

/**
 * The five routes of one importer: template, upload, progress and preview, error report, confirm. Later
 * importers (ratings, pledges, targets) register theirs with their own path.
 */
export function importRoutes<Row, State>(
  app: App,
  deps: Deps,
  { path, importer, tags }: ImportRouteOptions<Row, State>,
) {
  const pipeline = new ImportPipeline(importer, {
    db: deps.database.db,
    clock: deps.config.clock,
    maxBytes: deps.config.importMaxBytes,
    log: app.log,
  });
  app.addHook('onClose', () => pipeline.close());
  const action = importer.action;

  app.get(
    `${path}/template.xlsx`,
    {
      config: { action },
      schema: { tags, description: 'Tệp mẫu: tiêu đề cột, một dòng ví dụ và trang «Hướng dẫn».' },
    },
    async (req, reply) => {
      const content = await pipeline.template(ctxOf(deps, req).actor);
      return reply
        .header(
          'content-disposition',
          contentDisposition(`Mẫu nhập ${importer.sheetName.toLowerCase()}.xlsx`),
        )
        .header('cache-control', 'private, no-store')
        .type(MIME.xlsx)
        .send(content);
    },
  );
  app.post(
    path,
    {
      config: { action },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description:
          'Fields organizationId, then the part `file` (.xlsx or .csv UTF-8). Answers 202 at once; rows are checked in the background.',
        response: { 202: importJobOut },
      },
    },
    async (req, reply) => {
      const { fields, file } = await readUpload(req, pipeline.maxBytes, uploadFields);
      return reply.code(202).send(await pipeline.upload(ctxOf(deps, req), fields.organizationId, file));
    },
  );
  app.get(
    `${path}/:id`,
    { config: { action }, schema: { tags, params: importParams, response: { 200: importJobOut } } },
    (req) => pipeline.get(ctxOf(deps, req), req.params.id),
  );
  app.get(
    `${path}/:id/errors.xlsx`,
    { config: { action }, schema: { tags, params: importParams } },
    async (req, reply) => {
      const report = await pipeline.errorsReport(ctxOf(deps, req), req.params.id);
      return reply
        .header('content-disposition', contentDisposition(report.fileName))
        .header('cache-control', 'private, no-store')
        .type(MIME.xlsx)
        .send(report.stream);
    },
  );
  app.post(
    `${path}/:id/commit`,
    { config: { action }, schema: { tags, params: importParams, response: { 200: committedOut } } },
    (req) => pipeline.commit(ctxOf(deps, req), req.params.id),
  );
  return pipeline;
}

export function memberImportRoutes(app: App, deps: Deps) {
  return importRoutes(app, deps, {
    path: '/api/v1/member-imports',
    importer: membersImporter,
    tags: ['Nhập đảng viên'],
  });
}
