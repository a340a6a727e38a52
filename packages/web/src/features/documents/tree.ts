export interface OrgNodeSource {
  id: string;
  parentId: string | null;
  name: string;
  code: string;
  archived: boolean;
}

export interface OrgTreeNode {
  value: string;
  title: string;
  /** What the search matches: name and code. */
  search: string;
  disabled?: boolean;
  children?: OrgTreeNode[];
}

/**
 * The organizations below `rootId` as a tree for choosing recipients, in the order given (the server's
 * Vietnamese order). The root itself and archived organizations are left out (nothing is sent to them);
 * those in `disabledIds` stay visible but cannot be chosen again, with `suffix` after their name.
 */
export function subtreeNodes(
  organizations: readonly OrgNodeSource[],
  rootId: string,
  disabledIds: ReadonlySet<string> = new Set(),
  suffix = '',
): OrgTreeNode[] {
  const byParent = new Map<string, OrgNodeSource[]>();
  for (const o of organizations) {
    if (o.archived || o.id === rootId || !o.parentId) continue;
    const list = byParent.get(o.parentId) ?? [];
    list.push(o);
    byParent.set(o.parentId, list);
  }
  const build = (parentId: string, seen: Set<string>): OrgTreeNode[] =>
    (byParent.get(parentId) ?? [])
      .filter((o) => !seen.has(o.id))
      .map((o) => {
        const taken = disabledIds.has(o.id);
        const children = build(o.id, new Set([...seen, o.id]));
        const node: OrgTreeNode = {
          value: o.id,
          title: taken && suffix ? `${o.name} (${suffix})` : o.name,
          search: `${o.name} ${o.code}`,
        };
        if (taken) node.disabled = true;
        if (children.length > 0) node.children = children;
        return node;
      });
  return build(rootId, new Set([rootId]));
}

/** The direct subordinates of the root that may still be chosen. */
export function directChildren(nodes: readonly OrgTreeNode[]): OrgTreeNode[] {
  return nodes.filter((n) => !n.disabled);
}
