import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { childrenQuery, type Organization } from './api';
import { useOrganizationLabels } from './labels';

export function ChildrenTable({ parentId }: { parentId: string }) {
  const { t } = useTranslation();
  const labels = useOrganizationLabels();
  const { data, isPending, error } = useQuery(childrenQuery(parentId));
  return (
    <Table<Organization>
      rowKey="id"
      size="small"
      loading={isPending}
      dataSource={data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: error ? error.message : t('organizations.noChildren') }}
      scroll={{ x: 640 }}
      columns={[
        {
          key: 'name',
          title: t('organizations.fields.name'),
          render: (_, org) => (
            <>
              <Link to={`/organizations/${org.id}`}>{org.name}</Link>
              {org.archived && (
                <Tag style={{ marginInlineStart: 8 }} variant="filled">
                  {t('organizations.archivedTag')}
                </Tag>
              )}
            </>
          ),
        },
        { key: 'code', dataIndex: 'code', title: t('organizations.fields.code'), width: 140 },
        { key: 'level', title: t('organizations.fields.level'), render: (_, org) => labels.level(org.level) },
        { key: 'kind', title: t('organizations.fields.kind'), render: (_, org) => labels.kind(org.kind) },
      ]}
    />
  );
}
