import { PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canManageMembers, type OrganizationPath } from '../../app/permissions';
import { SearchBox } from '../../app/SearchBox';
import { useRoles } from '../../app/session';
import { useDebounced } from '../../app/useDebounced';
import { membersQuery } from './api';
import { MembersTable } from './MembersTable';

/** The members of an organization and everything below it. */
export function OrganizationMembersTab({
  organization,
}: {
  organization: OrganizationPath & { archived?: boolean };
}) {
  const { t } = useTranslation();
  const roles = useRoles();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const query = useInfiniteQuery(membersQuery({ organizationId: organization.id, q: q || undefined }, 30));
  const members = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8} justify="space-between">
        <SearchBox
          label={t('members.search')}
          placeholder={t('members.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          style={{ maxWidth: 420 }}
        />
        <Flex wrap gap={8}>
          {canManageMembers(roles, organization) && !organization.archived && (
            <Link to={`/members/new?organizationId=${organization.id}`}>
              <Button icon={<PlusOutlined aria-hidden />}>{t('members.create')}</Button>
            </Link>
          )}
          <Link to={`/members?organizationId=${organization.id}`}>
            <Button icon={<UnorderedListOutlined aria-hidden />}>{t('members.openFullList')}</Button>
          </Link>
        </Flex>
      </Flex>
      <MembersTable
        members={members}
        loading={query.isPending}
        emptyText={query.error ? query.error.message : t('members.empty')}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {query.isSuccess &&
            t(query.hasNextPage ? 'members.shownMore' : 'members.shown', { count: members.length })}
        </Typography.Text>
        {query.hasNextPage && (
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
