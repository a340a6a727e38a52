import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Descriptions, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../app/api';
import { formatDate } from '../../app/format';
import { organizationAbilities, readsMembers, readsOrganization } from '../../app/permissions';
import { useRoles } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { AuditTable } from '../audit/AuditTable';
import { Attachments } from '../files/Attachments';
import { OrganizationCommitteeTab } from '../members/OrganizationCommitteeTab';
import { OrganizationMembersTab } from '../members/OrganizationMembersTab';
import { type OrganizationDetail as Detail, detailQuery } from './api';
import { ChildrenTable } from './ChildrenTable';
import { useOrganizationLabels } from './labels';
import { OrganizationActions } from './OrganizationActions';
import { childLevels } from './rules';
import { TermsTable } from './TermsTable';

export function OrganizationNotFound() {
  const { t } = useTranslation();
  return (
    <Card>
      <Result
        status="404"
        title={t('organizations.notFound')}
        subTitle={t('organizations.notFoundHint')}
        extra={
          <Link to="/organizations">
            <Button type="primary">{t('organizations.backToList')}</Button>
          </Link>
        }
      />
    </Card>
  );
}

function Info({ org }: { org: Detail }) {
  const { t } = useTranslation();
  const labels = useOrganizationLabels();
  const dash = t('common.empty');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={[
        { key: 'name', label: t('organizations.fields.name'), children: org.name, span: 'filled' },
        { key: 'code', label: t('organizations.fields.code'), children: org.code },
        { key: 'shortName', label: t('organizations.fields.shortName'), children: org.shortName || dash },
        { key: 'issuerCode', label: t('organizations.fields.issuerCode'), children: org.issuerCode || dash },
        { key: 'placeName', label: t('organizations.fields.placeName'), children: org.placeName || dash },
        {
          key: 'foundedOn',
          label: t('organizations.fields.foundedOn'),
          children: formatDate(org.foundedOn) || dash,
        },
        { key: 'level', label: t('organizations.fields.level'), children: labels.level(org.level) },
        { key: 'kind', label: t('organizations.fields.kind'), children: labels.kind(org.kind) },
        {
          key: 'archived',
          label: t('organizations.fields.archived'),
          children: org.archived ? (
            <Tag color="default">{t('organizations.archivedTag')}</Tag>
          ) : (
            <Tag color="green">{t('organizations.active')}</Tag>
          ),
        },
      ]}
    />
  );
}

export function OrganizationDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const isPhone = useIsPhone();
  const [params] = useSearchParams();
  const { data: org, error, isPending, refetch } = useQuery(detailQuery(id));

  if (isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (error) {
    // A malformed id (400) is as unknown as a missing one (404).
    if (isApiError(error) && (error.status === 404 || error.status === 400)) return <OrganizationNotFound />;
    return (
      <Card>
        <Result
          status="error"
          title={t('app.loadFailed')}
          subTitle={error.message}
          extra={<Button onClick={() => refetch()}>{t('app.retry')}</Button>}
        />
      </Card>
    );
  }

  const can = organizationAbilities(roles, org);
  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          ...org.ancestors.map((a, i) => ({
            key: a.id,
            title: readsOrganization(roles, { id: a.id, ancestors: org.ancestors.slice(0, i) }) ? (
              <Link to={`/organizations/${a.id}`}>{a.name}</Link>
            ) : (
              a.name
            ),
          })),
          { key: org.id, title: org.shortName || org.name },
        ]}
      />
      <Flex wrap justify="space-between" align="flex-start" gap={12}>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {org.name}
            {org.archived && (
              <Tag style={{ marginInlineStart: 8, verticalAlign: 'middle' }}>
                {t('organizations.archivedTag')}
              </Tag>
            )}
          </Typography.Title>
          <Typography.Text type="secondary">{org.code}</Typography.Text>
        </Flex>
        <OrganizationActions org={org} can={can} />
      </Flex>
      <Tabs
        style={{ marginTop: 8 }}
        defaultActiveKey={params.get('tab') ?? undefined}
        items={[
          {
            key: 'info',
            label: t('organizations.tabs.info'),
            children: (
              <Flex vertical gap={24}>
                <Info org={org} />
                <TermsTable org={org} canManage={can.manageTerms} />
              </Flex>
            ),
          },
          ...(org.childCount > 0 || childLevels(org).length > 0
            ? [
                {
                  key: 'children',
                  label: `${t('organizations.tabs.children')} (${org.childCount})`,
                  children: <ChildrenTable parentId={org.id} />,
                },
              ]
            : []),
          ...(readsMembers(roles)
            ? [
                {
                  key: 'members',
                  label: t('organizations.tabs.members'),
                  children: <OrganizationMembersTab organization={org} />,
                  destroyOnHidden: true,
                },
              ]
            : []),
          {
            key: 'committee',
            label: t('organizations.tabs.committee'),
            children: <OrganizationCommitteeTab org={org} />,
            destroyOnHidden: true,
          },
          {
            key: 'files',
            label: t('organizations.tabs.files'),
            children: (
              <Attachments
                organization={org}
                entity="organization"
                entityId={org.id}
                readOnly={org.archived}
              />
            ),
            destroyOnHidden: true,
          },
          {
            key: 'audit',
            label: t('organizations.tabs.audit'),
            children: <AuditTable filter={{ entity: 'organization', entityId: org.id }} compact />,
            destroyOnHidden: true,
          },
        ]}
      />
    </Card>
  );
}
