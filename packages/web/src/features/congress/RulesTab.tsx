import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { RuleSetId } from '@daihoi/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  type FormInstance,
  Input,
  Row,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatDate } from '../../app/format';
import { LoadFailed } from '../../app/LoadFailed';
import { useFormMutation } from '../../app/useFormMutation';
import { useIsPhone } from '../../app/useMediaQuery';
import { CONGRESS_KEY } from './api';
import { durationOptions } from './helpers';
import { useCongressLabels } from './labels';
import {
  type CongressRules,
  congressRulesQuery,
  putCongressRules,
  RULE_FIELDS,
  type RuleField,
} from './setupApi';
import {
  aboveRule,
  bindingRule,
  changedPaths,
  directiveRule,
  forRulesForm,
  type LevelValues,
  mergeRulesFresh,
  noDayLeft,
  ownSource,
  type RulesFormValues,
  rulesBody,
  rulesToValues,
  type ShownRule,
  shownLevels,
} from './setupRules';
import type { SetupTabProps } from './setupTab';

const SOURCE_MAX = 300;

// The form keeps ISO dates, as the server and the helpers take them; the pickers see dayjs values.
const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

function useRuleText() {
  const labels = useCongressLabels();
  return (field: RuleField, value: string | number) =>
    field === 'maxDurationDays' ? labels.duration(Number(value)) : formatDate(String(value));
}

/** A rule with its source under it, and the "unverified" mark where RULES.md calls it a default. */
function RuleLine({ field, rule, prefix }: { field: RuleField; rule: ShownRule; prefix?: string }) {
  const { t } = useTranslation();
  const text = useRuleText();
  return (
    <Flex vertical gap={0}>
      <span>
        {prefix && <Typography.Text type="secondary">{prefix} </Typography.Text>}
        <Typography.Text strong>{text(field, rule.value)}</Typography.Text>
        {rule.unverified && (
          <Tag color="orange" style={{ marginInlineStart: 6 }}>
            {t('congressSetup.rules.unverified')}
          </Tag>
        )}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('congressSetup.rules.source', { source: rule.source })}
      </Typography.Text>
    </Flex>
  );
}

interface LevelCardProps {
  level: string;
  data: CongressRules;
  ruleSetId: RuleSetId;
  editable: boolean;
}

