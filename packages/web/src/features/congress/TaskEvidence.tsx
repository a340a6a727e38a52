import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
  type UploadFile,
  type UploadProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { showSuccess } from '../../app/feedback';
import { formatTimestamp } from '../../app/format';
import { useCurrentSession } from '../../app/session';
import { useIsPhone } from '../../app/useMediaQuery';
import {
  attachmentsQuery,
  deleteFile,
  downloadUrl,
  FILES_KEY,
  fileLimitsQuery,
  type StoredFile,
} from '../files/api';
import { extensionOf, formatFileSize } from '../files/format';
import { type CongressTask, TASK_FILE_ENTITY, uploadEvidence } from './api';

interface UploadProblem {
  uid: string;
  text: string;
}

/** The evidence of one task (minutes, decisions, the plan as signed): list and download; upload for editors. */
export function TaskEvidence({ task, canEdit }: { task: CongressTask; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const files = useQuery(attachmentsQuery(TASK_FILE_ENTITY, task.id));
  const limits = useQuery({ ...fileLimitsQuery(), enabled: canEdit });
  const [pending, setPending] = useState<UploadFile[]>([]);
  const [problems, setProblems] = useState<UploadProblem[]>([]);
  const size = (n: number) => formatFileSize(n, i18n.language);
  const maxBytes = limits.data?.maxBytes;
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: [FILES_KEY, 'list', TASK_FILE_ENTITY, task.id] });
  const problem = (uid: string, text: string) => setProblems((list) => [...list, { uid, text }]);

  const remove = useMutation({
    mutationFn: (file: StoredFile) => deleteFile(file.id),
    onSuccess: async () => {
      showSuccess(t('files.deleted'));
      await refresh();
    },
  });

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const accepted = limits.data?.extensions;
    if (accepted && !accepted.includes(extensionOf(file.name))) {
      problem(file.uid, t('files.typeNotAccepted', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size === 0) {
      problem(file.uid, t('files.emptyFile', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (maxBytes !== undefined && file.size > maxBytes) {
      problem(file.uid, t('files.tooLarge', { name: file.name, size: size(file.size), max: size(maxBytes) }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const controller = new AbortController();
    const blob = file as File & { uid?: string };
    uploadEvidence(
      task.id,
      { file: blob, csrfToken: session.csrfToken, onProgress: (percent) => onProgress?.({ percent }) },
      controller.signal,
    ).then(
      (uploaded) => {
        onSuccess?.(uploaded);
        showSuccess(t('files.uploaded', { name: uploaded.name }));
        void refresh();
      },
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        const message = isApiError(error) ? error.message : t('errors.unexpected');
        problem(blob.uid ?? blob.name, `«${blob.name}»: ${message}`);
        onError?.(error instanceof Error ? error : new Error(message));
      },
    );
    return { abort: () => controller.abort() };
  };

  const columns: TableColumnsType<StoredFile> = [
    {
      key: 'name',
      title: t('files.name'),
      render: (_, f) => (
        <a href={downloadUrl(f.id)} download={f.name} aria-label={t('files.download', { name: f.name })}>
          {f.name}
        </a>
      ),
    },
    { key: 'size', title: t('files.size'), width: 100, render: (_, f) => size(f.size) },
    {
      key: 'uploadedBy',
      title: t('files.uploadedBy'),
      responsive: ['md'],
      render: (_, f) => f.uploadedBy?.displayName ?? t('common.empty'),
    },
    {
      key: 'createdAt',
      title: t('files.createdAt'),
      width: 140,
      responsive: ['sm'],
      render: (_, f) => <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(f.createdAt)}</span>,
    },
  ];
  if (canEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: isPhone ? 48 : 90,
      render: (_, f) => (
        <Popconfirm
          title={t('files.deleteConfirm', { name: f.name })}
          okText={t('common.remove')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutateAsync(f)}
        >
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={`${t('common.remove')} ${f.name}`}
          >
            {isPhone ? null : t('common.remove')}
          </Button>
        </Popconfirm>
      ),
    });

  const list = files.data?.items ?? [];
  return (
    <Flex vertical gap={8} style={{ minWidth: 0 }}>
      {canEdit && (
        <Flex vertical gap={6}>
          <Upload
            multiple
            accept={limits.data?.extensions.join(',')}
            beforeUpload={beforeUpload}
            customRequest={customRequest}
            fileList={pending}
            onChange={({ fileList }) => setPending(fileList.filter((f) => f.status === 'uploading'))}
            showUploadList={{ showRemoveIcon: true }}
          >
            <Button size="small" icon={<UploadOutlined aria-hidden />} disabled={limits.isPending}>
              {t('congress.tasks.uploadEvidence')}
            </Button>
          </Upload>
          {maxBytes !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('files.uploadHint', { max: size(maxBytes) })}
            </Typography.Text>
          )}
          {problems.map((p) => (
            <Alert
              key={p.uid}
              type="error"
              showIcon
              role="alert"
              title={p.text}
              closable={{
                onClose: () => setProblems((all) => all.filter((x) => x.uid !== p.uid)),
                'aria-label': t('common.close'),
              }}
            />
          ))}
        </Flex>
      )}
      {files.isPending || list.length > 0 ? (
        <Table<StoredFile>
          rowKey="id"
          size="small"
          loading={files.isPending}
          dataSource={list}
          columns={columns}
          pagination={false}
        />
      ) : (
        <Typography.Text type="secondary">
          {files.error ? files.error.message : t('congress.tasks.noEvidence')}
        </Typography.Text>
      )}
    </Flex>
  );
}
