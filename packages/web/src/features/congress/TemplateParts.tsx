import {
  CONGRESS_HELD_STEP,
  getRuleSet,
  PREPARATION_SUBMISSIONS,
  type RuleSetId,
  type StepOffset,
} from '@daihoi/core';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../app/format';
import { useCongressLabels } from './labels';
import { splitOffset, stepMark, type TemplateOrigin } from './templateDraft';

// The pieces the template's read-only list and its editor share: labels, marks, a field with its messages.

type MarkedStep = Parameters<typeof stepMark>[0];

/** The calendar day of a publication, in Vietnam's time zone. */
const dayOf = (timestamp: string | null) => (timestamp ? formatTimestamp(timestamp).slice(0, 10) : '');

/** Labels of the template's codes and offsets, and of where a template comes from. */
export function useTemplateLabels() {
  const { t, i18n } = useTranslation();
  const labels = useCongressLabels();
  const submission = (code: string | null | undefined) => {
    if (!code) return t('common.empty');
    const key = `congressTemplate.submissions.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
  const offset = (value: StepOffset | null) => {
    if (!value) return t('common.empty');
    const { unit, direction, amount } = splitOffset(value);
    if (amount === 0) return t('congressTemplate.onCongressDate');
    return t('congressTemplate.offsetText', {
      n: amount,
      unit: t(`congressTemplate.units.${unit}`),
      direction: t(`congressTemplate.directions.${direction}`),
    });
  };
  /** "Mẫu chung theo Chỉ thị 35-CT/TW", or "Mẫu của …, công bố ngày …". */
  const origin = ({ organization, publishedAt }: TemplateOrigin, ruleSetId: RuleSetId) =>
    organization
      ? t('congressTemplate.origin.published', { organization, date: dayOf(publishedAt) })
      : t('congressTemplate.origin.shipped', { directive: getRuleSet(ruleSetId).source.document });
  return {
    owner: labels.owner,
    ownerOptions: labels.ownerOptions,
    submission,
    submissionOptions: PREPARATION_SUBMISSIONS.map((s) => ({ value: s, label: submission(s) })),
    offset,
    origin,
    unitOptions: (['days', 'workingDays'] as const).map((u) => ({
      value: u,
      label: t(`congressTemplate.units.${u}`),
    })),
    directionOptions: (['before', 'after'] as const).map((d) => ({
      value: d,
      label: t(`congressTemplate.directions.${d}`),
    })),
  };
}

/** The rule a step's offset comes from, or that it is practice to check; the congress as the reference. */
export function StepMarks({ step, ruleSetId }: { step: MarkedStep; ruleSetId: RuleSetId }) {
  const { t } = useTranslation();
  if (step.key === CONGRESS_HELD_STEP)
    return (
      <Tag color="blue" style={{ marginInlineEnd: 0, alignSelf: 'flex-start' }}>
        {t('congressTemplate.marks.congress')}
      </Tag>
    );
  const mark = stepMark(step, ruleSetId);
  if (!mark.source && !mark.unverified) return null;
  return (
    <Flex wrap gap={4} align="center">
      {mark.source && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('congressTemplate.marks.source', { source: mark.source })}
        </Typography.Text>
      )}
      {mark.unverified && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('congressTemplate.marks.unverified')}
        </Tag>
      )}
    </Flex>
  );
}

/** What the "practice, to check" mark means, said once under a list that has it. */
export function PracticeLegend({ steps, ruleSetId }: { steps: readonly MarkedStep[]; ruleSetId: RuleSetId }) {
  const { t } = useTranslation();
  if (!steps.some((s) => s.key !== CONGRESS_HELD_STEP && stepMark(s, ruleSetId).unverified)) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
      <Tag color="orange" style={{ marginInlineEnd: 6 }}>
        {t('congressTemplate.marks.unverified')}
      </Tag>
      {t('congressTemplate.marks.unverifiedHint')}
    </Typography.Paragraph>
  );
}

/** An input with its messages under it, tied together for screen readers. */
export function Field({
  id,
  messages,
  label,
  htmlFor = id,
  children,
}: {
  id: string;
  messages: readonly string[];
  label?: string;
  /** The input the label names, when it is not `id` (the offset's number). */
  htmlFor?: string;
  children: ReactNode;
}) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      {label && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <label htmlFor={htmlFor}>{label}</label>
        </Typography.Text>
      )}
      {children}
      {messages.length > 0 && (
        <Typography.Text id={`${id}-error`} type="danger" style={{ fontSize: 12 }} role="alert">
          {messages.join(' ')}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The attributes that tie an input to the messages under it (Field) and mark it invalid. */
export function invalidProps(id: string, messages: readonly string[]) {
  const invalid = messages.length > 0;
  return {
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    status: invalid ? ('error' as const) : undefined,
  };
}
