import { isIsoDate } from '@daihoi/core';
import { z } from 'zod';

/** The field shapes every module's schema shares, so that a refusal reads the same everywhere. */

export const isoDate = z.string().refine(isIsoDate, { message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' });

/** PostgreSQL text cannot hold U+0000: refused here rather than failing in the database. */
export const text = () =>
  z.string().refine((s) => !s.includes('\u0000'), 'Văn bản chứa ký tự không hợp lệ (NUL).');

/** Optional free text; an empty string clears it (stored as null). */
export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

/** A query-string boolean. */
export const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** A list of distinct ids in a body. */
export const idList = (max: number) =>
  z
    .array(z.uuid())
    .max(max)
    .transform((ids) => [...new Set(ids)]);
