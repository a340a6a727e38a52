import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import { AppError, badRequest } from '../../http/errors.js';

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const;

/** The extensions accepted and the type each one promises. */
const BY_EXTENSION: Record<string, string> = {
  pdf: MIME.pdf,
  docx: MIME.docx,
  xlsx: MIME.xlsx,
  png: MIME.png,
  jpg: MIME.jpeg,
  jpeg: MIME.jpeg,
};

export const ACCEPTED_EXTENSIONS = Object.keys(BY_EXTENSION).map((e) => `.${e}`);
const ACCEPTED_TYPES = new Set<string>(Object.values(MIME));

export const NAME_MAX_LENGTH = 200;

/** C0 and C1 controls, and the bidirectional marks that can disguise an extension ("hoso<RLO>fdp.exe"). */
function hasForbiddenCharacter(name: string): boolean {
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
    if (c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return true;
  }
  return false;
}

/**
 * A file name as a user gave it, made safe to keep and to send back: NFC (macOS sends decomposed
 * Vietnamese), trimmed, no path, no control characters, of reasonable length.
 */
export function cleanFileName(raw: string | undefined): string {
  const name = (raw ?? '').normalize('NFC').trim();
  const invalid =
    name.length === 0 ||
    name.length > NAME_MAX_LENGTH ||
    name.includes('/') ||
    name.includes('\\') ||
    hasForbiddenCharacter(name) ||
    /^\.+$/.test(name);
  if (invalid) throw badRequest('FILE_NAME_INVALID');
  return name;
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/**
 * The entry names of a ZIP archive, read from its central directory; null when the bytes are no ZIP
 * (or a ZIP64 one, which office files of the size accepted here never are).
 */
export function zipEntryNames(buf: Buffer): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > buf.length) return null;
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** An Office Open XML container: `[Content_Types].xml` and the parts under `word/` or `xl/`. */
function isOfficeContainer(buf: Buffer, partsFolder: 'word/' | 'xl/'): boolean {
  const names = zipEntryNames(buf) ?? [];
  return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(partsFolder));
}

const mismatch = (expected: string, detected: string | null) =>
  badRequest('FILE_TYPE_MISMATCH', { expected, detected });
const unsupported = (detected: string | null) => new AppError(415, 'FILE_TYPE_UNSUPPORTED', { detected });

/**
 * The file's real type, from its bytes: it must be one we accept, and the one its extension promises.
 * DOCX and XLSX are ZIP containers; their structure is checked as well as file-type's verdict.
 */
export async function checkContent(name: string, content: Buffer): Promise<string> {
  const expected = BY_EXTENSION[extensionOf(name)];
  if (!expected) throw unsupported(null);
  const found = await fileTypeFromBuffer(content);
  const detected = found?.mime ?? null;
  if (detected === null) throw mismatch(expected, null);
  if (!ACCEPTED_TYPES.has(detected)) {
    // A plain ZIP named .docx, a program named .pdf: neither is a kind of file kept here.
    throw unsupported(detected);
  }
  if (detected !== expected) throw mismatch(expected, detected);
  if (detected === MIME.docx && !isOfficeContainer(content, 'word/')) throw mismatch(expected, 'zip');
  if (detected === MIME.xlsx && !isOfficeContainer(content, 'xl/')) throw mismatch(expected, 'zip');
  return detected;
}

export const sha256Hex = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** "Quyết định số 12.pdf" → "Quyet dinh so 12.pdf": for clients that do not read `filename*`. */
export function asciiFileName(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return folded.trim() || 'tep';
}

// RFC 5987 attr-char leaves only these unescaped besides letters and digits: !#$&+-.^_`|~
const encodeRfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment` with the original name (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
