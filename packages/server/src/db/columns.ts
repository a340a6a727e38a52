import { customType, integer, timestamp, uuid } from 'drizzle-orm/pg-core';
import { uuidv7 } from 'uuidv7';

/**
 * Text compared byte by byte. Materialized paths and Vietnamese sort keys rely on plain code-unit order,
 * which the server's default collation (e.g. en_US) would not give; "C" is the same on PGlite and 15.
 */
export const textC = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

/** Binary content (files are kept in the database, so one backup holds everything). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const idColumn = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const rowVersion = () => integer('version').notNull().default(1);

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export { uuidv7 as newId };
