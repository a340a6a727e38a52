import { z } from 'zod';
import { pageQuery } from '../../http/paging.js';

const entity = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_.]{0,49}$/,
    'Tên loại hồ sơ chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch dưới.',
  );
const entityId = z.string().trim().min(1).max(100);
const bothOrNeither = (v: { entity?: string | undefined; entityId?: string | undefined }) =>
  (v.entity === undefined) === (v.entityId === undefined);
const pairMessage = { message: 'Cần có cả entity và entityId, hoặc không có cả hai.', path: ['entityId'] };

/** The text fields of an upload (multipart), besides the `file` part. */
export const uploadFields = z
  .strictObject({
    organizationId: z.uuid(),
    entity: entity.optional(),
    entityId: entityId.optional(),
    restricted: z
      .enum(['true', 'false', '1', '0'])
      .optional()
      .transform((v) => v === 'true' || v === '1'),
  })
  .refine(bothOrNeither, pairMessage);

export const listFilesQuery = z
  .strictObject({ ...pageQuery, entity: entity.optional(), entityId: entityId.optional() })
  .refine(bothOrNeither, pairMessage);

export const fileParams = z.strictObject({ id: z.uuid() });

export type UploadFields = z.infer<typeof uploadFields>;
export type ListFilesQuery = z.infer<typeof listFilesQuery>;
