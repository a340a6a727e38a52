import type { Proposal, ProposalInput } from './api';

export interface ProposalValues {
  content?: string;
  proposedBy?: string | null;
  assignedTo?: string | null;
  answer?: string | null;
}

const FIELDS = ['content', 'proposedBy', 'assignedTo', 'answer'] as const;
type Field = (typeof FIELDS)[number];

export const proposalValues = (p: Proposal | null): ProposalValues =>
  p
    ? { content: p.content, proposedBy: p.proposedBy, assignedTo: p.assignedTo, answer: p.answer }
    : { content: '', proposedBy: '', assignedTo: '', answer: '' };

const trimmed = (v: string | null | undefined) => (v ?? '').trim();

/** The PATCH body: the fields that differ from the proposal as last loaded; an emptied field clears it. */
export function proposalPatch(
  values: ProposalValues,
  base: Proposal,
): Partial<ProposalInput> & { version: number } {
  const patch: Partial<ProposalInput> & { version: number } = { version: base.version };
  for (const k of FIELDS) {
    const v = trimmed(values[k]);
    if (v === trimmed(base[k])) continue;
    if (k === 'content') patch.content = v;
    else patch[k] = v === '' ? null : v;
  }
  return patch;
}

/** Schema messages (`body.content`…) under the proposal form's fields. */
export function proposalFieldMessages(
  message: string,
  details: unknown,
): { field: Field; message: string }[] {
  if (!Array.isArray(details)) return [];
  const out: { field: Field; message: string }[] = [];
  for (const d of details) {
    if (!d || typeof d !== 'object') continue;
    const { path, message: own } = d as { path?: unknown; message?: unknown };
    const segments = Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split('.') : [];
    const name = (segments[0] === 'body' ? segments[1] : segments[0]) as Field | undefined;
    if (name && (FIELDS as readonly string[]).includes(name))
      out.push({ field: name, message: typeof own === 'string' && own ? own : message });
  }
  return out;
}
