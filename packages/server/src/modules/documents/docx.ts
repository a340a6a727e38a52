import { documentTypeName } from '@daihoi/core';
import { eq } from 'drizzle-orm';
import { type PartyDocument, renderPartyDocument } from '../../exports/party-document.js';
import type { Ctx } from '../../http/context.js';
import { badRequest } from '../../http/errors.js';
import { organizations } from '../organizations/tables.js';
import { findVisibleDocument } from './access.js';
import type { DocumentRow } from './presenter.js';

const o = organizations;

/** Who signs on the committee's behalf: a standing committee above the grassroots, the committee itself below. */
function signingAuthority(org: { level: string; kind: string }): string {
  if (['central', 'provincial', 'upper_grassroots'].includes(org.level)) return 'T/M BAN THƯỜNG VỤ';
  return org.level === 'cell' || org.kind === 'grassroots_cell' ? 'T/M CHI BỘ' : 'T/M ĐẢNG ỦY';
}

/**
 * The body as typed: paragraphs separated by blank lines; a line in capitals or opening with a Roman numeral
 * ("I. MỤC ĐÍCH, YÊU CẦU") is a heading.
 */
export function bodyBlocks(body: string | null): PartyDocument['body'] {
  if (!body) return [];
  return body
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean)
    .map((text) =>
      /^[IVXLC]+\.\s/.test(text) || (text === text.toLocaleUpperCase('vi') && text.length < 200)
        ? { kind: 'heading' as const, text }
        : { kind: 'paragraph' as const, text },
    );
}

const recipientLines = (recipients: string | null) =>
  (recipients ?? '')
    .split('\n')
    .map((l) => l.replace(/^\s*[-–•+]\s*/, '').trim())
    .filter(Boolean);

async function frameOf(ctx: Ctx, doc: DocumentRow, org: { id: string }): Promise<PartyDocument> {
  const [row] = await ctx.db
    .select({ name: o.name, level: o.level, kind: o.kind, placeName: o.placeName, parentId: o.parentId })
    .from(o)
    .where(eq(o.id, org.id));
  const parent = row!.parentId
    ? (await ctx.db.select({ name: o.name }).from(o).where(eq(o.id, row!.parentId)))[0]
    : undefined;
  const official = doc.type === 'CV';
  return {
    superiorBody: parent ? parent.name.toLocaleUpperCase('vi') : null,
    issuingBody: doc.issuerName.toLocaleUpperCase('vi'),
    number: doc.number,
    place: row!.placeName ?? '',
    date: doc.issuedOn,
    typeName: official ? null : documentTypeName(doc.type).toLocaleUpperCase('vi'),
    summary: official ? `V/v ${doc.summary}` : doc.summary,
    body: bodyBlocks(doc.body),
    signature: {
      authority: signingAuthority(row!),
      position: (doc.signerPosition ?? 'Bí thư').toLocaleUpperCase('vi'),
      name: doc.signer ?? '',
    },
    recipients: recipientLines(doc.recipients),
  };
}

/** GET /documents/{id}.docx: the document in the Party format (RULES §4), with a file name a clerk recognizes. */
export async function documentDocx(ctx: Ctx, id: string) {
  const { document, organization } = await findVisibleDocument(ctx.db, ctx.actor, id);
  if (!document.signer) throw badRequest('DOCUMENT_SIGNER_REQUIRED');
  const buffer = await renderPartyDocument(await frameOf(ctx, document, organization));
  const label = document.number ?? documentTypeName(document.type);
  return { buffer, fileName: `${label.replaceAll('/', '-')} ${document.issuedOn}.docx` };
}
