import { useQueryClient } from '@tanstack/react-query';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../../app/DemoBanner';
import { FormError } from '../../app/FormError';
import { showSuccess } from '../../app/feedback';
import { DATE_INPUT_FORMAT, formatDate } from '../../app/format';
import { useFormMutation } from '../../app/useFormMutation';
import {
  addTask,
  CONGRESS_KEY,
  type CongressPlanDetail,
  type CongressTask,
  planQuery,
  updateTask,
} from './api';
import {
  createTaskBody,
  mergeFresh,
  TASK_FIELDS,
  type TaskFormValues,
  taskChanges,
  taskToValues,
  withFormErrors,
} from './form';
import { useCongressLabels } from './labels';

interface Props {
  plan: CongressPlanDetail;
  /** The task to edit; absent: a new task. */
  task?: CongressTask;
  onClose: () => void;
}

const TITLE_MAX = 500;
const OWNER_MAX = 300;
const NOTE_MAX = 5000;

/** A task added by hand, or the owner, due date and note of one already there. */
export function TaskModal({ plan, task, onClose }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const labels = useCongressLabels();
  const queryClient = useQueryClient();
  const today = useSystemInfo().data?.today;
  const [form] = Form.useForm<TaskFormValues>();
  const [initial] = useState<TaskFormValues>(() =>
    task ? taskToValues(task) : { ownerKind: 'committee', ownerName: '', note: '' },
  );
  const baseRef = useRef<TaskFormValues>(initial);
  const versionRef = useRef<number | null>(task?.version ?? null);
  const [current, setCurrent] = useState<CongressTask | undefined>(task);
  const fromTemplate = Boolean(current?.stepKey);

  const reload = async () => {
    if (!task) return;
    const fresh = await queryClient.fetchQuery({ ...planQuery(plan.id), staleTime: 0 });
    const freshTask = fresh.tasks.find((x) => x.id === task.id);
    if (!freshTask) return;
    const freshValues = taskToValues(freshTask);
    form.setFieldsValue(
      mergeFresh(form.getFieldsValue(true) as TaskFormValues, baseRef.current, freshValues),
    );
    baseRef.current = freshValues;
    versionRef.current = freshTask.version;
    setCurrent(freshTask);
  };

  const { mutation, formError } = useFormMutation(form, {
    mutationFn: (values: TaskFormValues) =>
      withFormErrors(async () => {
        if (!current) return addTask(plan.id, createTaskBody(values));
        const patch = taskChanges(values, baseRef.current, current);
        if (Object.keys(patch).length === 0) return current;
        return updateTask(current.id, { ...patch, version: versionRef.current ?? current.version });
      }, TASK_FIELDS),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [CONGRESS_KEY] });
      void queryClient.invalidateQueries({ queryKey: ['audit'] });
      showSuccess(current ? t('congress.tasks.saved') : t('congress.tasks.added'));
      onClose();
    },
    onConflict: () => {
      modal.confirm({
        title: t('congress.tasks.conflict'),
        okText: t('congress.plan.conflictReload'),
        cancelText: t('common.close'),
        onOk: reload,
      });
    },
  });

  const fieldLabel = (key: string) => t(`congress.tasks.fields.${key}`);
  const required = (key: string, select = false) => ({
    required: true,
    ...(select ? {} : { whitespace: true }),
    message: t(select ? 'validation.select' : 'validation.required', {
      field: fieldLabel(key).toLowerCase(),
    }),
  });
  const half = { xs: 24, sm: 12 };

  return (
    <Modal
      open
      title={current ? t('congress.tasks.editTitle') : t('congress.tasks.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      width={640}
      destroyOnHidden
    >
      <FormError error={formError} />
      <Form<TaskFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={mutation.isPending}
        onValuesChange={(changed: Partial<TaskFormValues>) =>
          form.setFields(
            Object.keys(changed).map((name) => ({ name: name as keyof TaskFormValues, errors: [] })),
          )
        }
        onFinish={(values) => mutation.mutate(values)}
      >
        {fromTemplate && current ? (
          <Form.Item label={fieldLabel('title')} extra={t('congress.tasks.hints.templateTitle')}>
            <Typography.Text>{current.title}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="title" label={fieldLabel('title')} rules={[required('title')]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={TITLE_MAX} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col {...half}>
            {current ? (
              <Form.Item label={fieldLabel('ownerKind')}>
                <Typography.Text>{labels.owner(current.ownerKind)}</Typography.Text>
              </Form.Item>
            ) : (
              <Form.Item
                name="ownerKind"
                label={fieldLabel('ownerKind')}
                rules={[required('ownerKind', true)]}
              >
                <Select options={labels.ownerOptions} />
              </Form.Item>
            )}
          </Col>
          <Col {...half}>
            <Form.Item
              name="ownerName"
              label={fieldLabel('ownerName')}
              extra={t('congress.tasks.hints.ownerName')}
            >
              <Input maxLength={OWNER_MAX} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="dueOn"
              label={fieldLabel('dueOn')}
              rules={current?.dueOn || !current ? [required('dueOn', true)] : []}
              extra={t('congress.tasks.hints.dueOn', { date: formatDate(plan.adoptedOn) })}
            >
              <DatePicker
                format={DATE_INPUT_FORMAT}
                style={{ width: '100%' }}
                disabledDate={(d) => d.isBefore(dayjs(plan.adoptedOn), 'day')}
              />
            </Form.Item>
          </Col>
          {current?.status === 'done' && (
            <Col {...half}>
              <Form.Item
                name="doneOn"
                label={fieldLabel('doneOn')}
                extra={t('congress.tasks.hints.doneOn')}
                rules={[required('doneOn', true)]}
              >
                <DatePicker
                  format={DATE_INPUT_FORMAT}
                  style={{ width: '100%' }}
                  disabledDate={(d) => (today ? d.isAfter(dayjs(today), 'day') : false)}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Form.Item name="note" label={fieldLabel('note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={NOTE_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
