import type { RuleSetId } from '@daihoi/core';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/useMediaQuery';
import { PracticeLegend, StepMarks, useTemplateLabels } from './TemplateParts';
import { CalendarNote, DueText, useDuePreview } from './TemplatePreview';
import type { TemplateStep } from './templateApi';
import { shownNote } from './templateDraft';

interface Props {
  steps: TemplateStep[];
  ruleSetId: RuleSetId;
  example: string | null;
}

type Row = TemplateStep & { index: number };

/** A step's title with its note and marks. */
function StepTitle({ step, ruleSetId }: { step: TemplateStep; ruleSetId: RuleSetId }) {
  const note = shownNote(step, ruleSetId);
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span style={{ fontWeight: 500 }}>{step.titleVi}</span>
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
          {note}
        </Typography.Text>
      )}
      <StepMarks step={step} ruleSetId={ruleSetId} />
    </Flex>
  );
}

/** A template's steps as the organizations below receive them, with the example deadlines. */
export function TemplateSteps({ steps, ruleSetId, example }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useTemplateLabels();
  const preview = useDuePreview(
    example,
    steps.map((s) => s.offset),
    ruleSetId,
  );
  const rows: Row[] = steps.map((s, i) => ({ ...s, index: i }));
  const notes = (
    <>
      <PracticeLegend steps={steps} ruleSetId={ruleSetId} />
      <CalendarNote preview={preview} />
    </>
  );
  if (isPhone)
    return (
      <div>
        <ol className="dh-result-list" aria-label={t('congressTemplate.title')}>
          {rows.map((s) => (
            <li key={s.key}>
              <Flex vertical gap={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('congressTemplate.step', { n: s.index + 1 })}
                </Typography.Text>
                <StepTitle step={s} ruleSetId={ruleSetId} />
                <Typography.Text style={{ fontSize: 13 }}>{labels.owner(s.owner)}</Typography.Text>
                <Typography.Text style={{ fontSize: 13 }}>
                  {labels.offset(s.offset)}
                  {example && (
                    <>
                      {' · '}
                      <DueText offset={s.offset} preview={preview} />
                    </>
                  )}
                </Typography.Text>
                {s.submission && (
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {t('congressTemplate.submissionLine', { kind: labels.submission(s.submission) })}
                  </Typography.Text>
                )}
              </Flex>
            </li>
          ))}
        </ol>
        {notes}
      </div>
    );
  const columns: TableColumnsType<Row> = [
    { key: 'index', title: t('congressTemplate.columns.index'), width: 48, render: (_, s) => s.index + 1 },
    {
      key: 'step',
      title: t('congressTemplate.columns.step'),
      render: (_, s) => <StepTitle step={s} ruleSetId={ruleSetId} />,
    },
    {
      key: 'owner',
      title: t('congressTemplate.columns.owner'),
      width: 180,
      render: (_, s) => labels.owner(s.owner),
    },
    {
      key: 'offset',
      title: t('congressTemplate.columns.offset'),
      width: 200,
      render: (_, s) => labels.offset(s.offset),
    },
    {
      key: 'submission',
      title: t('congressTemplate.columns.submission'),
      width: 180,
      render: (_, s) =>
        s.submission ? (
          labels.submission(s.submission)
        ) : (
          <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
        ),
    },
    {
      key: 'due',
      title: t('congressTemplate.columns.due'),
      width: 104,
      render: (_, s) => <DueText offset={s.offset} preview={preview} />,
    },
  ];
  return (
    <div>
      <Table
        rowKey="key"
        size="small"
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 960 }}
        aria-label={t('congressTemplate.title')}
      />
      {notes}
    </div>
  );
}
