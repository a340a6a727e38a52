import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT } from '../../app/format';
import { useFormMutation } from '../../app/useFormMutation';
import {
  createOrganization,
  type Organization,
  type OrganizationDetail,
  type OrganizationInput,
  updateOrganization,
} from './api';
import { useOrganizationLabels } from './labels';
import { childLevels, kindsForLevel } from './rules';
import { useInvalidateOrganizations } from './useInvalidateOrganizations';

interface FormValues {
  code: string;
  name: string;
  shortName?: string;
  issuerCode?: string;
  placeName?: string;
  foundedOn?: Dayjs | null;
  level?: string;
  kind?: string;
}

type Props =
  | { mode: 'create'; parent: OrganizationDetail; onClose: () => void }
  | { mode: 'edit'; org: OrganizationDetail; onClose: () => void };

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function toInput(v: FormValues): OrganizationInput {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : null);
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    shortName: text(v.shortName),
    issuerCode: text(v.issuerCode),
    placeName: text(v.placeName),
    foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
    level: v.level ?? '',
    kind: v.kind ?? '',
  };
}

/** Only the fields that changed, so that an edit never overwrites what it did not touch. */
function changedFields(before: Organization, after: Partial<OrganizationInput>): Partial<OrganizationInput> {
  const patch: Partial<OrganizationInput> = {};
  for (const key of Object.keys(after) as (keyof OrganizationInput)[]) {
    if ((before[key] ?? null) !== (after[key] ?? null)) Object.assign(patch, { [key]: after[key] });
  }
  return patch;
}

function initialValues(props: Props): Partial<FormValues> {
  if (props.mode === 'create') {
    const levels = childLevels(props.parent);
    const level = levels.length === 1 ? levels[0] : undefined;
    const kinds = kindsForLevel(level);
    return {
      level,
      kind: kinds.length === 1 ? kinds[0] : undefined,
      placeName: props.parent.placeName ?? undefined,
    };
  }
  const o = props.org;
  return {
    code: o.code,
    name: o.name,
    shortName: o.shortName ?? undefined,
    issuerCode: o.issuerCode ?? undefined,
    placeName: o.placeName ?? undefined,
    foundedOn: o.foundedOn ? dayjs(o.foundedOn) : null,
    level: o.level,
    kind: o.kind,
  };
}

function useSave(props: Props, form: ReturnType<typeof Form.useForm<FormValues>>[0]) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const invalidate = useInvalidateOrganizations();
  return useFormMutation(form, {
    mutationFn: (values: FormValues) => {
      const input = toInput(values);
      if (props.mode === 'create') {
        const { shortName, issuerCode, placeName, foundedOn, ...required } = input;
        const optional = Object.fromEntries(
          Object.entries({ shortName, issuerCode, placeName, foundedOn }).filter(([, v]) => v !== null),
        );
        return createOrganization({ ...required, ...optional, parentId: props.parent.id });
      }
      const { level: _level, ...editable } = input;
      const patch = changedFields(props.org, editable);
      if (Object.keys(patch).length === 0) return Promise.resolve<Organization>(props.org);
      return updateOrganization(props.org.id, { ...patch, version: props.org.version });
    },
    onSuccess: async (saved) => {
      showSuccess(
        props.mode === 'create'
          ? t('organizations.created', { name: saved.name })
          : t('organizations.updated'),
      );
      await invalidate();
      props.onClose();
    },
    onConflict: async () => {
      props.onClose();
      modal.warning({ title: t('errors.conflict') });
      await invalidate();
    },
  });
}

export function OrganizationFormModal(props: Props) {
  const { t } = useTranslation();
  const labels = useOrganizationLabels();
  const [form] = Form.useForm<FormValues>();
  const level = Form.useWatch('level', form);
  const { mutation, formError } = useSave(props, form);
  const levels = props.mode === 'create' ? childLevels(props.parent) : [props.org.level];
  const kinds = kindsForLevel(level);
  const required = (key: string, select = false) => ({
    required: true,
    whitespace: !select,
    message: t(select ? 'validation.select' : 'validation.required', { field: t(key).toLowerCase() }),
  });

  return (
    <Modal
      open
      title={
        props.mode === 'create'
          ? t('organizations.addChildTitle', { parent: props.parent.name })
          : t('organizations.editTitle')
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      okButtonProps={{ loading: mutation.isPending }}
      cancelButtonProps={{ disabled: mutation.isPending }}
      mask={{ closable: false }}
      width={640}
    >
      <FormError error={formError} />
      {props.mode === 'create' && levels.length === 0 && (
        <FormError error={t('organizations.noLevelAllowed')} />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues(props)}
        onFinish={(values) => mutation.mutate(values)}
        disabled={mutation.isPending}
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('level' in changed) {
            const next = kindsForLevel(changed.level);
            form.setFieldValue('kind', next.length === 1 ? next[0] : undefined);
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('organizations.fields.name')}
          rules={[required('organizations.fields.name')]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('organizations.fields.code')}
          rules={[
            required('organizations.fields.code'),
            { pattern: CODE_PATTERN, message: t('validation.code') },
          ]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="shortName" label={t('organizations.fields.shortName')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="issuerCode"
          label={t('organizations.fields.issuerCode')}
          extra={t('organizations.fields.issuerCodeHelp')}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item
          name="placeName"
          label={t('organizations.fields.placeName')}
          extra={t('organizations.fields.placeNameHelp')}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="foundedOn" label={t('organizations.fields.foundedOn')}>
          <DatePicker format={DATE_INPUT_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="level"
          label={t('organizations.fields.level')}
          rules={[required('organizations.fields.level', true)]}
        >
          <Select
            disabled={props.mode === 'edit'}
            options={levels.map((code) => ({ value: code, label: labels.level(code) }))}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('organizations.fields.kind')}
          rules={[required('organizations.fields.kind', true)]}
        >
          <Select options={kinds.map((code) => ({ value: code, label: labels.kind(code) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
