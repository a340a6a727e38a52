import { ageOn, memberWarnings } from '@daihoi/core';
import { z } from 'zod';
import type { committeeSeats, members } from './tables.js';

const warningOut = z.object({ code: z.string(), message: z.string() });
const orgRefOut = z.object({ id: z.string(), name: z.string() });

export const memberOut = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  fullName: z.string(),
  cardNumber: z.string().nullable(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  ethnicity: z.string().nullable(),
  hometown: z.string().nullable(),
  admittedOn: z.string(),
  fullMemberOn: z.string().nullable(),
  status: z.string(),
  educationLevel: z.string().nullable(),
  theoryLevel: z.string().nullable(),
  jobTitle: z.string().nullable(),
  employer: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  isLeader: z.boolean(),
  joinedOrganizationOn: z.string(),
  age: z.number(),
  warnings: z.array(warningOut),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const transferOut = z.object({
  id: z.string(),
  fromOrganization: orgRefOut.nullable(),
  toOrganization: orgRefOut.nullable(),
  destination: z.string().nullable(),
  transferredOn: z.string(),
  reason: z.string().nullable(),
  status: z.enum(['pending', 'applied']),
});

export const memberSeatOut = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  termId: z.string(),
  termName: z.string(),
  position: z.string(),
});

export const memberDetailOut = memberOut.extend({
  transfers: z.array(transferOut),
  committeeSeats: z.array(memberSeatOut),
  account: z.object({ id: z.string(), username: z.string() }).nullable(),
});

export const committeeSeatOut = z.object({
  id: z.string(),
  memberId: z.string(),
  fullName: z.string(),
  position: z.string(),
  termId: z.string(),
  termName: z.string(),
});

const countsOut = z.record(z.string(), z.number());

export const statisticsOut = z.object({
  total: z.number(),
  byStatus: countsOut,
  byGender: countsOut,
  byAgeBand: countsOut,
  byEthnicity: z.array(z.object({ key: z.string().nullable(), count: z.number() })),
  byTheoryLevel: countsOut,
  byOrganization: z.array(z.object({ organizationId: z.string(), name: z.string(), count: z.number() })),
});

export type MemberRow = typeof members.$inferSelect;
export type SeatRow = typeof committeeSeats.$inferSelect;
export type MemberOut = z.infer<typeof memberOut>;
export type StatisticsOut = z.infer<typeof statisticsOut>;

/** A member as a client sees it, with the age and the rule set's warnings on the business date. */
export function presentMember(m: MemberRow, organizationName: string, today: string): MemberOut {
  return {
    id: m.id,
    organizationId: m.organizationId,
    organizationName,
    fullName: m.fullName,
    cardNumber: m.cardNumber,
    gender: m.gender as MemberOut['gender'],
    birthDate: m.birthDate,
    ethnicity: m.ethnicity,
    hometown: m.hometown,
    admittedOn: m.admittedOn,
    fullMemberOn: m.fullMemberOn,
    status: m.status,
    educationLevel: m.educationLevel,
    theoryLevel: m.theoryLevel,
    jobTitle: m.jobTitle,
    employer: m.employer,
    phone: m.phone,
    email: m.email,
    isLeader: m.isLeader,
    joinedOrganizationOn: m.joinedOrganizationOn,
    // A birth date after the business date (a clock set back) reads as age 0, not a failure.
    age: m.birthDate <= today ? ageOn(m.birthDate, today) : 0,
    warnings: memberWarnings(m, today),
    version: m.version,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/** The audit log's view of a member: the stored fields, not the derived search columns. */
export const auditedMember = (m: MemberRow) => {
  const { searchText: _s, sortKey: _k, organizationPath: _p, createdAt: _c, updatedAt: _u, ...rest } = m;
  return rest;
};
