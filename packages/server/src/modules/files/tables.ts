import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea, idColumn } from '../../db/columns.js';
import { organizations } from '../organizations/tables.js';

export const files = pgTable(
  'files',
  {
    id: idColumn(),
    /** Scope: who may read the file is who may read this organization. */
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    /** The record it is attached to (e.g. 'organization' + id); null until attached. */
    entity: text('entity'),
    entityId: text('entity_id'),
    name: text('name').notNull(),
    /** MIME type found from the content, not from the name. */
    type: text('type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** Restricted files (personal data, sealed decisions): every download is audited. */
    restricted: boolean('restricted').notNull().default(false),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('files_entity_idx').on(t.entity, t.entityId), index('files_org_idx').on(t.organizationId)],
);
