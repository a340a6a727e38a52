/**
 * Party document numbers, "Số 165-KH/ĐUK": sequence, hyphen, type code, slash, issuer code
 * (Hướng dẫn 36-HD/VPTW, RULES.md §4). The state pattern "Số: 1206/QĐ-BTP" is refused with its own
 * message, since people who also handle state documents type it by habit.
 */

export interface DocumentNumber {
  /** 1–999999; printed with at least two digits ("09"). */
  readonly sequence: number;
  /** The type code, case-sensitive: 'KH', 'QĐi', 'TTr'. */
  readonly type: string;
  /** The issuing body's code: 'ĐUK', 'TU', 'BTCTW', or joint issuers 'BTCTW-BNV'. */
  readonly issuer: string;
}

export type DocumentNumberErrorReason =
  | 'empty'
  | 'state_pattern'
  | 'malformed'
  | 'zero_sequence'
  | 'too_large';

/** A number that cannot be read or written; `message` is a Vietnamese sentence for the user. */
export class DocumentNumberError extends Error {
  override readonly name = 'DocumentNumberError';
  readonly reason: DocumentNumberErrorReason;

  constructor(reason: DocumentNumberErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** The largest sequence accepted: far above a term's output, low enough to catch pasted junk. */
export const DOCUMENT_SEQUENCE_MAX = 999_999;

const ISSUER_MAX_LENGTH = 30;
const EXAMPLE = '“Số 165-KH/ĐUK”';

const PREFIX = /^số\s*:?\s*/iu;
// "1206/QĐ-BTP", "12/2020/NĐ-CP": state numbers put the slash straight after the sequence.
const STATE_PATTERN = /^[0-9]+\s*\//u;
const PARTS = /^([0-9]+)\s*-\s*([^/]*?)\s*\/\s*(.*)$/su;
// Type codes are letters without tone marks, Đ included; the table is unverified, so any code goes.
const TYPE_CODE = /^[A-ZĐ][A-Za-zĐđ]{0,4}$/u;
// Issuer codes are letters without tone marks (Đ included) and digits, opening with a capital; hyphens join
// the issuers of a joint document. A few carry a small letter as written on paper ("ThU", Thành ủy, beside
// "TU", Tỉnh ủy), so codes are compared exactly: 'đuk' must not pass for 'ĐUK'.
const ISSUER_CODE = /^[A-ZĐ][A-Za-z0-9Đđ]*(?:-[A-ZĐ0-9][A-Za-z0-9Đđ]*)*$/u;
// Hyphen look-alikes that word processors and PDFs put in pasted text.
const DASHES = /[\u2010-\u2013\u2212]/gu;

const fail = (reason: DocumentNumberErrorReason, message: string) => new DocumentNumberError(reason, message);

/** NFC, with Ð (eth, often typed for Đ) read as Đ and hyphen look-alikes as '-'. */
function canonicalText(text: string): string {
  return text.normalize('NFC').replace(/Ð/gu, 'Đ').replace(/ð/gu, 'đ').replace(DASHES, '-');
}

// The size check comes first: a long run of digits reads as Infinity, which is no integer.
function requireSequence(sequence: number, shown: string): number {
  if (sequence > DOCUMENT_SEQUENCE_MAX)
    throw fail('too_large', `Số thứ tự ${shown} quá lớn: số thứ tự văn bản tối đa là 999.999.`);
  if (!Number.isInteger(sequence))
    throw fail('malformed', `Số thứ tự văn bản phải là số nguyên dương, không thể là ${shown}.`);
  if (sequence < 1) throw fail('zero_sequence', `Số thứ tự văn bản bắt đầu từ 01, không thể là ${shown}.`);
  return sequence;
}

function requireType(type: string): string {
  if (type === '')
    throw fail(
      'malformed',
      `Thiếu ký hiệu loại văn bản (như NQ, KH, QĐi) giữa dấu gạch nối và dấu gạch chéo, ví dụ ${EXAMPLE}.`,
    );
  if (!TYPE_CODE.test(type))
    throw fail(
      'malformed',
      `“${type}” không phải ký hiệu loại văn bản: ký hiệu gồm 1 đến 5 chữ cái, chữ đầu viết hoa, như NQ, KH, QĐi, TTr.`,
    );
  return type;
}

function requireIssuer(issuer: string): string {
  if (issuer === '')
    throw fail(
      'malformed',
      `Thiếu ký hiệu cơ quan ban hành (như TW, TU, ĐUK, BTCTW) sau dấu gạch chéo, ví dụ ${EXAMPLE}.`,
    );
  if (!ISSUER_CODE.test(issuer) || issuer.length > ISSUER_MAX_LENGTH)
    throw fail(
      'malformed',
      `“${issuer}” không phải ký hiệu cơ quan ban hành: ký hiệu gồm chữ cái không dấu (kể cả Đ), bắt đầu bằng chữ in hoa, và chữ số, ` +
        `tối đa ${ISSUER_MAX_LENGTH} ký tự, các cơ quan liên tịch nối bằng dấu gạch nối, như TU, ĐUK, BTCTW.`,
    );
  return issuer;
}

/** Why a text that is neither empty nor a state number does not split into its three parts. */
function malformed(body: string): DocumentNumberError {
  if (!/^[0-9]/u.test(body))
    return fail('malformed', `Số văn bản phải bắt đầu bằng số thứ tự, ví dụ ${EXAMPLE}; đã nhập “${body}”.`);
  if (!/^[0-9]+\s*-/u.test(body))
    return fail(
      'malformed',
      `Sau số thứ tự phải có dấu gạch nối (-) rồi ký hiệu loại văn bản, ví dụ ${EXAMPLE}; đã nhập “${body}”.`,
    );
  return fail(
    'malformed',
    `Thiếu dấu gạch chéo (/) và ký hiệu cơ quan ban hành, ví dụ ${EXAMPLE}; đã nhập “${body}”.`,
  );
}

function stateNumber(text: string): DocumentNumberError {
  return fail(
    'state_pattern',
    `“${text}” ghi theo kiểu số văn bản nhà nước (như “Số: 1206/QĐ-BTP”). Số văn bản của Đảng ghi số thứ tự, ` +
      `dấu gạch nối, ký hiệu loại văn bản, dấu gạch chéo rồi ký hiệu cơ quan ban hành, như ${EXAMPLE}.`,
  );
}

/**
 * Reads "Số 165-KH/ĐUK", "165-KH/ĐUK", "Số: 08-QĐi/TW" (any case of "Số", with or without the colon),
 * in NFC or NFD, with spaces around the hyphen and slash tolerated. Returns NFC strings; throws
 * DocumentNumberError with a Vietnamese message on anything else.
 */
export function parseDocumentNumber(text: string): DocumentNumber {
  const trimmed = canonicalText(text).trim();
  const body = trimmed.replace(PREFIX, '');
  if (body === '') throw fail('empty', 'Chưa nhập số và ký hiệu văn bản, ví dụ “Số 165-KH/ĐUK”.');
  if (STATE_PATTERN.test(body)) throw stateNumber(trimmed);
  const parts = PARTS.exec(body);
  if (!parts) throw malformed(body);
  const [, digits = '', type = '', issuer = ''] = parts;
  return {
    sequence: requireSequence(Number(digits), digits),
    type: requireType(type),
    issuer: requireIssuer(issuer),
  };
}

/** { 165, 'KH', 'ĐUK' } → "165-KH/ĐUK"; sequences below 10 take a leading zero ("08-QĐi/TW"). */
export function formatDocumentNumber({ sequence, type, issuer }: DocumentNumber): string {
  const n = requireSequence(sequence, String(sequence));
  const code = requireType(canonicalText(type));
  const body = requireIssuer(canonicalText(issuer));
  return `${String(n).padStart(2, '0')}-${code}/${body}`;
}