/** One level: per rule, what binds the committee (the directive, a committee above) beside its own value. */
function LevelCard({ level, data, ruleSetId, editable }: LevelCardProps) {
  const { t } = useTranslation();
  const labels = useCongressLabels();
  const text = useRuleText();
  const isPhone = useIsPhone();
  const own = data.own?.levels[level] ?? {};
  const durations = durationOptions().map((d) => ({ value: d, label: labels.duration(d) }));
  // A first day after the deadline leaves the level no day: said under the date typed, before saving.
  const leavesADay =
    (field: 'earliestStart' | 'deadline') =>
    ({ getFieldValue }: Pick<FormInstance, 'getFieldValue'>) => ({
      validator: async () => {
        const problem = noDayLeft(getFieldValue(['levels', level]) as LevelValues, data, ruleSetId, level);
        if (problem?.field === field)
          throw new Error(
            t('congressSetup.rules.noDayLeft', {
              level: labels.level(level).toLowerCase(),
              first: formatDate(problem.first),
              last: formatDate(problem.last),
            }),
          );
      },
    });
  return (
    <Card
      size="small"
      title={labels.level(level)}
      role="region"
      aria-label={labels.level(level)}
      styles={{ body: { paddingBlock: 8 } }}
    >
      {!isPhone && (
        <Row gutter={16} aria-hidden style={{ paddingBlock: 4 }}>
          <Col md={6} />
          <Col md={9}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('congressSetup.rules.columns.binding')}
            </Typography.Text>
          </Col>
          <Col md={9}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('congressSetup.rules.columns.own')}
            </Typography.Text>
          </Col>
        </Row>
      )}
      {RULE_FIELDS.map((field, i) => {
        const directive = directiveRule(ruleSetId, level, field);
        const above = aboveRule(data, ruleSetId, level, field);
        const binding = bindingRule(data, ruleSetId, level, field);
        const label = t(`congressSetup.rules.fields.${field}`);
        const aria = t('congressSetup.rules.ownOf', { rule: label, level: labels.level(level) });
        const stored = own[field];
        return (
          <Row
            key={field}
            gutter={[16, 4]}
            style={{
              paddingBlock: 8,
              borderTop: i > 0 ? '1px solid #f0f0f0' : undefined,
            }}
          >
            <Col xs={24} md={6}>
              <Typography.Text strong={isPhone}>{label}</Typography.Text>
            </Col>
            <Col xs={24} md={9}>
              <Flex vertical gap={6}>
                {directive ? (
                  <RuleLine
                    field={field}
                    rule={directive}
                    prefix={t('congressSetup.rules.directivePrefix')}
                  />
                ) : (
                  <Typography.Text type="secondary">
                    {t('congressSetup.rules.noDirectiveRule')}
                  </Typography.Text>
                )}
                {above && (
                  <RuleLine field={field} rule={above} prefix={t('congressSetup.rules.abovePrefix')} />
                )}
              </Flex>
            </Col>
            <Col xs={24} md={9}>
              {editable ? (
                <Form.Item
                  name={['levels', level, field]}
                  style={{ marginBottom: 0 }}
                  {...(field === 'maxDurationDays'
                    ? {}
                    : {
                        ...dateProps,
                        dependencies: [
                          ['levels', level, field === 'deadline' ? 'earliestStart' : 'deadline'],
                        ],
                        rules: [leavesADay(field)],
                      })}
                >
                  {field === 'maxDurationDays' ? (
                    <Select
                      aria-label={aria}
                      allowClear
                      placeholder={t('congressSetup.rules.notNarrowed')}
                      options={durations}
                    />
                  ) : (
                    <DatePicker
                      aria-label={aria}
                      format={DATE_INPUT_FORMAT}
                      placeholder={t('congressSetup.rules.notNarrowed')}
                      style={{ width: '100%' }}
                      defaultPickerValue={binding ? dayjs(String(binding.value)) : undefined}
                    />
                  )}
                </Form.Item>
              ) : (
                <Flex vertical gap={0}>
                  {isPhone && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('congressSetup.rules.ownPrefix')}
                    </Typography.Text>
                  )}
                  {stored === undefined ? (
                    <Typography.Text type="secondary">{t('congressSetup.rules.notNarrowed')}</Typography.Text>
                  ) : (
                    <Typography.Text strong>{text(field, stored)}</Typography.Text>
                  )}
                </Flex>
              )}
            </Col>
          </Row>
        );
      })}
    </Card>
  );
}

interface EditorProps extends SetupTabProps {
  data: CongressRules;
}

