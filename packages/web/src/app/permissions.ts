/**
 * Which buttons to show; the server decides for real. Mirrors its policy: an admin reaches everything;
 * office and secretary manage the subtree of each organization they hold the role at (moving only what
 * lies strictly below it, so a committee cannot move itself away); member and inspector read.
 */

export interface RoleLike {
  role: string;
  organizationId: string | null;
}

export interface OrganizationPath {
  id: string;
  ancestors?: readonly { id: string }[];
}

const MANAGING_ROLES = new Set(['office', 'secretary']);

export function isAdmin(roles: readonly RoleLike[]): boolean {
  return roles.some((r) => r.role === 'admin');
}

function managedFrom(roles: readonly RoleLike[], ids: readonly string[]): boolean {
  const set = new Set(ids);
  return roles.some(
    (r) => MANAGING_ROLES.has(r.role) && r.organizationId !== null && set.has(r.organizationId),
  );
}

const ancestorIds = (org: OrganizationPath) => (org.ancestors ?? []).map((a) => a.id);

/** Whether one of the actor's office/secretary roles sits at this organization or above it. */
export function managesOrganization(roles: readonly RoleLike[], org: OrganizationPath): boolean {
  return isAdmin(roles) || managedFrom(roles, [org.id, ...ancestorIds(org)]);
}

/** Whether one of the actor's office/secretary roles sits strictly above this organization. */
export function managesFromAbove(roles: readonly RoleLike[], org: OrganizationPath): boolean {
  return isAdmin(roles) || managedFrom(roles, ancestorIds(org));
}

const READING_SUBTREE_ROLES = new Set(['office', 'secretary', 'inspector']);

/** Whether the actor may open the organization at all (a member sees only their own organization). */
export function readsOrganization(roles: readonly RoleLike[], org: OrganizationPath): boolean {
  if (isAdmin(roles)) return true;
  const path = new Set([org.id, ...ancestorIds(org)]);
  return roles.some(
    (r) =>
      r.organizationId !== null &&
      ((READING_SUBTREE_ROLES.has(r.role) && path.has(r.organizationId)) ||
        (r.role === 'member' && r.organizationId === org.id)),
  );
}

export interface OrganizationAbilities {
  createChild: boolean;
  edit: boolean;
  archive: boolean;
  move: boolean;
  manageTerms: boolean;
}

export function organizationAbilities(
  roles: readonly RoleLike[],
  org: OrganizationPath,
): OrganizationAbilities {
  const manage = managesOrganization(roles, org);
  const move = managesFromAbove(roles, org);
  return { createChild: manage, edit: manage, archive: manage, move, manageTerms: manage };
}

export function canManageUsers(roles: readonly RoleLike[]): boolean {
  return isAdmin(roles);
}

export function canVerifyAudit(roles: readonly RoleLike[]): boolean {
  return isAdmin(roles);
}

/** Whether the actor reads members' records of a subtree (list, statistics); a member reads only their own. */
export function readsMembers(roles: readonly RoleLike[]): boolean {
  return isAdmin(roles) || roles.some((r) => READING_SUBTREE_ROLES.has(r.role) && r.organizationId !== null);
}

/**
 * Whether the actor may create, edit and transfer members and seat committees: of this organization's
 * subtree; without an organization, of some subtree (the "add" and "import" buttons).
 */
export function canManageMembers(roles: readonly RoleLike[], org?: OrganizationPath): boolean {
  if (org) return managesOrganization(roles, org);
  return isAdmin(roles) || roles.some((r) => MANAGING_ROLES.has(r.role) && r.organizationId !== null);
}

/** Linking an account to its member record changes the account: the administrator's work. */
export function canLinkMemberAccount(roles: readonly RoleLike[]): boolean {
  return isAdmin(roles);
}

/**
 * Whether the actor may register, edit and send down documents and take numbers: of this organization's
 * register; without an organization, of some register (the "register" and "issue" buttons).
 */
export function canManageDocuments(roles: readonly RoleLike[], org?: OrganizationPath): boolean {
  if (org) return managesOrganization(roles, org);
  return isAdmin(roles) || roles.some((r) => MANAGING_ROLES.has(r.role) && r.organizationId !== null);
}

/** Whether the actor reads the registers of a subtree (the number register); a member reads only what reaches them. */
export function readsDocumentRegisters(roles: readonly RoleLike[]): boolean {
  return isAdmin(roles) || roles.some((r) => READING_SUBTREE_ROLES.has(r.role) && r.organizationId !== null);
}

const CONGRESS_READING_ROLES = new Set(['office', 'secretary', 'inspector', 'member']);

/**
 * Whether the actor reads congress plans and their progress: office, secretary and inspector of a subtree,
 * a member of their own organization.
 */
export function readsCongressPlans(roles: readonly RoleLike[]): boolean {
  return isAdmin(roles) || roles.some((r) => CONGRESS_READING_ROLES.has(r.role) && r.organizationId !== null);
}

/**
 * Whether the actor may draw up and edit congress plans and their tasks: of this organization; without an
 * organization, of some organization (the "draw up a plan" button).
 */
export function canManageCongress(roles: readonly RoleLike[], org?: OrganizationPath): boolean {
  if (org) return managesOrganization(roles, org);
  return isAdmin(roles) || roles.some((r) => MANAGING_ROLES.has(r.role) && r.organizationId !== null);
}

/** The organizations at which the actor holds office or secretary: each reaches its subtree. */
export function managingOrganizationIds(roles: readonly RoleLike[]): Set<string> {
  const ids = new Set<string>();
  for (const r of roles)
    if (MANAGING_ROLES.has(r.role) && r.organizationId !== null) ids.add(r.organizationId);
  return ids;
}
