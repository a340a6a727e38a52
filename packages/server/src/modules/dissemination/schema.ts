import { z } from 'zod';
import { idList, optionalText, text } from '../../http/fields.js';
import { pageQuery } from '../../http/paging.js';

export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;

/** A moment with its offset, "2019-11-12T14:00:00+07:00": a conference happens at a time of day. */
const moment = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

const fields = {
  title: text().trim().min(1).max(500),
  startsAt: moment,
  place: optionalText(300),
  chair: optionalText(300),
  guests: optionalText(5000),
  conclusions: optionalText(50_000),
  documentIds: idList(50),
  /** Organizations whose members are expected (each with its subtree); the host alone when omitted. */
  invitedOrganizationIds: idList(5000),
};

export const createSessionBody = z.strictObject({
  organizationId: z.uuid(),
  /** The conference this make-up session is for; its documents are studied again. */
  makeupOf: z.uuid().optional(),
  ...fields,
  documentIds: fields.documentIds.optional(),
  invitedOrganizationIds: fields.invitedOrganizationIds.optional(),
});

export const updateSessionBody = z.strictObject({
  version: z.number().int().positive(),
  title: fields.title.optional(),
  startsAt: fields.startsAt.optional(),
  place: fields.place,
  chair: fields.chair,
  guests: fields.guests,
  conclusions: fields.conclusions,
  documentIds: fields.documentIds.optional(),
  invitedOrganizationIds: fields.invitedOrganizationIds.optional(),
});

export const listSessionsQuery = z.strictObject({
  ...pageQuery,
  organizationId: z.uuid().optional(),
  documentId: z.uuid().optional(),
});

export const sessionParams = z.strictObject({ id: z.uuid() });

export const attendanceQuery = z.strictObject({
  ...pageQuery,
  /** Only the members of this organization's subtree. */
  organizationId: z.uuid().optional(),
  status: z.enum(['present', 'absent', 'unrecorded']).optional(),
  q: text().trim().max(200).optional(),
});

export const attendanceBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        memberId: z.uuid(),
        /** null clears what was recorded. */
        status: z.enum(ATTENDANCE_STATUSES).nullable(),
        reason: optionalText(500),
      }),
    )
    .min(1)
    .max(5000),
});

export const proposalBody = z.strictObject({
  content: text().trim().min(1).max(4000),
  proposedBy: optionalText(300),
  assignedTo: optionalText(300),
  answer: optionalText(4000),
});

export const updateProposalBody = z.strictObject({
  version: z.number().int().positive(),
  content: proposalBody.shape.content.optional(),
  proposedBy: proposalBody.shape.proposedBy,
  assignedTo: proposalBody.shape.assignedTo,
  answer: proposalBody.shape.answer,
});

export const coverageQuery = z.strictObject({ organizationId: z.uuid().optional() });

export type CreateSessionInput = z.infer<typeof createSessionBody>;
export type UpdateSessionInput = z.infer<typeof updateSessionBody>;
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;
export type AttendanceQuery = z.infer<typeof attendanceQuery>;
export type AttendanceInput = z.infer<typeof attendanceBody>;
export type ProposalInput = z.infer<typeof proposalBody>;
export type UpdateProposalInput = z.infer<typeof updateProposalBody>;
