import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../audit/service.js';
import { can, reachCondition } from '../../auth/policy.js';
import type { DbOrTx, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { inTransaction } from '../../db/tx.js';
import type { Ctx } from '../../http/context.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { decodeCursor, page } from '../../http/paging.js';
import { notify } from '../notifications/service.js';
import { findVisible } from '../organizations/service.js';
import { organizations } from '../organizations/tables.js';
import { users } from '../users/tables.js';
import { checkContent, cleanFileName, sha256Hex } from './content.js';
import { auditedFile, type FileMeta, type FileOut, type FileRow, presentFile } from './presenter.js';
import type { ListFilesQuery, UploadFields } from './schema.js';
import { files } from './tables.js';

const f = files;
/** A cursor's id part; anything else would fail in SQL rather than as a bad request. */
const UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const { content: _content, ...metaColumns } = getTableColumns(files);
const uploaderColumns = { id: users.id, displayName: users.displayName };

/** Which files the actor may read: those of organizations within reach, decided in SQL. */
const readable = (ctx: Ctx) => reachCondition(ctx.actor, 'file.read', organizations.path, organizations.id);

/** The organization a record of some kind belongs to; null when there is no such record. */
export type OrganizationOf = (db: DbOrTx, entityId: string) => Promise<string | null>;

/**
 * Kinds of records a file may be attached to at upload time (fields `entity` + `entityId`), each with the
 * way to find the organization that owns a record. An organization owns its own files. Modules whose records
 * take attachments at upload register here; otherwise they attach through `attachFiles` on their own routes.
 */
const attachable = new Map<string, OrganizationOf>([['organization', async (_db, id) => id]]);

export function registerAttachable(entity: string, organizationOf: OrganizationOf): void {
  attachable.set(entity, organizationOf);
}

export interface IncomingFile {
  /** The name the client gave, unchecked. */
  filename: string | undefined;
  content: Buffer;
}

/**
 * Stores one uploaded file of an organization within the actor's upload reach. The name, the size and the
 * real type (from the bytes) are checked before anything is written; the write and its audit event commit
 * together.
 */
export async function uploadFile(ctx: Ctx, fields: UploadFields, file: IncomingFile | null) {
  const org = await findVisible(ctx.db, ctx.actor, fields.organizationId);
  if (!can(ctx.actor, 'file.upload', org)) throw forbidden();
  if (!file) throw badRequest('FILE_REQUIRED');
  const name = cleanFileName(file.filename);
  if (file.content.length === 0) throw badRequest('FILE_EMPTY');
  const type = await checkContent(name, file.content);
  if (fields.entity !== undefined && fields.entityId !== undefined) {
    const organizationOf = attachable.get(fields.entity);
    const owner = organizationOf ? await organizationOf(ctx.db, fields.entityId) : null;
    if (owner !== org.id) throw badRequest('FILE_ENTITY_INVALID', [{ path: 'body.entityId' }]);
  }
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .insert(f)
      .values({
        id: newId(),
        organizationId: org.id,
        entity: fields.entity ?? null,
        entityId: fields.entityId ?? null,
        name,
        type,
        size: file.content.length,
        sha256: sha256Hex(file.content),
        content: file.content,
        restricted: fields.restricted,
        uploadedBy: ctx.actor.userId,
        createdAt: now,
      })
      .returning(metaColumns);
    const stored = row!;
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'file.upload',
        entity: 'file',
        entityId: stored.id,
        organizationId: org.id,
        after: auditedFile(stored),
      },
      now,
    );
    await announceUpload(tx, ctx, org, stored.name, now);
    return { id: stored.id, name: stored.name, size: stored.size, sha256: stored.sha256, type: stored.type };
  });
}

/** The office and the secretaries over an organization hear of a new file there (not the uploader). */
async function announceUpload(
  tx: Tx,
  ctx: Ctx,
  org: { id: string; name: string },
  fileName: string,
  now: Date,
) {
  for (const role of ['office', 'secretary'] as const) {
    await notify(
      tx,
      {
        role,
        organizationId: org.id,
        excludeUserIds: [ctx.actor.userId],
        kind: 'file.uploaded',
        title: `Tệp mới tại ${org.name}: ${fileName}`,
        body: `${ctx.actor.displayName} đã tải lên tệp «${fileName}».`,
        link: `/organizations/${org.id}`,
      },
      now,
    );
  }
}

/** A file with its bytes, if the actor may read it (404 otherwise); a restricted file's download is audited. */
export async function downloadFile(ctx: Ctx, id: string): Promise<FileRow> {
  const [row] = await ctx.db
    .select({ file: f })
    .from(f)
    .innerJoin(organizations, eq(organizations.id, f.organizationId))
    .where(and(eq(f.id, id), readable(ctx)));
  if (!row) throw notFound('FILE_NOT_FOUND');
  const file = row.file;
  if (file.restricted) {
    await inTransaction(ctx.db, (tx) =>
      recordAudit(
        tx,
        ctx.actor,
        {
          action: 'file.download',
          entity: 'file',
          entityId: file.id,
          organizationId: file.organizationId,
          after: { name: file.name, sha256: file.sha256 },
        },
        ctx.clock.now(),
      ),
    );
  }
  return file;
}

