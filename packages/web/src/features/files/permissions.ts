import { managesOrganization, type OrganizationPath, type RoleLike } from '../../app/permissions';

const UPLOAD_ROLES = new Set(['office', 'secretary', 'inspector']);

/**
 * Mirrors the server's policy for files: an admin everywhere; office, secretary and inspector in the subtree
 * of their organization; a member in their own organization. The server decides for real.
 */
export function canUploadTo(roles: readonly RoleLike[], org: OrganizationPath): boolean {
  const lineage = new Set([org.id, ...(org.ancestors ?? []).map((a) => a.id)]);
  return roles.some(
    (r) =>
      r.role === 'admin' ||
      (UPLOAD_ROLES.has(r.role) && r.organizationId !== null && lineage.has(r.organizationId)) ||
      (r.role === 'member' && r.organizationId === org.id),
  );
}

/** The uploader, or office/secretary/admin over the organization. */
export function canDeleteFile(
  roles: readonly RoleLike[],
  org: OrganizationPath,
  file: { uploadedBy: { id: string } | null },
  userId: string,
): boolean {
  return file.uploadedBy?.id === userId || managesOrganization(roles, org);
}