function RulesEditor({ organization, ruleSetId, canManage, data }: EditorProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RulesFormValues>();
  const levels = shownLevels(organization.level, data.own);
  const [initial] = useState(() => rulesToValues(data.own, levels));
  const baseRef = useRef<RulesFormValues>(initial);
  const versionRef = useRef<number | undefined>(data.own?.version);
  const [dirty, setDirty] = useState(false);
  const query = congressRulesQuery(organization.id, ruleSetId);

  const reset = (next: RulesFormValues) => {
    baseRef.current = next;
    form.resetFields();
    form.setFieldsValue(next);
    setDirty(false);
  };

  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ ...query, staleTime: 0 });
    const freshValues = rulesToValues(fresh.own, shownLevels(organization.level, fresh.own));
    const current = form.getFieldsValue(true) as RulesFormValues;
    form.setFieldsValue(mergeRulesFresh(current, baseRef.current, freshValues));
    baseRef.current = freshValues;
    versionRef.current = fresh.own?.version;
  };

  // The server's messages from the last attempt go before the next one (the form's own rules passed).
  const clearServerErrors = () =>
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length > 0)
        .map((f) => ({ name: f.name as never, errors: [] })),
    );

  const { mutation, formError, clearFormError } = useFormMutation(form, {
    mutationFn: async (values: RulesFormValues) => {
      try {
        return await putCongressRules(organization.id, rulesBody(values, ruleSetId, versionRef.current));
      } catch (error) {
        throw forRulesForm(error);
      }
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(query.queryKey, saved);
      versionRef.current = saved.own?.version;
      reset(rulesToValues(saved.own, shownLevels(organization.level, saved.own)));
      // Plans below are checked against the new rules; the dashboard's deadlines follow them.
      void queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY, 'dashboard'] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      showSuccess(t('congressSetup.rules.saved', { organization: organization.name }));
    },
    onConflict: () => {
      modal.confirm({
        title: t('congressSetup.rules.conflict'),
        okText: t('congress.plan.conflictReload'),
        cancelText: t('common.close'),
        onOk: reload,
      });
    },
  });

  if (levels.length === 0) return <Empty description={t('congressSetup.rules.noLevelsBelow')} />;
  const editable = canManage;
  const required = (key: string, select = false) => ({
    required: true,
    ...(select ? {} : { whitespace: true }),
    message: t(select ? 'validation.select' : 'validation.required', {
      field: t(`congressSetup.rules.fields.${key}`).toLowerCase(),
    }),
  });

  return (
    <Form<RulesFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={mutation.isPending}
      onValuesChange={(changed: object) => {
        setDirty(true);
        // A server message goes once the user changes the field it was about; the alert with it.
        form.setFields(
          changedPaths(changed).map((name) => ({ name: name as ['levels', string, RuleField], errors: [] })),
        );
        clearFormError();
      }}
      onFinish={() => {
        clearServerErrors();
        mutation.mutate(form.getFieldsValue(true) as RulesFormValues);
      }}
      scrollToFirstError={{ block: 'center' }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('congressSetup.rules.intro')}
      </Typography.Paragraph>
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('congressSetup.rules.readOnly', { organization: organization.name })}
        />
      )}
      {data.overruled.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('congressSetup.rules.overruled')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {data.overruled.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          }
        />
      )}
      <FormError error={formError} />
      {editable ? (
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="sourceDocument"
              label={t('congressSetup.rules.fields.sourceDocument')}
              extra={t('congressSetup.rules.hints.sourceDocument')}
              rules={[required('sourceDocument')]}
            >
              <Input
                maxLength={SOURCE_MAX}
                placeholder={t('congressSetup.rules.placeholders.sourceDocument')}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="sourceDate"
              label={t('congressSetup.rules.fields.sourceDate')}
              rules={[required('sourceDate', true)]}
              {...dateProps}
            >
              <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        data.own && (
          <Typography.Paragraph>
            {t('congressSetup.rules.ownSource', {
              source: ownSource(data.own),
            })}
          </Typography.Paragraph>
        )
      )}
      <Flex vertical gap={12}>
        {levels.map((level) => (
          <LevelCard key={level} level={level} data={data} ruleSetId={ruleSetId} editable={editable} />
        ))}
      </Flex>
      {editable && (
        <Flex wrap gap={8} justify="flex-end" align="center" style={{ marginTop: 16 }}>
          {dirty && (
            <Typography.Text type="warning" role="status">
              {t('congressSetup.rules.unsaved')}
            </Typography.Text>
          )}
          <Button
            icon={<UndoOutlined aria-hidden />}
            disabled={!dirty || mutation.isPending}
            onClick={() => {
              clearFormError();
              reset(baseRef.current);
            }}
          >
            {t('congressSetup.rules.discard')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined aria-hidden />}
            loading={mutation.isPending}
            disabled={!dirty}
          >
            {t('congressSetup.rules.save')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}

/**
 * "Thời hạn của cấp mình": the committee's narrowing of the rule set for its subtree — per level below it, the
 * directive's rule (and a committee above's) beside its own value; saved citing its plan, refused by the
 * server when looser. Read only for those who may not manage the organization's congresses.
 */
export function RulesTab(props: SetupTabProps) {
  const { t } = useTranslation();
  const query = useQuery(congressRulesQuery(props.organization.id, props.ruleSetId));
  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.isError)
    return (
      <LoadFailed title={t('congressSetup.rules.loadFailed')} error={query.error} onRetry={query.refetch} />
    );
  return <RulesEditor {...props} data={query.data} />;
}
