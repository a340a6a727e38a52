import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * A backup is one gzip'd JSON-lines file:
 *   {"format":"daihoi-backup","version":1,"schema":3,"schemaTag":"0002_…","createdAt":"…","database":"embedded",
 *    "tables":[{"name":"organizations","columns":[{"name":"id","type":"uuid"},…]},…]}
 *   {"table":"organizations"}
 *   ["0190…",null,"/0190…/",0,…]          one line per row, values in the header's column order
 *   …
 *   {"end":true,"rows":{"organizations":45,…},"sha256":"<hex of every byte above, newlines included>"}
 * Tables come parents first; bytea is base64, timestamps ISO 8601 in UTC, bigint and numeric exact.
 */
export const BACKUP_FORMAT = 'daihoi-backup';
export const BACKUP_VERSION = 1;

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int(),
  /** Number of migrations applied to the database the backup was taken from. */
  schema: z.number().int().min(0),
  schemaTag: z.string().nullable(),
  createdAt: z.string(),
  database: z.enum(['embedded', 'server']),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.object({ name: z.string().min(1), type: z.string() })),
    }),
  ),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const sectionSchema = z.object({ table: z.string().min(1) });

export const trailerSchema = z.object({
  end: z.literal(true),
  rows: z.record(z.string(), z.number().int().min(0)),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupTrailer = z.infer<typeof trailerSchema>;

export const BACKUP_TAGS = ['auto', 'manual', 'pre-migrate', 'pre-restore'] as const;
export type BackupTag = (typeof BACKUP_TAGS)[number];

/** The only names the backup folder lists and serves: nothing with a path in it can match. */
export const BACKUP_NAME_RE = /^daihoi-\d{8}-\d{6}-\d{3}-(auto|manual|pre-migrate|pre-restore)\.jsonl\.gz$/;

/** daihoi-20200315-020000-000-auto.jsonl.gz, in Vietnam's time so that the office reads it at a glance. */
export function backupName(now: Date, tag: BackupTag): string {
  const local = new Date(now.getTime() + 7 * 3600_000).toISOString();
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 19).replaceAll(':', '')}`;
  return `daihoi-${stamp}-${local.slice(20, 23)}-${tag}.jsonl.gz`;
}

export interface BackupFile {
  name: string;
  path: string;
  size: number;
  createdAt: Date;
}

/** The backups kept in `dir`, newest first. */
export async function listBackups(dir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: BackupFile[] = [];
  for (const name of names
    .filter((n) => BACKUP_NAME_RE.test(n))
    .sort()
    .reverse()) {
    const file = path.join(dir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isFile()) files.push({ name, path: file, size: stat.size, createdAt: stat.mtime });
  }
  return files;
}

/** The backup called `name` in `dir`, or null when the name is not one of ours or no such file exists. */
export async function findBackup(dir: string, name: string): Promise<BackupFile | null> {
  if (!BACKUP_NAME_RE.test(name)) return null;
  return (await listBackups(dir)).find((b) => b.name === name) ?? null;
}

/** Keeps the newest `keep` backups in `dir` and deletes the rest. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const old = (await listBackups(dir)).slice(keep);
  for (const b of old) await fs.rm(b.path, { force: true });
  return old.map((b) => b.name);
}
