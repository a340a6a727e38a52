import { z } from 'zod';
import type { committeeTerms, organizations } from './tables.js';

export const termOut = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  version: z.number(),
});

export const organizationOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  issuerCode: z.string().nullable(),
  placeName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  level: z.string(),
  kind: z.string(),
  archived: z.boolean(),
  depth: z.number(),
  childCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const organizationDetailOut = organizationOut.extend({
  ancestors: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  terms: z.array(termOut),
});

export type OrganizationRow = typeof organizations.$inferSelect;
export type TermRow = typeof committeeTerms.$inferSelect;
export type OrganizationOut = z.infer<typeof organizationOut>;

export function presentOrganization(o: OrganizationRow, childCount: number): OrganizationOut {
  return {
    id: o.id,
    parentId: o.parentId,
    code: o.code,
    name: o.name,
    shortName: o.shortName,
    issuerCode: o.issuerCode,
    placeName: o.placeName,
    foundedOn: o.foundedOn,
    level: o.level,
    kind: o.kind,
    archived: o.archivedAt !== null,
    depth: o.depth,
    childCount,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export const presentTerm = (t: TermRow) => ({
  id: t.id,
  organizationId: t.organizationId,
  name: t.name,
  startsOn: t.startsOn,
  endsOn: t.endsOn,
  version: t.version,
});

/** The audit log's view of an organization: its own fields, not derived counts. */
export const auditedOrganization = (o: OrganizationRow) => {
  const { searchText: _s, sortKey: _k, createdAt: _c, updatedAt: _u, ...rest } = o;
  return rest;
};
