import { ImportOutlined, NumberOutlined, SendOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { canManageDocuments, readsDocumentRegisters } from '../../app/permissions';
import { SearchBox } from '../../app/SearchBox';
import { useRoles } from '../../app/session';
import { useDebounced } from '../../app/useDebounced';
import { documentsQuery } from './api';
import { DocumentFilterBar } from './DocumentFilters';
import { DocumentsTable } from './DocumentsTable';
import { type DocumentFilters, filtersFromSearch, filtersToSearch } from './filters';

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const setFilters = (next: DocumentFilters) => setParams(filtersToSearch(next), { replace: true });
  return [filters, setFilters] as const;
}

/** Where "register" and "issue" open the form: in the register being looked at, if one is chosen. */
const newPath = (direction: 'incoming' | 'outgoing', organizationId: string | undefined) =>
  `/documents/new?direction=${direction}${organizationId ? `&organizationId=${organizationId}` : ''}`;

export default function DocumentsPage() {
  const { t } = useTranslation();
  const roles = useRoles();
  const system = useSystemInfo();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebounced(search.trim(), 300);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text moves the URL
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ ...filters, q: q || undefined });
  }, [q]);

  const query = useInfiniteQuery(documentsQuery(filters));
  const documents = query.data?.pages.flatMap((p) => p.items) ?? [];
  const today = system.data?.today;
  const maxYear = today ? Number(today.slice(0, 4)) : new Date().getFullYear();
  const filtered = Object.keys(filtersToSearch(filters)).length > 0;

  return (
    <Card>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('documents.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {canManageDocuments(roles) && (
            <>
              <Link to={newPath('incoming', filters.organizationId)}>
                <Button type="primary" icon={<ImportOutlined aria-hidden />}>
                  {t('documents.createIncoming')}
                </Button>
              </Link>
              <Link to={newPath('outgoing', filters.organizationId)}>
                <Button icon={<SendOutlined aria-hidden />}>{t('documents.createOutgoing')}</Button>
              </Link>
            </>
          )}
          {readsDocumentRegisters(roles) && (
            <Link
              to={`/documents/numbers${filters.organizationId ? `?issuerOrganizationId=${filters.organizationId}` : ''}`}
            >
              <Button icon={<NumberOutlined aria-hidden />}>{t('documents.numbers.title')}</Button>
            </Link>
          )}
        </Flex>
      </Flex>
      <SearchBox
        label={t('documents.search')}
        placeholder={t('documents.searchPlaceholder')}
        value={search}
        onChange={setSearch}
        style={{ maxWidth: 560, marginBottom: 12 }}
      />
      <DocumentFilterBar filters={filters} onChange={setFilters} maxYear={maxYear} />
      <DocumentsTable
        documents={documents}
        loading={query.isPending}
        emptyText={
          query.error ? query.error.message : t(filtered ? 'documents.empty' : 'documents.emptyRegister')
        }
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" role="status">
          {query.isSuccess &&
            documents.length > 0 &&
            t(query.hasNextPage ? 'documents.shownMore' : 'documents.shown', { count: documents.length })}
        </Typography.Text>
        {query.hasNextPage && (
          <Button onClick={() => query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
