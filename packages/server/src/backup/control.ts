import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * How `npm run backup` reaches a running server on the embedded database (which holds the DATA_DIR lock, so
 * the command cannot open the database itself). The server writes DATA_DIR/.control-token, readable by its
 * OS user only (mode 0600), with its loopback address and a random token; the command reads it and calls
 * the server's internal backup endpoint with that token. A file rather than an administrator's session:
 * the command runs unattended (cron, a shutdown script) with no password to type, and being able to read
 * the file proves what the DATA_DIR lock already assumes: the caller is the user who owns the data.
 */
export const CONTROL_FILE = '.control-token';

export interface ControlInfo {
  url: string;
  token: string;
  pid: number;
}

export const newControlToken = () => randomBytes(32).toString('base64url');

/** The address the command line reaches this server at: loopback unless it listens on one address only. */
export function controlUrl(host: string, port: number): string {
  const any = host === '0.0.0.0' || host === '::' || host === 'localhost' || host === '';
  const h = any ? '127.0.0.1' : host;
  return `http://${h.includes(':') ? `[${h}]` : h}:${port}`;
}

/** Writes the control file (owner-only) and returns how to remove it when the server stops. */
export function writeControlFile(dataDir: string, url: string, token: string): () => void {
  const file = path.join(dataDir, CONTROL_FILE);
  const partial = `${file}.${process.pid}`;
  fs.rmSync(partial, { force: true });
  fs.writeFileSync(partial, JSON.stringify({ url, token, pid: process.pid } satisfies ControlInfo), {
    mode: 0o600,
    flag: 'wx',
  });
  fs.renameSync(partial, file);
  return () => {
    if (readControlFile(dataDir)?.token === token) fs.rmSync(file, { force: true });
  };
}

export function readControlFile(dataDir: string): ControlInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, CONTROL_FILE), 'utf8')) as ControlInfo;
    return typeof info.url === 'string' && typeof info.token === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** `Authorization: Bearer <expected>`, compared in constant time. */
export function bearerMatches(header: string | undefined, expected: string): boolean {
  const m = /^Bearer (.+)$/.exec(header ?? '');
  if (!m) return false;
  const a = Buffer.from(m[1]!);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
