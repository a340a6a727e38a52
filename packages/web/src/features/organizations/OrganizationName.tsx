import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { Link } from 'react-router';
import { detailQuery } from './api';

/** An organization's name by id, linked to its page; the bare id when it cannot be read. */
export function OrganizationName({ id }: { id: string }) {
  const { data, isPending } = useQuery({ ...detailQuery(id), retry: false, staleTime: 5 * 60_000 });
  if (isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (!data) return <Typography.Text type="secondary">{id.slice(0, 8)}</Typography.Text>;
  return <Link to={`/organizations/${id}`}>{data.name}</Link>;
}
