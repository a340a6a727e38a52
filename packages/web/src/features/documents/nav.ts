/** The menu entry of a documents page, or null outside them: the register's pages have entries of their own. */
export function documentsNavKey(pathname: string): string | null {
  const [first = '', second] = pathname.split('/').filter(Boolean);
  if (first !== 'documents') return null;
  if (second === 'incoming') return 'documents/incoming';
  if (second === 'numbers') return 'documents/numbers';
  return 'documents';
}
