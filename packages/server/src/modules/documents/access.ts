import { DocumentNumberError, formatDocumentNumber, parseDocumentNumber } from '@daihoi/core';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, reachCondition } from '../../auth/policy.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError, notFound } from '../../http/errors.js';
import { organizations } from '../organizations/tables.js';
import { documents } from './tables.js';

const d = documents;
const o = organizations;

/**
 * The documents the actor reads: those registered by an organization within reach, those sent to one, and
 * those studied at a session one was invited to.
 * A grassroots secretary reads the bloc's directive because it was sent to their organization, or because
 * their organization was invited to the conference that studied it.
 */
export function documentReadable(actor: Actor): SQL {
  const registered = sql`EXISTS (SELECT 1 FROM organizations ro WHERE ro.id = ${d.organizationId} AND ${reachCondition(actor, 'document.read', sql`ro.path`, sql`ro.id`)})`;
  const sent = sql`EXISTS (SELECT 1 FROM document_distributions dd JOIN organizations so ON so.id = dd.organization_id
    WHERE dd.document_id = ${d.id} AND ${reachCondition(actor, 'document.read', sql`so.path`, sql`so.id`)})`;
  // Studied at a conference the actor's organization was invited to (or hosted): its members read it there.
  const studied = sql`EXISTS (SELECT 1 FROM dissemination_session_documents sd
      JOIN dissemination_session_organizations si ON si.session_id = sd.session_id
      JOIN organizations io ON io.id = si.organization_id
    WHERE sd.document_id = ${d.id} AND ${reachCondition(actor, 'document.read', sql`io.path`, sql`io.id`)})`;
  return sql`(${registered} OR ${sent} OR ${studied})`;
}

const orgColumns = { id: o.id, name: o.name, path: o.path };

/** The document if the actor may read it, with its register's organization; otherwise 404. */
export async function findVisibleDocument(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ document: d, organization: orgColumns })
    .from(d)
    .innerJoin(o, eq(o.id, d.organizationId))
    .where(and(eq(d.id, id), documentReadable(actor)));
  if (!row) throw notFound('DOCUMENT_NOT_FOUND');
  return row;
}

/** A Party number typed by a clerk, as core reads it; the refusal names core's reason beside the field. */
export function parseNumberField(text: string, path: string) {
  try {
    return parseDocumentNumber(text);
  } catch (err) {
    if (err instanceof DocumentNumberError) {
      throw new AppError(400, 'DOCUMENT_NUMBER_INVALID', [{ path, reason: err.reason }], err.message);
    }
    throw err;
  }
}

/** The number written the canonical way: " Số 9-KH/ĐU " → "09-KH/ĐU". */
export const canonicalNumber = (text: string, path: string) =>
  formatDocumentNumber(parseNumberField(text, path));

/** A document of one register (a report naming "our plan"), or null. */
export async function documentInRegister(db: DbOrTx, id: string, organizationId: string) {
  const [row] = await db
    .select()
    .from(d)
    .where(and(eq(d.id, id), eq(d.organizationId, organizationId)));
  return row ?? null;
}
