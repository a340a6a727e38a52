import { getRuleSet, RULE_SET_IDS } from '@daihoi/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Flex, Result, Row, Select, Skeleton, Tabs, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { LoadFailed } from '../../app/LoadFailed';
import { canManageCongress, readsCongressPlans } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import { useOrganizationOption } from '../dissemination/SessionForm';
import { detailQuery, rootsQuery } from '../organizations/api';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { isUuid } from './helpers';
import { RulesTab } from './RulesTab';
import { defaultRuleSetId, ruleSetIdOr } from './setupRules';
import type { SetupTabProps } from './setupTab';
import { TemplateTab } from './TemplateTab';

interface SetupTab {
  /** The tab's key in the address (`?tab=`). */
  key: string;
  /** Its label's catalog key. */
  label: string;
  Component: ComponentType<SetupTabProps>;
}

/** The page's tabs, in order: a new tab is one more entry here and a component of its own. */
const SETUP_TABS: readonly SetupTab[] = [
  { key: 'rules', label: 'congressSetup.tabs.rules', Component: RulesTab },
  { key: 'template', label: 'congressTemplate.tab', Component: TemplateTab },
];

/**
 * The upper committee's congress setup ("Thiết lập đại hội"): the organization and rule set chosen once
 * above the tabs (in the address, so a link opens the same view), each tab working on them.
 */
export default function SetupPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const isPhone = useIsPhone();
  const today = useSystemInfo().data?.today;
  const [params, setParams] = useSearchParams();
  const asked = params.get('organizationId');
  const roots = useQuery({ ...rootsQuery(), enabled: !isUuid(asked) });
  // Without a choice: the actor's own topmost organization.
  const rootId = roots.data?.items.find((o) => !o.archived)?.id ?? roots.data?.items[0]?.id;
  const organizationId = isUuid(asked) ? asked : rootId;
  const org = useQuery({
    ...detailQuery(organizationId ?? ''),
    enabled: Boolean(organizationId),
    retry: false,
  });
  const orgOption = useOrganizationOption(organizationId);
  const ruleSetId = ruleSetIdOr(params.get('ruleSetId'), defaultRuleSetId(org.data?.terms ?? [], today));
  const tab = SETUP_TABS.find((x) => x.key === params.get('tab'))?.key ?? SETUP_TABS[0]!.key;

  if (!readsCongressPlans(session.roles))
    return <Result status="403" title="403" subTitle={t('app.forbidden')} />;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  const ruleSetOptions = RULE_SET_IDS.map((id) => {
    const r = getRuleSet(id);
    return { value: id, label: t('congressSetup.ruleSetOption', { name: r.name, term: r.term }) };
  });

  const body = () => {
    if (!organizationId && roots.isSuccess)
      return <Alert type="info" showIcon title={t('congressSetup.noOrganization')} />;
    if (org.isError)
      return (
        <LoadFailed title={t('congressSetup.organizationFailed')} error={org.error} onRetry={org.refetch} />
      );
    if (!org.data) return <Skeleton active paragraph={{ rows: 8 }} />;
    const props: SetupTabProps = {
      organization: org.data,
      ruleSetId,
      canManage: canManageCongress(session.roles, org.data) && !org.data.archived,
    };
    return (
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === SETUP_TABS[0]!.key ? null : key })}
        items={SETUP_TABS.map(({ key, label, Component }) => ({
          key,
          label: t(label),
          // A new organization or rule set starts each tab afresh.
          children: <Component key={`${org.data.id}:${ruleSetId}`} {...props} />,
          destroyOnHidden: true,
        }))}
      />
    );
  };

  return (
    <Card size={isPhone ? 'small' : undefined}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('congressSetup.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('congressSetup.subtitle')}</Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col xs={24} md={12}>
          <Flex vertical gap={4} style={{ marginBottom: 12 }}>
            <label htmlFor="dh-setup-organization">{t('congressSetup.organization')}</label>
            <OrganizationSelect
              id="dh-setup-organization"
              value={organizationId ?? null}
              initialOptions={orgOption}
              onChange={(id) => update({ organizationId: id })}
            />
          </Flex>
        </Col>
        <Col xs={24} md={12}>
          <Flex vertical gap={4} style={{ marginBottom: 12 }}>
            <label htmlFor="dh-setup-rule-set">{t('congressSetup.ruleSet')}</label>
            <Select
              id="dh-setup-rule-set"
              value={ruleSetId}
              options={ruleSetOptions}
              onChange={(id: string) => update({ ruleSetId: id })}
            />
          </Flex>
        </Col>
      </Row>
      {body()}
    </Card>
  );
}
