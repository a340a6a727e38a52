import {
  BarChartOutlined,
  FileExcelOutlined,
  PlusOutlined,
  PrinterOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { formatDate } from '../../app/format';
import { canManageMembers } from '../../app/permissions';
import { SearchBox } from '../../app/SearchBox';
import { useRoles } from '../../app/session';
import { useDebounced } from '../../app/useDebounced';
import { exportUrl, membersQuery } from './api';
import { filtersFromSearch, filtersToSearch, type MemberFilters } from './filters';
import { MemberFilterBar, useOrganizationOption } from './MemberFilters';
import { MembersTable } from './MembersTable';
import { RequireMemberReader } from './RequireMemberReader';
import './members.css';

/** Rows the print view loads at most before printing. */
const PRINT_LIMIT = 5000;

function useFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const setFilters = (next: MemberFilters) => setParams(filtersToSearch(next), { replace: true });
  return [filters, setFilters] as const;
}

function MembersList() {
  const { t } = useTranslation();
  const roles = useRoles();
  const system = useSystemInfo();
  const [filters, setFilters] = useFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const q = useDebounced(search.trim(), 300);
  const [printing, setPrinting] = useState(false);
  const orgOption = useOrganizationOption(filters.organizationId);

  // The debounced search text joins the other filters in the URL.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search text moves the URL
  useEffect(() => {
    if ((filters.q ?? '') !== q) setFilters({ ...filters, q: q || undefined });
  }, [q]);

  const query = useInfiniteQuery(membersQuery(filters));
  const members = query.data?.pages.flatMap((p) => p.items) ?? [];
  const today = system.data?.today;
  const maxYear = today ? Number(today.slice(0, 4)) : new Date().getFullYear();

  const print = async () => {
    setPrinting(true);
    try {
      let hasNext = query.hasNextPage;
      let count = members.length;
      while (hasNext && count < PRINT_LIMIT) {
        const next = await query.fetchNextPage();
        if (next.isError) break;
        hasNext = next.hasNextPage;
        count = next.data?.pages.reduce((n, p) => n + p.items.length, 0) ?? count;
      }
    } finally {
      setPrinting(false);
    }
    // Give React a frame to render the loaded rows before the print dialog takes the page.
    requestAnimationFrame(() => window.print());
  };

  return (
    <Card className="dh-print-card">
      <div className="dh-print-only">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('members.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: '4px 0 12px' }}>
          {[orgOption[0]?.label, today ? t('members.print.onDate', { date: formatDate(today) }) : null]
            .filter(Boolean)
            .join(' — ')}
        </Typography.Paragraph>
      </div>
      <Flex wrap justify="space-between" gap={12} style={{ marginBottom: 16 }} className="dh-no-print">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('members.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {canManageMembers(roles) && (
            <>
              <Link to="/members/new">
                <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                  {t('members.create')}
                </Button>
              </Link>
              <Link to="/members/import">
                <Button icon={<UploadOutlined aria-hidden />}>{t('members.import.open')}</Button>
              </Link>
            </>
          )}
          <Link
            to={`/members/statistics${filters.organizationId ? `?organizationId=${filters.organizationId}` : ''}`}
          >
            <Button icon={<BarChartOutlined aria-hidden />}>{t('members.statistics.open')}</Button>
          </Link>
          <Button icon={<FileExcelOutlined aria-hidden />} href={exportUrl(filters)} download="export.xlsx">
            {t('members.export')}
          </Button>
          <Button icon={<PrinterOutlined aria-hidden />} onClick={print} loading={printing}>
            {t('members.print.button')}
          </Button>
        </Flex>
      </Flex>
      <div className="dh-no-print">
        <SearchBox
          label={t('members.search')}
          placeholder={t('members.searchPlaceholder')}
          value={search}
          onChange={setSearch}
          style={{ maxWidth: 520, marginBottom: 12 }}
        />
      </div>
      <MemberFilterBar filters={filters} onChange={setFilters} maxYear={maxYear} />
      <MembersTable
        members={members}
        loading={query.isPending}
        emptyText={query.error ? query.error.message : t('members.empty')}
      />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" role="status">
          {query.isSuccess &&
            t(query.hasNextPage ? 'members.shownMore' : 'members.shown', { count: members.length })}
        </Typography.Text>
        {query.hasNextPage && (
          <Button
            className="dh-no-print"
            onClick={() => query.fetchNextPage()}
            loading={query.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

export default function MembersPage() {
  return (
    <RequireMemberReader>
      <MembersList />
    </RequireMemberReader>
  );
}
