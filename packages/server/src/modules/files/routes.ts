import type { Readable } from 'node:stream';
import type { Multipart } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Ctx } from '../../http/context.js';
import { AppError, badRequest } from '../../http/errors.js';
import { pageOf } from '../../http/paging.js';
import { type App, ctxOf, type Deps } from '../../http/route.js';
import { ACCEPTED_EXTENSIONS, contentDisposition, MIME } from './content.js';
import { fileLimitsOut, fileOut, uploadedFileOut } from './presenter.js';
import { fileParams, listFilesQuery, uploadFields } from './schema.js';
import { deleteFile, downloadFile, type IncomingFile, listFiles, uploadFile } from './service.js';

const tags = ['Tệp đính kèm'];

const formatMb = (bytes: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));

/** The multipart parser's refusals, as the API's own errors. */
function multipartError(err: unknown, maxBytes: number): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(
        413,
        'FILE_TOO_LARGE',
        { maxBytes },
        `Tệp vượt quá dung lượng cho phép (tối đa ${formatMb(maxBytes)} MB).`,
      );
    case 'FST_FILES_LIMIT':
      return badRequest('FILE_ONE_ONLY');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(415, 'FILE_NOT_MULTIPART');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return badRequest('VALIDATION_FAILED');
    case 'FST_MP_PREMATURE_CLOSE':
      return badRequest('FILE_UPLOAD_INCOMPLETE');
  }
  // busboy's own complaints about a malformed body ("Unexpected end of form", "Malformed part header").
  if (err instanceof Error && code === undefined && /form|part|boundary|multipart/i.test(err.message)) {
    return badRequest('FILE_UPLOAD_INCOMPLETE');
  }
  return err;
}

/**
 * Reads the whole multipart body: its text fields (checked against `schema`) and the one `file` part (at most
 * `maxBytes`, refused while it arrives).
 */
export async function readUpload<S extends z.ZodType>(
  req: FastifyRequest,
  maxBytes: number,
  schema: S,
): Promise<{ fields: z.infer<S>; file: IncomingFile | null }> {
  if (!req.isMultipart()) throw new AppError(415, 'FILE_NOT_MULTIPART');
  const fields: Record<string, string> = {};
  const unexpected: string[] = [];
  let file: IncomingFile | null = null;
  try {
    const parts = req.parts({ limits: { fileSize: maxBytes } }) as AsyncIterableIterator<Multipart>;
    for await (const part of parts) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        // A browser sends an empty, nameless part for a file input left empty.
        if (part.fieldname !== 'file') unexpected.push(part.fieldname);
        else if (part.filename || content.length > 0) file = { filename: part.filename, content };
      } else if (part.fieldname in fields || typeof part.value !== 'string') {
        unexpected.push(part.fieldname);
      } else {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    throw multipartError(err, maxBytes);
  }
  if (unexpected.length > 0) {
    throw badRequest(
      'VALIDATION_FAILED',
      unexpected.map((name) => ({ path: `body.${name}`, message: 'Trường không mong đợi hoặc bị lặp.' })),
    );
  }
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    throw badRequest(
      'VALIDATION_FAILED',
      parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message })),
    );
  }
  return { fields: parsed.data, file };
}

/** Sends a generated file (an export, a document) that no cache may keep, under a Vietnamese file name. */
export function sendDownload(reply: FastifyReply, type: string, fileName: string, body: Buffer | Readable) {
  return reply
    .type(type)
    .header('content-disposition', contentDisposition(fileName))
    .header('cache-control', 'private, no-store')
    .send(body);
}

const noFields = z.strictObject({});

/**
 * Receives the one `file` part of a multipart body for a record of another module, once that module has
 * checked the actor's right on the record; the upload's own checks (name, size, real type) follow.
 */
export async function uploadToRecord(
  req: FastifyRequest,
  ctx: Ctx,
  maxBytes: number,
  record: { organizationId: string; entity: string; entityId: string },
) {
  const { file } = await readUpload(req, maxBytes, noFields);
  return uploadFile(ctx, { ...record, restricted: false }, file);
}

export function fileRoutes(app: App, deps: Deps) {
  const maxBytes = deps.config.fileMaxBytes;

  app.post(
    '/api/v1/files',
    {
      config: { action: 'file.upload' },
      schema: {
        tags,
        consumes: ['multipart/form-data'],
        description:
          'Fields organizationId, entity?, entityId?, restricted? ("true"), then the part `file`. PDF, DOCX, XLSX, PNG, JPEG.',
        response: { 201: uploadedFileOut },
      },
    },
    async (req, reply) => {
      const { fields, file } = await readUpload(req, maxBytes, uploadFields);
      return reply.code(201).send(await uploadFile(ctxOf(deps, req), fields, file));
    },
  );
  app.get(
    '/api/v1/files',
    {
      config: { action: 'file.read' },
      schema: { tags, querystring: listFilesQuery, response: { 200: pageOf(fileOut) } },
    },
    (req) => listFiles(ctxOf(deps, req), req.query),
  );
  app.get(
    '/api/v1/files/limits',
    { config: { action: 'file.read' }, schema: { tags, response: { 200: fileLimitsOut } } },
    async (): Promise<z.infer<typeof fileLimitsOut>> => ({
      maxBytes,
      extensions: ACCEPTED_EXTENSIONS,
      types: Object.values(MIME),
    }),
  );
  app.get(
    '/api/v1/files/:id',
    {
      // A HEAD would count as a download of a restricted file without one taking place.
      exposeHeadRoute: false,
      config: { action: 'file.read' },
      schema: { tags, params: fileParams },
    },
    async (req, reply) => {
      const file = await downloadFile(ctxOf(deps, req), req.params.id);
      return reply
        .header('content-disposition', contentDisposition(file.name))
        .header('cache-control', 'private, no-store')
        .header('x-checksum-sha256', file.sha256)
        .type(file.type)
        .send(file.content);
    },
  );
  app.delete(
    '/api/v1/files/:id',
    { config: { action: 'file.delete' }, schema: { tags, params: fileParams } },
    async (req, reply) => {
      await deleteFile(ctxOf(deps, req), req.params.id);
      return reply.code(204).send();
    },
  );
}
