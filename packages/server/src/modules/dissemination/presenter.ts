import { z } from 'zod';
import { documentRefOut } from '../documents/presenter.js';
import type { disseminationSessions, sessionProposals } from './tables.js';

const orgRefOut = z.object({ id: z.string(), name: z.string() });

export const attendanceCountsOut = z.object({
  expected: z.number(),
  present: z.number(),
  absent: z.number(),
});

export const sessionOut = z.object({
  id: z.string(),
  organization: orgRefOut,
  makeupOf: z.object({ id: z.string(), title: z.string(), startsAt: z.string() }).nullable(),
  title: z.string(),
  startsAt: z.string(),
  place: z.string().nullable(),
  chair: z.string().nullable(),
  documents: z.array(documentRefOut),
  invitedOrganizations: z.array(orgRefOut),
  attendance: attendanceCountsOut,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const proposalOut = z.object({
  id: z.string(),
  content: z.string(),
  proposedBy: z.string().nullable(),
  assignedTo: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  version: z.number(),
});

export const sessionDetailOut = sessionOut.extend({
  guests: z.string().nullable(),
  conclusions: z.string().nullable(),
  proposals: z.array(proposalOut),
  makeups: z.array(
    z.object({ id: z.string(), title: z.string(), startsAt: z.string(), organization: orgRefOut }),
  ),
  abilities: z.object({ edit: z.boolean(), recordAttendance: z.boolean() }),
});

export const attendanceRowOut = z.object({
  member: z.object({ id: z.string(), fullName: z.string(), organization: orgRefOut }),
  status: z.enum(['present', 'absent']).nullable(),
  reason: z.string().nullable(),
  recordedAt: z.string().nullable(),
  /** The actor may record this member's attendance. */
  editable: z.boolean(),
});

const coverageCountsOut = z.object({ total: z.number(), studied: z.number() });

export const coverageOut = z.object({
  document: documentRefOut,
  organization: orgRefOut,
  ...coverageCountsOut.shape,
  /** The organization's own members (not of a child) and each direct child with its subtree. */
  rows: z.array(coverageCountsOut.extend({ organization: orgRefOut, own: z.boolean() })),
  /** The first members in Vietnamese name order who have not studied it; `missingTotal` counts them all. */
  missing: z.array(z.object({ id: z.string(), fullName: z.string(), organization: orgRefOut })),
  missingTotal: z.number(),
});

export type SessionRow = typeof disseminationSessions.$inferSelect;
export type ProposalRow = typeof sessionProposals.$inferSelect;

export const presentProposal = (p: ProposalRow) => ({
  id: p.id,
  content: p.content,
  proposedBy: p.proposedBy,
  assignedTo: p.assignedTo,
  answer: p.answer,
  answeredAt: p.answeredAt?.toISOString() ?? null,
  version: p.version,
});

export const auditedSession = (s: SessionRow, documentIds: string[], organizationIds: string[]) => ({
  organizationId: s.organizationId,
  makeupOf: s.makeupOf,
  title: s.title,
  startsAt: s.startsAt.toISOString(),
  place: s.place,
  chair: s.chair,
  guests: s.guests,
  conclusions: s.conclusions,
  documentIds,
  invitedOrganizationIds: organizationIds,
});
