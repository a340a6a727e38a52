import { z } from 'zod';
import type { files } from './tables.js';

export const uploadedFileOut = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  sha256: z.string(),
  type: z.string(),
});

export const fileOut = uploadedFileOut.extend({
  restricted: z.boolean(),
  createdAt: z.string(),
  uploadedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

export const fileLimitsOut = z.object({
  maxBytes: z.number(),
  extensions: z.array(z.string()),
  types: z.array(z.string()),
});

export type FileRow = typeof files.$inferSelect;
/** Everything about a file but its bytes. */
export type FileMeta = Omit<FileRow, 'content'>;
export type FileOut = z.infer<typeof fileOut>;

export function presentFile(f: FileMeta, uploader: { id: string; displayName: string } | null): FileOut {
  return {
    id: f.id,
    name: f.name,
    size: f.size,
    sha256: f.sha256,
    type: f.type,
    restricted: f.restricted,
    createdAt: f.createdAt.toISOString(),
    uploadedBy: uploader,
  };
}

/** The audit log's view of a file: what identifies it, never its bytes. */
export const auditedFile = (f: FileMeta) => ({
  name: f.name,
  type: f.type,
  size: f.size,
  sha256: f.sha256,
  restricted: f.restricted,
  entity: f.entity,
  entityId: f.entityId,
  uploadedBy: f.uploadedBy,
});
