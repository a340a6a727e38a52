import type { CongressRuleSet } from '@daihoi/core';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/format';
import { levelRuleSummary, type RuleLine } from './helpers';
import { useCongressLabels } from './labels';

function Line<T>({ rule, text, show }: { rule: RuleLine<T>; text: string; show?: (value: T) => string }) {
  const { t } = useTranslation();
  return (
    <li style={{ marginBottom: 6 }}>
      <Typography.Text strong>{text}</Typography.Text>
      {rule.unverified && (
        <Tag color="orange" style={{ marginInlineStart: 6 }}>
          {t('congress.rule.unverifiedTag')}
        </Tag>
      )}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('congress.rule.source', { source: rule.source })}
        {rule.note ? ` — ${rule.note}` : ''}
      </Typography.Text>
      {rule.narrows && show && (
        <>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('congress.rule.narrows', { source: rule.narrows.source, value: show(rule.narrows.value) })}
          </Typography.Text>
        </>
      )}
    </li>
  );
}

/**
 * What binds the level's congresses: first and last day, longest length, each with its source — the
 * directive, or the plan of a committee above that narrowed it (with the directive's rule it tightens).
 */
export function RuleCard({ ruleSet, level }: { ruleSet: CongressRuleSet | null; level: string | undefined }) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  if (!ruleSet || !level)
    return (
      <Card size="small" title={t('congress.rule.heading')} style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">
          {ruleSet ? t('congress.rule.pickOrganization') : t('congress.rule.pickTerm')}
        </Typography.Text>
      </Card>
    );
  const s = levelRuleSummary(ruleSet, level);
  const any = s.earliestStart || s.deadline || s.maxDurationDays || s.beforeParentCongress;
  return (
    <Card
      size="small"
      title={t('congress.rule.title', { level: labels.level(level).toLowerCase() })}
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {s.ruleSetName}
      </Typography.Paragraph>
      {any ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {s.earliestStart && (
            <Line
              rule={s.earliestStart}
              text={t('congress.rule.earliestStart', { date: formatDate(s.earliestStart.value) })}
              show={formatDate}
            />
          )}
          {s.deadline && (
            <Line
              rule={s.deadline}
              text={t('congress.rule.deadline', { date: formatDate(s.deadline.value) })}
              show={formatDate}
            />
          )}
          {s.maxDurationDays && (
            <Line
              rule={s.maxDurationDays}
              text={t('congress.rule.maxDuration', { duration: labels.duration(s.maxDurationDays.value) })}
              show={labels.duration}
            />
          )}
          {s.beforeParentCongress && (
            <Line rule={s.beforeParentCongress} text={t('congress.rule.beforeParent')} />
          )}
        </ul>
      ) : (
        <Typography.Text type="secondary">{t('congress.rule.none')}</Typography.Text>
      )}
      {s.unverified && (
        <Flex style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('congress.rule.unverifiedHint')}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
