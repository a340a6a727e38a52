import { isApiError } from '../../app/api';
import { detailIssues, type FormIssue, withIssues } from '../../app/forms';
import type { CongressSubcommittee } from './api';
import {
  type CreateSubcommitteeInput,
  STANDARD_SUBCOMMITTEE_KINDS,
  SUBCOMMITTEE_KINDS,
  SUBCOMMITTEE_ROLES,
  type SubcommitteeKind,
  type SubcommitteeMemberInput,
  type SubcommitteeRole,
  type UpdateSubcommitteeInput,
} from './subcommitteesApi';

/** One member as the form holds it: the name is shown, not sent. */
export interface SubcommitteeMemberRow {
  memberId: string;
  fullName: string;
  role: SubcommitteeRole;
  duties: string;
}

export interface SubcommitteeFormValues {
  kind: SubcommitteeKind;
  name: string;
  duties: string;
  members: SubcommitteeMemberRow[];
}

const trimmed = (s: string | null | undefined) => (s ?? '').trim();

export const isSubcommitteeKind = (v: unknown): v is SubcommitteeKind =>
  typeof v === 'string' && (SUBCOMMITTEE_KINDS as readonly string[]).includes(v);

const roleOf = (v: string): SubcommitteeRole =>
  (SUBCOMMITTEE_ROLES as readonly string[]).includes(v) ? (v as SubcommitteeRole) : 'member';

/** The standard kinds the plan has not formed yet, in their usual order. */
export function missingStandardKinds(
  list: readonly Pick<CongressSubcommittee, 'kind'>[],
): SubcommitteeKind[] {
  const formed = new Set(list.map((s) => s.kind));
  return STANDARD_SUBCOMMITTEE_KINDS.filter((k) => !formed.has(k));
}

/** The kind a new subcommittee starts with: the first standard one still missing, else "other". */
export function nextKind(list: readonly Pick<CongressSubcommittee, 'kind'>[]): SubcommitteeKind {
  return missingStandardKinds(list)[0] ?? 'other';
}

export function subcommitteeToValues(sub: CongressSubcommittee): SubcommitteeFormValues {
  return {
    kind: isSubcommitteeKind(sub.kind) ? sub.kind : 'other',
    name: sub.name,
    duties: sub.duties ?? '',
    members: sub.members.map((m) => ({
      memberId: m.memberId,
      fullName: m.fullName,
      role: roleOf(m.role),
      duties: m.duties ?? '',
    })),
  };
}

export const emptySubcommittee = (kind: SubcommitteeKind): SubcommitteeFormValues => ({
  kind,
  name: '',
  duties: '',
  members: [],
});

/** The first member picked heads the subcommittee; the next ones are members until the clerk says otherwise. */
export function defaultRole(rows: readonly Pick<SubcommitteeMemberRow, 'role'>[]): SubcommitteeRole {
  return rows.some((r) => r.role === 'head') ? 'member' : 'head';
}

/** The list with the member added at the end, or unchanged when already in it. */
export function withMember(
  rows: readonly SubcommitteeMemberRow[],
  member: { memberId: string; fullName: string },
): SubcommitteeMemberRow[] {
  if (rows.some((r) => r.memberId === member.memberId)) return [...rows];
  return [...rows, { ...member, role: defaultRole(rows), duties: '' }];
}

const membersBody = (rows: readonly SubcommitteeMemberRow[]): SubcommitteeMemberInput[] =>
  rows.map((r) => {
    const duties = trimmed(r.duties);
    return duties ? { memberId: r.memberId, role: r.role, duties } : { memberId: r.memberId, role: r.role };
  });

export function createSubcommitteeBody(values: SubcommitteeFormValues): CreateSubcommitteeInput {
  const body: CreateSubcommitteeInput = { kind: values.kind, members: membersBody(values.members) };
  const name = trimmed(values.name);
  if (name) body.name = name;
  const duties = trimmed(values.duties);
  if (duties) body.duties = duties;
  return body;
}

/** What changed against `base` (as opened or reloaded), as a PATCH body without its version. */
export function subcommitteeChanges(
  values: SubcommitteeFormValues,
  base: SubcommitteeFormValues,
): Omit<UpdateSubcommitteeInput, 'version'> {
  const patch: Omit<UpdateSubcommitteeInput, 'version'> = {};
  const name = trimmed(values.name);
  // An emptied name keeps the stored one: the server has no "no name".
  if (name && name !== trimmed(base.name)) patch.name = name;
  if (trimmed(values.duties) !== trimmed(base.duties)) patch.duties = trimmed(values.duties) || null;
  const members = membersBody(values.members);
  if (JSON.stringify(members) !== JSON.stringify(membersBody(base.members))) patch.members = members;
  return patch;
}

/** The members the server refused as not current members of the organization's subtree. */
export function outsideMemberIds(error: unknown): string[] {
  if (!isApiError(error) || error.code !== 'CONGRESS_SUBCOMMITTEE_MEMBER_OUTSIDE') return [];
  const ids = (error.details as { memberIds?: unknown } | null)?.memberIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** "body.members.0.duties" → ['members', 0, 'duties']; null when the path names nothing the form has. */
function formPath(path: unknown): (string | number)[] | null {
  const segments = (
    Array.isArray(path) ? path.map(String) : typeof path === 'string' ? path.split(/[.[\]]+/) : []
  ).filter(Boolean);
  const rest = segments[0] === 'body' ? segments.slice(1) : segments;
  const [head, index, field] = rest;
  if (head === 'members' && index !== undefined && /^\d+$/.test(index) && field)
    return ['members', Number(index), field];
  if (head === 'name' || head === 'duties' || head === 'kind') return [head];
  return null;
}

/**
 * The server's refusal with its details as the form's field paths, so that each message lands beside its
 * field: a member outside the organization beside that member, a too long duty under that duty.
 */
export function forSubcommitteeForm(
  error: unknown,
  rows: readonly Pick<SubcommitteeMemberRow, 'memberId'>[],
) {
  if (!isApiError(error)) return error;
  const issues: FormIssue[] = [];
  const outside = new Set(outsideMemberIds(error));
  rows.forEach((r, i) => {
    if (outside.has(r.memberId)) issues.push({ path: ['members', i, 'memberId'], message: error.message });
  });
  issues.push(...detailIssues(error, formPath));
  return withIssues(error, issues);
}
