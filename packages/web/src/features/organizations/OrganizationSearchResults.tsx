import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { searchQuery } from './api';
import { useOrganizationLabels } from './labels';

interface Props {
  q: string;
  selectedId: string | undefined;
  /** Called when a result is opened: the page then shows it in the tree. */
  onPick?: () => void;
}

export function OrganizationSearchResults({ q, selectedId, onPick }: Props) {
  const { t } = useTranslation();
  const labels = useOrganizationLabels();
  const { data, isPending, error } = useQuery(searchQuery(q));
  if (isPending) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (data.items.length === 0) return <Empty description={t('organizations.noResults')} />;
  return (
    <nav aria-label={t('organizations.searchResults')}>
      <ul className="dh-result-list">
        {data.items.map((org) => (
          <li key={org.id} aria-current={org.id === selectedId ? 'true' : undefined}>
            <Flex vertical gap={2}>
              <Link
                to={`/organizations/${org.id}`}
                onClick={onPick}
                style={{ fontWeight: org.id === selectedId ? 600 : 400 }}
              >
                {org.name}
              </Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {org.code} · {labels.level(org.level)}
                {org.archived && (
                  <Tag style={{ marginInlineStart: 8 }} variant="filled">
                    {t('organizations.archivedTag')}
                  </Tag>
                )}
              </Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
    </nav>
  );
}
