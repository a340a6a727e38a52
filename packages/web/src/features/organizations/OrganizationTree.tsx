import { DownOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Empty, Spin, Tag, Tree, type TreeDataNode, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { childrenQuery, detailQuery, type Organization, rootsQuery } from './api';

function NodeTitle({ org }: { org: Organization }) {
  const { t } = useTranslation();
  return (
    <span>
      <Typography.Text type={org.archived ? 'secondary' : undefined}>{org.name}</Typography.Text>
      {org.archived && (
        <Tag style={{ marginInlineStart: 6 }} variant="filled">
          {t('organizations.archivedTag')}
        </Tag>
      )}
    </span>
  );
}

/** The selected organization and its ancestors, so that the tree opens down to it and shows its children. */
function useSelectedPath(selectedId: string | undefined): string[] {
  const { data } = useQuery({ ...detailQuery(selectedId ?? ''), enabled: Boolean(selectedId) });
  if (!data) return [];
  const path = data.ancestors.map((a) => a.id);
  return data.childCount > 0 ? [...path, data.id] : path;
}

export function OrganizationTree({ selectedId }: { selectedId: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roots = useQuery(rootsQuery());
  const [expanded, setExpanded] = useState<string[]>([]);
  const selectedPath = useSelectedPath(selectedId);

  const pathKey = selectedPath.join('/');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the path's ids, not the array identity, matter
  useEffect(() => {
    if (selectedPath.length === 0) return;
    setExpanded((prev) => {
      const missing = selectedPath.filter((id) => !prev.includes(id));
      return missing.length ? [...prev, ...missing] : prev;
    });
  }, [pathKey]);

  // Children are asked for only once their node is on screen: ancestors above the actor's scope are not.
  const shown = new Set((roots.data?.items ?? []).map((o) => o.id));
  for (const id of expanded) {
    for (const child of queryClient.getQueryData(childrenQuery(id).queryKey)?.items ?? [])
      shown.add(child.id);
  }
  const open = expanded.filter((id) => shown.has(id));
  const childLists = useQueries({ queries: open.map((id) => childrenQuery(id)) });
  const childrenOf = new Map<string, Organization[]>();
  open.forEach((id, i) => {
    const items = childLists[i]?.data?.items;
    if (items) childrenOf.set(id, items);
  });

  const loaded = childrenOf.size;
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll again when the selection or the loaded levels change
  useEffect(() => {
    box.current?.querySelector('.ant-tree-treenode-selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, loaded]);

  const toNode = (org: Organization): TreeDataNode => {
    const kids = childrenOf.get(org.id);
    return {
      key: org.id,
      title: <NodeTitle org={org} />,
      isLeaf: org.childCount === 0 && !kids?.length,
      children: kids?.map(toNode),
    };
  };

  if (roots.isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (roots.error) return <Alert type="error" showIcon title={roots.error.message} />;
  if (roots.data.items.length === 0) return <Empty description={t('organizations.emptyTree')} />;

  return (
    <div ref={box} style={{ maxHeight: 'calc(100vh - 250px)', minHeight: 200, overflow: 'auto' }}>
      <Tree
        aria-label={t('organizations.tree')}
        blockNode
        switcherIcon={<DownOutlined aria-hidden />}
        treeData={roots.data.items.map(toNode)}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(_keys, info) => navigate(`/organizations/${String(info.node.key)}`)}
        loadData={async (node) => {
          await queryClient.ensureQueryData(childrenQuery(String(node.key)));
        }}
      />
    </div>
  );
}
