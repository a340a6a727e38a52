import { ORGANIZATION_KINDS, ORGANIZATION_LEVELS } from '@daihoi/core';
import { z } from 'zod';
import { flag, isoDate, text } from '../../http/fields.js';
import { pageQuery } from '../../http/paging.js';

const kindCodes = ORGANIZATION_KINDS.map((k) => k.code) as [string, ...string[]];
const optionalText = (max: number) => text().trim().max(max).nullable().optional();

const fields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch dưới, gạch ngang.')
    // Codes are compared as written on paper: "na-duk" and "NA-DUK" are the same organization.
    .transform((s) => s.toUpperCase()),
  name: text().trim().min(2).max(300),
  shortName: optionalText(100),
  issuerCode: optionalText(20),
  placeName: optionalText(100),
  foundedOn: isoDate.nullable().optional(),
  level: z.enum(ORGANIZATION_LEVELS),
  kind: z.enum(kindCodes),
};

export const createOrganizationBody = z.strictObject({ parentId: z.uuid().nullable(), ...fields });

export const updateOrganizationBody = z.strictObject({
  version: z.number().int().positive(),
  code: fields.code.optional(),
  name: fields.name.optional(),
  shortName: fields.shortName,
  issuerCode: fields.issuerCode,
  placeName: fields.placeName,
  foundedOn: fields.foundedOn,
  level: fields.level.optional(),
  kind: fields.kind.optional(),
  archived: z.boolean().optional(),
});

export const moveOrganizationBody = z.strictObject({
  parentId: z.uuid(),
  version: z.number().int().positive(),
});

export const listOrganizationsQuery = z.strictObject({
  ...pageQuery,
  q: text().trim().max(200).optional(),
  parentId: z.uuid().optional(),
  under: z.uuid().optional(),
  scopeRoots: flag.optional(),
  level: z.enum(ORGANIZATION_LEVELS).optional(),
  includeArchived: flag.optional(),
});

export const organizationParams = z.strictObject({ id: z.uuid() });
export const termParams = z.strictObject({ id: z.uuid(), termId: z.uuid() });

const termName = z
  .string()
  .trim()
  .regex(/^\d{4}\s*[–-]\s*\d{4}$/, 'Tên nhiệm kỳ có dạng 2020–2025.')
  .transform((s) => s.replace(/\s*[–-]\s*/, '–'));

export const createTermBody = z.strictObject({ name: termName, startsOn: isoDate, endsOn: isoDate });
export const updateTermBody = z.strictObject({
  version: z.number().int().positive(),
  name: termName.optional(),
  startsOn: isoDate.optional(),
  endsOn: isoDate.optional(),
});

export type CreateOrganizationInput = z.infer<typeof createOrganizationBody>;
export type UpdateOrganizationInput = z.infer<typeof updateOrganizationBody>;
export type ListOrganizationsQuery = z.infer<typeof listOrganizationsQuery>;
export type CreateTermInput = z.infer<typeof createTermBody>;
export type UpdateTermInput = z.infer<typeof updateTermBody>;
