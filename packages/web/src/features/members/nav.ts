/** The member record an account is linked to, when the session carries one. */
export function linkedMemberId(user: object): string | null {
  const id = (user as { memberId?: unknown }).memberId;
  return typeof id === 'string' && id ? id : null;
}

/** The menu entry a path belongs to: the members' pages have entries of their own. */
export function navKeyFor(pathname: string, memberId: string | null): string {
  const segments = pathname.split('/').filter(Boolean);
  const [first = '', second] = segments;
  if (first !== 'members') return first;
  if (second === 'import') return 'members/import';
  if (second === 'statistics') return 'members/statistics';
  if (second && memberId && second === memberId) return 'members/mine';
  return 'members';
}