async function selectFiles(db: DbOrTx, ctx: Ctx, where: SQL[], order: 'newest' | 'oldest', limit?: number) {
  const query = db
    .select({ file: metaColumns, uploader: uploaderColumns })
    .from(f)
    .innerJoin(organizations, eq(organizations.id, f.organizationId))
    .leftJoin(users, eq(users.id, f.uploadedBy))
    .where(and(readable(ctx), ...where))
    .orderBy(...(order === 'newest' ? [desc(f.createdAt), desc(f.id)] : [asc(f.createdAt), asc(f.id)]));
  return limit === undefined ? query : query.limit(limit);
}

/** Newest first; only files of organizations within the actor's reach. */
export async function listFiles(ctx: Ctx, q: ListFilesQuery) {
  const where: SQL[] = [];
  if (q.entity !== undefined) where.push(eq(f.entity, q.entity));
  if (q.entityId !== undefined) where.push(eq(f.entityId, q.entityId));
  const after = decodeCursor(q.cursor, 2);
  if (after) {
    const [at, id] = after.map(String) as [string, string];
    const time = new Date(at);
    if (Number.isNaN(time.getTime()) || !UUID.test(id)) throw badRequest('INVALID_CURSOR');
    where.push(or(lt(f.createdAt, time), and(eq(f.createdAt, time), lt(f.id, id)))!);
  }
  const rows = await selectFiles(ctx.db, ctx, where, 'newest', q.limit + 1);
  const p = page(rows, q.limit, (r) => [r.file.createdAt.toISOString(), r.file.id]);
  return { items: p.items.map((r) => presentFile(r.file, r.uploader)), nextCursor: p.nextCursor };
}

/**
 * The files attached to one record that the actor may read, oldest first, for the owning module to show
 * beside the record.
 */
export async function listAttachments(ctx: Ctx, entity: string, entityId: string): Promise<FileOut[]> {
  const rows = await selectFiles(ctx.db, ctx, [eq(f.entity, entity), eq(f.entityId, entityId)], 'oldest');
  return rows.map((r) => presentFile(r.file, r.uploader));
}

export interface AttachInput {
  entity: string;
  entityId: string;
  fileIds: string[];
  /** The organization of the record: only its own files can be attached to it. */
  organizationId: string;
}

/**
 * Attaches uploaded files to a record, inside the owning module's transaction (which has checked the actor's
 * right on the record and audits its own write). Each file must belong to the record's organization and be
 * unattached or attached to this same record; otherwise nothing is attached (400 FILE_ATTACH_INVALID).
 * Returns how many files are now attached by this call.
 */
export async function attachFiles(tx: Tx, input: AttachInput): Promise<number> {
  const ids = [...new Set(input.fileIds)];
  if (ids.length === 0) return 0;
  const updated = await tx
    .update(f)
    .set({ entity: input.entity, entityId: input.entityId })
    .where(
      and(
        inArray(f.id, ids),
        eq(f.organizationId, input.organizationId),
        or(
          and(isNull(f.entity), isNull(f.entityId)),
          and(eq(f.entity, input.entity), eq(f.entityId, input.entityId)),
        ),
      ),
    )
    .returning({ id: f.id });
  if (updated.length !== ids.length) {
    const done = new Set(updated.map((r) => r.id));
    throw badRequest('FILE_ATTACH_INVALID', { fileIds: ids.filter((id) => !done.has(id)) });
  }
  return updated.length;
}

/** The uploader, or office/secretary/admin over the file's organization, may delete it; audited. */
export async function deleteFile(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .select({ file: metaColumns, org: { id: organizations.id, path: organizations.path } })
      .from(f)
      .innerJoin(organizations, eq(organizations.id, f.organizationId))
      .where(and(eq(f.id, id), readable(ctx)))
      .for('update', { of: f });
    if (!row) throw notFound('FILE_NOT_FOUND');
    const file: FileMeta = row.file;
    const own = file.uploadedBy !== null && file.uploadedBy === ctx.actor.userId;
    if (!own && !can(ctx.actor, 'file.delete', row.org)) throw forbidden();
    await tx.delete(f).where(eq(f.id, id));
    await recordAudit(
      tx,
      ctx.actor,
      {
        action: 'file.delete',
        entity: 'file',
        entityId: id,
        organizationId: file.organizationId,
        before: auditedFile(file),
      },
      ctx.clock.now(),
    );
  });
}
