import { AGE_BANDS, GENDERS, MEMBER_STATUSES, THEORY_LEVELS } from '@daihoi/core';
import { z } from 'zod';
import { flag, isoDate, optionalText, text } from '../../http/fields.js';
import { pageQuery } from '../../http/paging.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const COMMITTEE_POSITIONS = [
  'secretary',
  'deputy_secretary',
  'standing_committee',
  'committee_member',
  'inspection_chair',
  'inspection_member',
] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];

/** The fields a clerk keeps; the business rules (ages, dates, card format) are checked by core's rule set. */
const fields = {
  // Length and letters are the rule set's checks, with its own message.
  fullName: text().trim().max(300),
  cardNumber: text()
    .trim()
    .max(50)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  gender: z.enum(GENDERS),
  birthDate: isoDate,
  ethnicity: optionalText(50),
  hometown: optionalText(200),
  admittedOn: isoDate,
  fullMemberOn: isoDate.nullable().optional(),
  status: z.enum(MEMBER_STATUSES),
  educationLevel: optionalText(100),
  theoryLevel: z.enum(THEORY_LEVELS).nullable().optional(),
  jobTitle: optionalText(200),
  employer: optionalText(200),
  phone: optionalText(30),
  email: optionalText(200).refine((v) => v == null || EMAIL.test(v), 'Địa chỉ thư điện tử không hợp lệ.'),
  isLeader: z.boolean().optional(),
};

export const createMemberBody = z.strictObject({ organizationId: z.uuid(), ...fields });

export const updateMemberBody = z.strictObject({
  version: z.number().int().positive(),
  fullName: fields.fullName.optional(),
  cardNumber: fields.cardNumber,
  gender: fields.gender.optional(),
  birthDate: fields.birthDate.optional(),
  ethnicity: fields.ethnicity,
  hometown: fields.hometown,
  admittedOn: fields.admittedOn.optional(),
  fullMemberOn: fields.fullMemberOn,
  status: fields.status.optional(),
  educationLevel: fields.educationLevel,
  theoryLevel: fields.theoryLevel,
  jobTitle: fields.jobTitle,
  employer: fields.employer,
  phone: fields.phone,
  email: fields.email,
  isLeader: fields.isLeader,
});

/** The filters of the list, its export and (organizationId only) the statistics. */
const filters = {
  q: text().trim().max(200).optional(),
  organizationId: z.uuid().optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  gender: z.enum(GENDERS).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  joinYear: z.coerce.number().int().min(1930).max(9999).optional(),
  isLeader: flag.optional(),
};

export const listMembersQuery = z.strictObject({ ...pageQuery, ...filters });
export const exportMembersQuery = z.strictObject(filters);
export const statisticsQuery = z.strictObject({ organizationId: z.uuid().optional() });

export const createTransferBody = z.strictObject({
  toOrganizationId: z.uuid().nullable().optional(),
  destination: text().trim().min(2).max(300).nullable().optional(),
  transferredOn: isoDate,
  reason: optionalText(500),
});

export const memberParams = z.strictObject({ id: z.uuid() });
export const committeeQuery = z.strictObject({ termId: z.uuid().optional() });
export const createSeatBody = z.strictObject({
  termId: z.uuid(),
  memberId: z.uuid(),
  position: z.enum(COMMITTEE_POSITIONS),
});

export type CreateMemberInput = z.infer<typeof createMemberBody>;
export type UpdateMemberInput = z.infer<typeof updateMemberBody>;
export type MemberFilters = z.infer<typeof exportMembersQuery>;
export type ListMembersQuery = z.infer<typeof listMembersQuery>;
export type CreateTransferInput = z.infer<typeof createTransferBody>;
export type CreateSeatInput = z.infer<typeof createSeatBody>;
