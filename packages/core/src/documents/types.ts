/**
 * The kinds of Party document and the type codes that stand in their numbers ("Số 165-KH/ĐUK").
 *
 * UNVERIFIED (RULES.md §4): the codes NQ, QĐ, QĐi, CT, KL, HD, KH, BC, CV, TB, TT, TTr, BB and QC are
 * the ones seen in real numbers; the guidance's full table has not been checked, so number parsing
 * accepts any well-formed type code, not only these.
 */

interface DocumentTypeDefinition {
  /** The code in the number, case-sensitive: 'QĐi' (Quy định) is not 'QĐ' (Quyết định). */
  readonly code: string;
  /** The type name as printed above the summary, in sentence case. */
  readonly nameVi: string;
  /** False for kinds issued without a number of their own. */
  readonly carriesNumber: boolean;
}

export const DOCUMENT_TYPES = [
  { code: 'NQ', nameVi: 'Nghị quyết', carriesNumber: true },
  { code: 'QĐ', nameVi: 'Quyết định', carriesNumber: true },
  // Older regulations carry QĐ as well (GLOSSARY), so QĐ alone does not tell a decision from a regulation.
  { code: 'QĐi', nameVi: 'Quy định', carriesNumber: true },
  { code: 'CT', nameVi: 'Chỉ thị', carriesNumber: true },
  { code: 'KL', nameVi: 'Kết luận', carriesNumber: true },
  { code: 'HD', nameVi: 'Hướng dẫn', carriesNumber: true },
  { code: 'KH', nameVi: 'Kế hoạch', carriesNumber: true },
  { code: 'BC', nameVi: 'Báo cáo', carriesNumber: true },
  // Official letters have no type name in their heading, only "-CV/" in the number.
  { code: 'CV', nameVi: 'Công văn', carriesNumber: true },
  { code: 'TB', nameVi: 'Thông báo', carriesNumber: true },
  { code: 'TT', nameVi: 'Thông tri', carriesNumber: true },
  { code: 'TTr', nameVi: 'Tờ trình', carriesNumber: true },
  { code: 'BB', nameVi: 'Biên bản', carriesNumber: true },
  { code: 'QC', nameVi: 'Quy chế', carriesNumber: true },
  // TKG and MHD are this system's own codes: these kinds are issued without a number.
  { code: 'TKG', nameVi: 'Thư kêu gọi', carriesNumber: false },
  { code: 'MHD', nameVi: 'Mẫu hướng dẫn', carriesNumber: false },
] as const satisfies readonly DocumentTypeDefinition[];

export type DocumentTypeCode = (typeof DOCUMENT_TYPES)[number]['code'];

export const DOCUMENT_TYPE_CODES: readonly DocumentTypeCode[] = DOCUMENT_TYPES.map((type) => type.code);

const BY_CODE: ReadonlyMap<string, DocumentTypeDefinition> = new Map(
  DOCUMENT_TYPES.map((type) => [type.code, type]),
);

function definitionOf(code: DocumentTypeCode): DocumentTypeDefinition {
  const definition = BY_CODE.get(code);
  if (!definition) throw new RangeError(`Not a document type code: ${JSON.stringify(code)}`);
  return definition;
}

/** True for a code of the table, exactly as written ('QĐi' yes, 'qđi' and 'QDi' no). */
export function isDocumentType(code: string): code is DocumentTypeCode {
  return BY_CODE.has(code);
}

/** 'KH' → 'Kế hoạch'. Throws RangeError on a code outside the table (check with isDocumentType). */
export function documentTypeName(code: DocumentTypeCode): string {
  return definitionOf(code).nameVi;
}

/** Whether documents of this type take a number "Số <n>-<TYPE>/<ISSUER>" (false for TKG, MHD). */
export function documentTypeCarriesNumber(code: DocumentTypeCode): boolean {
  return definitionOf(code).carriesNumber;
}
