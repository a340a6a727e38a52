import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../../app/SearchBox';
import { useDebounced } from '../../app/useDebounced';
import type { User } from '../auth/api';
import { usersQuery } from './api';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserFormModal } from './UserForm';

function RoleTags({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.roles.length === 0)
    return <Typography.Text type="secondary">{t('users.noRoles')}</Typography.Text>;
  return (
    <Flex vertical gap={4} align="flex-start">
      {user.roles.map((r) => (
        <Tag
          key={`${r.role}:${r.organizationId ?? ''}`}
          color={r.role === 'admin' ? 'red' : 'blue'}
          style={{ whiteSpace: 'normal' }}
        >
          {t(`roles.${r.role}`)}
          {r.organizationName ? ` — ${r.organizationName}` : ''}
        </Tag>
      ))}
    </Flex>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const query = useInfiniteQuery(usersQuery(q));
  const users = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('users.create')}
        </Button>
      </Flex>
      <SearchBox
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        value={search}
        onChange={setSearch}
        style={{ maxWidth: 360, marginBottom: 12 }}
      />
      <Table<User>
        rowKey="id"
        size="small"
        loading={query.isPending}
        dataSource={users}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: query.error ? query.error.message : t('common.noData') }}
        columns={[
          { key: 'username', dataIndex: 'username', title: t('users.fields.username'), width: 160 },
          { key: 'displayName', dataIndex: 'displayName', title: t('users.fields.displayName') },
          { key: 'roles', title: t('users.fields.roles'), render: (_, u) => <RoleTags user={u} /> },
          {
            key: 'status',
            title: t('users.fields.status'),
            width: 170,
            render: (_, u) => (
              <Flex vertical gap={4} align="flex-start">
                <Tag color={u.active ? 'green' : 'default'}>
                  {t(u.active ? 'users.statusActive' : 'users.statusInactive')}
                </Tag>
                {u.mustChangePassword && <Tag color="orange">{t('users.mustChangePassword')}</Tag>}
              </Flex>
            ),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 240,
            render: (_, u) => (
              <Flex gap={8} wrap>
                <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(u)}>
                  {t('common.edit')}
                </Button>
                <ResetPasswordButton user={u} />
              </Flex>
            ),
          },
        ]}
      />
      {query.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {editing && (
        <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Card>
  );
}
