import { getRuleSet, isRuleSetId } from '@daihoi/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Flex,
  Form,
  Grid,
  Input,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSystemInfo } from '../../app/DemoBanner';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatDate } from '../../app/format';
import { useFormMutation } from '../../app/useFormMutation';
import { useOrganizationOption } from '../dissemination/SessionForm';
import { detailQuery } from '../organizations/api';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import {
  CONGRESS_KEY,
  type CongressPlanDetail,
  createPlan,
  organizationPlansQuery,
  planQuery,
  updatePlan,
} from './api';
import {
  createPlanBody,
  existingPlanId,
  type KindChoice,
  mergeFresh,
  PLAN_FIELDS,
  type PlanFormValues,
  planChanges,
  planToValues,
  withFormErrors,
} from './form';
import {
  defaultTermId,
  durationOptions,
  kindForLevel,
  kindNeedsReason,
  levelRuleSummary,
  narrowedRuleSet,
  ruleSetForTerm,
  termIdByName,
} from './helpers';
import { useCongressLabels } from './labels';
import { RuleCard } from './RuleCard';
import { congressRulesQuery } from './setupApi';

type Props =
  | {
      mode: 'create';
      organizationId?: string;
      /** A term name to preselect ("2020–2025"), as the dashboard passes it. */
      termName?: string;
      onSaved: (plan: CongressPlanDetail) => void;
      onCancel: () => void;
    }
  | {
      mode: 'edit';
      plan: CongressPlanDetail;
      onSaved: (plan: CongressPlanDetail) => void;
      onCancel: () => void;
    };

const REASON_MAX = 1000;
const NOTE_MAX = 5000;

