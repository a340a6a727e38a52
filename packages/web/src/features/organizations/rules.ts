import {
  canContain,
  isOrganizationKind,
  isOrganizationLevel,
  kindHoldsOrganizations,
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVELS,
} from '@daihoi/core';

/** The levels a new organization may take directly under this parent (core's ladder). */
export function childLevels(parent: { level: string; kind: string }): string[] {
  const { level, kind } = parent;
  if (!isOrganizationLevel(level)) return [];
  if (isOrganizationKind(kind) && !kindHoldsOrganizations(kind)) return [];
  return ORGANIZATION_LEVELS.filter((child) => canContain(level, child));
}

/** The kinds an organization may have at this level. */
export function kindsForLevel(level: string | undefined): string[] {
  if (!level) return [];
  return ORGANIZATION_KINDS.filter((k) => (k.levels as readonly string[]).includes(level)).map((k) => k.code);
}
