import { DeleteOutlined, LockOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type UploadFile,
  type UploadProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { showError, showSuccess } from '../../app/feedback';
import { formatTimestamp } from '../../app/format';
import type { OrganizationPath, RoleLike } from '../../app/permissions';
import { useCurrentSession } from '../../app/session';
import {
  attachmentsQuery,
  deleteFile,
  downloadUrl,
  FILES_KEY,
  fileLimitsQuery,
  type StoredFile,
  uploadFile,
} from './api';
import { extensionOf, formatFileSize } from './format';
import { canDeleteFile, canUploadTo } from './permissions';

export interface AttachmentsProps {
  /** The organization that owns the record: decides who may upload and delete. */
  organization: OrganizationPath;
  entity: string;
  entityId: string;
  /** Hide upload and delete (e.g. an archived record). */
  readOnly?: boolean;
}

function useColumns(
  roles: readonly RoleLike[],
  organization: OrganizationPath,
  userId: string,
  readOnly: boolean,
): TableColumnsType<StoredFile> {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (file: StoredFile) => deleteFile(file.id),
    onSuccess: () => {
      showSuccess(t('files.deleted'));
      return queryClient.invalidateQueries({ queryKey: [FILES_KEY, 'list'] });
    },
  });
  const columns: TableColumnsType<StoredFile> = [
    {
      key: 'name',
      title: t('files.name'),
      render: (_, f) => (
        <Flex gap={6} align="center" wrap>
          <a href={downloadUrl(f.id)} download={f.name} aria-label={t('files.download', { name: f.name })}>
            {f.name}
          </a>
          {f.restricted && (
            <Tooltip title={t('files.restrictedHint')}>
              <Tag icon={<LockOutlined aria-hidden />} color="orange">
                {t('files.restricted')}
              </Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      key: 'size',
      title: t('files.size'),
      width: 110,
      render: (_, f) => (
        <Tooltip title={t('files.checksum', { sha256: f.sha256 })}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {formatFileSize(f.size, i18n.language)}{' '}
            <Typography.Text type="secondary">
              <SafetyCertificateOutlined role="img" aria-label={t('files.checksum', { sha256: f.sha256 })} />
            </Typography.Text>
          </span>
        </Tooltip>
      ),
    },
    {
      key: 'uploadedBy',
      title: t('files.uploadedBy'),
      render: (_, f) => f.uploadedBy?.displayName ?? t('common.empty'),
    },
    {
      key: 'createdAt',
      title: t('files.createdAt'),
      width: 150,
      render: (_, f) => <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(f.createdAt)}</span>,
    },
  ];
  if (!readOnly) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, f) =>
        canDeleteFile(roles, organization, f, userId) && (
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
              {t('common.remove')}
            </Button>
          </Popconfirm>
        ),
    });
  }
  return columns;
}

/** The files attached to one record: upload with progress, download, delete. */
export function Attachments({ organization, entity, entityId, readOnly = false }: AttachmentsProps) {
  const { t, i18n } = useTranslation();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const list = useQuery(attachmentsQuery(entity, entityId));
  const limits = useQuery(fileLimitsQuery());
  const [restricted, setRestricted] = useState(false);
  const [pending, setPending] = useState<UploadFile[]>([]);
  const columns = useColumns(session.roles, organization, session.user.id, readOnly);
  const canUpload = !readOnly && canUploadTo(session.roles, organization);
  const maxBytes = limits.data?.maxBytes;
  const size = (n: number) => formatFileSize(n, i18n.language);

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    const accepted = limits.data?.extensions;
    if (accepted && !accepted.includes(extensionOf(file.name))) {
      showError(t('files.typeNotAccepted', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (file.size === 0) {
      showError(t('files.emptyFile', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    if (maxBytes !== undefined && file.size > maxBytes) {
      showError(t('files.tooLarge', { name: file.name, size: size(file.size), max: size(maxBytes) }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const customRequest: UploadProps['customRequest'] = ({ file, onProgress, onSuccess, onError }) => {
    const controller = new AbortController();
    const blob = file as File;
    const fields: Record<string, string> = { organizationId: organization.id, entity, entityId };
    if (restricted) fields.restricted = 'true';
    uploadFile(
      {
        file: blob,
        filename: blob.name,
        fields,
        csrfToken: session.csrfToken,
        onProgress: (percent) => onProgress?.({ percent }),
      },
      controller.signal,
    ).then(
      (uploaded) => {
        onSuccess?.(uploaded);
        showSuccess(t('files.uploaded', { name: uploaded.name }));
        void queryClient.invalidateQueries({ queryKey: [FILES_KEY, 'list'] });
      },
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        const message = isApiError(error) ? error.message : t('errors.unexpected');
        showError(message);
        onError?.(error instanceof Error ? error : new Error(message));
      },
    );
    return { abort: () => controller.abort() };
  };

  const files = list.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      {canUpload && (
        <Flex vertical gap={8}>
          <Flex wrap gap={12} align="center">
            <Upload
              multiple
              accept={limits.data?.extensions.join(',')}
              beforeUpload={beforeUpload}
              customRequest={customRequest}
              fileList={pending}
              onChange={({ fileList }) => setPending(fileList.filter((f) => f.status !== 'done'))}
              showUploadList={{ showRemoveIcon: true }}
            >
              <Button icon={<UploadOutlined aria-hidden />} disabled={limits.isPending}>
                {t('files.upload')}
              </Button>
            </Upload>
            <Checkbox checked={restricted} onChange={(e) => setRestricted(e.target.checked)}>
              {t('files.restrictedOption')}
            </Checkbox>
          </Flex>
          {maxBytes !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('files.uploadHint', { max: size(maxBytes) })}
            </Typography.Text>
          )}
        </Flex>
      )}
      <Table<StoredFile>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={files}
        columns={columns}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: list.error ? list.error.message : t('files.empty') }}
      />
    </Flex>
  );
}