export function PlanForm(props: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const labels = useCongressLabels();
  const queryClient = useQueryClient();
  const today = useSystemInfo().data?.today;
  const [form] = Form.useForm<PlanFormValues>();
  const plan = props.mode === 'edit' ? props.plan : null;
  const termName = props.mode === 'create' ? props.termName : undefined;
  // Side by side from md up; on a narrow screen the rule follows the date fields directly.
  const wide = Grid.useBreakpoint().md ?? true;

  const [initial] = useState<PlanFormValues>(() =>
    plan
      ? planToValues(plan)
      : {
          organizationId: props.mode === 'create' ? props.organizationId : undefined,
          durationDays: 1,
          congressKind: 'auto',
        },
  );
  const baseRef = useRef<PlanFormValues>(initial);
  const versionRef = useRef<number | null>(plan?.version ?? null);

  const organizationId = Form.useWatch('organizationId', form) ?? initial.organizationId;
  const termId = Form.useWatch('termId', form) ?? initial.termId;
  const kind = (Form.useWatch('congressKind', form) ?? initial.congressKind) as KindChoice | undefined;
  const durationDays = Form.useWatch('durationDays', form) ?? initial.durationDays;
  const orgOption = useOrganizationOption(plan ? null : organizationId);
  const org = useQuery({
    ...detailQuery(organizationId ?? ''),
    enabled: !plan && Boolean(organizationId),
    retry: false,
  });
  const existing = useQuery({
    ...organizationPlansQuery(organizationId ?? ''),
    enabled: !plan && Boolean(organizationId),
  });
  const terms = org.data?.terms ?? [];
  const level = plan ? plan.organization.level : org.data?.level;
  const term = plan ? plan.term : terms.find((x) => x.id === termId);
  const directive = plan
    ? isRuleSetId(plan.ruleSet.id)
      ? getRuleSet(plan.ruleSet.id)
      : ruleSetForTerm(plan.term.name)
    : ruleSetForTerm(term?.name);
  // The committees above may have narrowed the directive for this organization's congress; until their
  // narrowings arrive (or if they cannot be read) the directive alone is shown.
  const rulesOrgId = plan ? plan.organization.id : organizationId;
  const narrowings = useQuery({
    ...congressRulesQuery(rulesOrgId ?? '', directive?.id ?? ''),
    enabled: Boolean(rulesOrgId && directive),
    select: (data) => data.narrowings,
  });
  const ruleSet = directive ? narrowedRuleSet(directive, narrowings.data) : null;
  const rules = ruleSet && level ? levelRuleSummary(ruleSet, level) : null;
  const threshold = ruleSet?.allMemberCongressBelow.value ?? 200;
  const expectedKind = plan ? plan.derivedKind.kind : kindForLevel(level);
  const showReason = kindNeedsReason(kind, expectedKind) || Boolean(plan?.congressKindReason);
  const alreadyPlanned =
    !plan && termId
      ? existing.data?.items.find((p) => p.organization.id === organizationId && p.term.id === termId)
      : undefined;

  // A new organization brings its own terms: preselect the congress wave after the business date.
  const defaultedFor = useRef<string | null>(null);
  useEffect(() => {
    if (plan || !org.data || defaultedFor.current === org.data.id) return;
    defaultedFor.current = org.data.id;
    const current = form.getFieldValue('termId') as string | undefined;
    if (current && org.data.terms.some((x) => x.id === current)) return;
    const byName = termIdByName(org.data.terms, termName);
    form.setFieldValue('termId', byName ?? defaultTermId(org.data.terms, today));
  }, [org.data, plan, today, form, termName]);

  // The shortest levels (a cell's half day) start from their longest allowed length, until the user chooses.
  const maxDays = rules?.maxDurationDays?.value;
  useEffect(() => {
    if (plan || maxDays === undefined || form.isFieldTouched('durationDays')) return;
    form.setFieldValue('durationDays', Math.min(1, maxDays));
  }, [maxDays, plan, form]);

  const reload = async () => {
    if (!plan) return;
    const fresh = await queryClient.fetchQuery({ ...planQuery(plan.id), staleTime: 0 });
    const freshValues = planToValues(fresh);
    const current = form.getFieldsValue(true) as PlanFormValues;
    const merged = mergeFresh(current, baseRef.current, freshValues);
    baseRef.current = freshValues;
    versionRef.current = fresh.version;
    form.setFieldsValue(merged);
  };

  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (values: PlanFormValues) =>
      withFormErrors(async () => {
        if (!plan) return createPlan(createPlanBody(values));
        const patch = planChanges(values, baseRef.current);
        if (Object.keys(patch).length === 0) return plan;
        return updatePlan(plan.id, { ...patch, version: versionRef.current ?? plan.version });
      }, PLAN_FIELDS),
    onSuccess: async (saved) => {
      queryClient.setQueryData(planQuery(saved.id).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      showSuccess(
        plan ? t('congress.plan.updated') : t('congress.plan.created', { name: saved.organization.name }),
      );
      props.onSaved(saved);
    },
    onConflict: () => {
      modal.confirm({
        title: t('congress.plan.conflict'),
        okText: t('congress.plan.conflictReload'),
        cancelText: t('common.close'),
        onOk: reload,
      });
    },
  });
  const existingId = existingPlanId(mutation.error) ?? alreadyPlanned?.id ?? null;

  const fieldLabel = (key: string) => t(`congress.fields.${key}`);
  const half = { xs: 24, md: 12 };
  const kindOptions = [
    ...(plan ? [] : [{ value: 'auto', label: t('congress.kinds.auto') }]),
    ...labels.kindOptions,
  ];
  const kindHint = plan
    ? t('congress.hints.kindDerived', {
        count: plan.derivedKind.memberCount,
        threshold: plan.derivedKind.threshold,
        kind: labels.kind(plan.derivedKind.kind),
      })
    : expectedKind
      ? t('congress.hints.kindByLevel', { kind: labels.kind(expectedKind) })
      : t('congress.hints.kindByMembers', { threshold });

  return (
    <>
      <FormError error={formError} />
      {existingId && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('congress.plan.exists')}
          action={
            <Link to={`/congress-plans/${existingId}`}>
              <Button size="small">{t('congress.plan.openExisting')}</Button>
            </Link>
          }
        />
      )}
      <Form<PlanFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={mutation.isPending}
        onValuesChange={(changed: Partial<PlanFormValues>) => {
          // A server message under a field goes once the user changes that field.
          form.setFields(
            Object.keys(changed).map((name) => ({ name: name as keyof PlanFormValues, errors: [] })),
          );
          if ('organizationId' in changed) form.setFieldValue('termId', undefined);
        }}
        onFinish={(values) => mutation.mutate(values)}
        scrollToFirstError={{ block: 'center' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={plan ? 12 : 24}>
            {plan ? (
              <Form.Item label={fieldLabel('organization')}>
                <Input value={plan.organization.name} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="organizationId"
                label={fieldLabel('organization')}
                rules={[
                  {
                    required: true,
                    message: t('validation.select', { field: fieldLabel('organization').toLowerCase() }),
                  },
                ]}
              >
                <OrganizationSelect initialOptions={orgOption} />
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            {plan ? (
              <Form.Item label={fieldLabel('term')}>
                <Input value={plan.term.name} disabled />
              </Form.Item>
            ) : (
              <Form.Item
                name="termId"
                label={fieldLabel('term')}
                extra={t('congress.hints.term')}
                rules={[
                  {
                    required: true,
                    message: t('validation.select', { field: fieldLabel('term').toLowerCase() }),
                  },
                ]}
              >
                <Select
                  loading={org.isFetching}
                  disabled={!organizationId}
                  notFoundContent={t('congress.hints.noTerms')}
                  options={[...terms]
                    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
                    .map((x) => ({
                      value: x.id,
                      label: ruleSetForTerm(x.name)
                        ? `${x.name} (${formatDate(x.startsOn)} – ${formatDate(x.endsOn)})`
                        : `${x.name} — ${t('congress.hints.termNoRuleSet')}`,
                    }))}
                />
              </Form.Item>
            )}
          </Col>
          {!plan && (
            <Col {...half}>
              <Form.Item label={fieldLabel('ruleSet')}>
                <Typography.Text type={ruleSet ? undefined : 'secondary'}>
                  {ruleSet ? ruleSet.name : term ? t('congress.hints.termNoRuleSet') : t('common.empty')}
                </Typography.Text>
              </Form.Item>
            </Col>
          )}
        </Row>
        <Row gutter={16}>
          <Col {...half}>
            <Row gutter={12}>
              <Col xs={24} sm={14}>
                <Form.Item
                  name="plannedOn"
                  label={fieldLabel('plannedOn')}
                  extra={t('congress.hints.plannedOn')}
                >
                  <DatePicker
                    format={DATE_INPUT_FORMAT}
                    style={{ width: '100%' }}
                    defaultPickerValue={
                      rules?.earliestStart
                        ? dayjs(rules.earliestStart.value)
                        : today
                          ? dayjs(today)
                          : undefined
                    }
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={10}>
                <Form.Item
                  name="durationDays"
                  label={fieldLabel('durationDays')}
                  rules={[
                    {
                      required: true,
                      message: t('validation.select', { field: fieldLabel('durationDays').toLowerCase() }),
                    },
                  ]}
                >
                  <Select
                    options={durationOptions(undefined, durationDays).map((d) => ({
                      value: d,
                      label: labels.duration(d),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            {!wide && <RuleCard ruleSet={ruleSet} level={level} />}
            <Form.Item name="congressKind" label={fieldLabel('congressKind')} extra={kindHint}>
              <Radio.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
                options={kindOptions}
              />
            </Form.Item>
            {showReason && (
              <Form.Item
                name="congressKindReason"
                label={fieldLabel('congressKindReason')}
                extra={expectedKind ? t('congress.hints.reason') : t('congress.hints.reasonUnknown')}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={REASON_MAX} />
              </Form.Item>
            )}
          </Col>
          {wide && (
            <Col {...half}>
              <RuleCard ruleSet={ruleSet} level={level} />
            </Col>
          )}
        </Row>
        <Form.Item name="note" label={fieldLabel('note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={NOTE_MAX} />
        </Form.Item>
        <Flex gap={8} wrap justify="flex-end">
          <Button onClick={props.onCancel} disabled={mutation.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
