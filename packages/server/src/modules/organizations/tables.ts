import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, rowVersion, textC, timestamps } from '../../db/columns.js';

export const organizations = pgTable(
  'organizations',
  {
    id: idColumn(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id),
    /** Ids from the root down to this organization, each followed by '/': '/<root>/…/<id>/'. */
    path: textC('path').notNull(),
    depth: integer('depth').notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** foldVietnamese(name + ' ' + code) for diacritic-free search. */
    searchText: text('search_text').notNull(),
    /** vietnameseTextSortKey(name): sorts correctly under the C collation. */
    sortKey: textC('sort_key').notNull(),
    shortName: text('short_name'),
    issuerCode: text('issuer_code'),
    placeName: text('place_name'),
    foundedOn: date('founded_on', { mode: 'string' }),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    index('organizations_path_idx').on(t.path),
    index('organizations_parent_idx').on(t.parentId, t.sortKey, t.id),
    index('organizations_sort_idx').on(t.sortKey, t.id),
  ],
);

export const committeeTerms = pgTable(
  'committee_terms',
  {
    id: idColumn(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [unique('committee_terms_org_name_key').on(t.organizationId, t.name)],
);
