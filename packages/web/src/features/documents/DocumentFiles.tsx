import { DeleteOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Empty,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tooltip,
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
import { deleteFile, downloadUrl, fileLimitsQuery, type StoredFile } from '../files/api';
import { extensionOf, formatFileSize } from '../files/format';
import { DOCUMENTS_KEY, type DocumentDetail, uploadDocumentFile } from './api';

interface UploadProblem {
  uid: string;
  text: string;
}

/** The files of a document (the signed scan, annexes): list, download, and for its managers upload and delete. */
export function DocumentFiles({ document }: { document: DocumentDetail }) {
  const { t, i18n } = useTranslation();
  const session = useCurrentSession();
  const queryClient = useQueryClient();
  const isPhone = useIsPhone();
  const limits = useQuery(fileLimitsQuery());
  const [pending, setPending] = useState<UploadFile[]>([]);
  const [problems, setProblems] = useState<UploadProblem[]>([]);
  const size = (n: number) => formatFileSize(n, i18n.language);
  const maxBytes = limits.data?.maxBytes;
  const canEdit = document.abilities.edit;
  const refresh = () => queryClient.invalidateQueries({ queryKey: [DOCUMENTS_KEY, 'detail', document.id] });
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
    uploadDocumentFile(
      document.id,
      {
        file: blob,
        csrfToken: session.csrfToken,
        onProgress: (percent) => onProgress?.({ percent }),
      },
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
        // The server's reason (wrong type, too large, empty, content not matching its name) beside the name.
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
    {
      key: 'size',
      title: t('files.size'),
      width: 110,
      render: (_, f) => (
        <Tooltip title={t('files.checksum', { sha256: f.sha256 })}>
          <span style={{ whiteSpace: 'nowrap' }}>
            {size(f.size)}{' '}
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
      responsive: ['md'],
      render: (_, f) => f.uploadedBy?.displayName ?? t('common.empty'),
    },
    {
      key: 'createdAt',
      title: t('files.createdAt'),
      width: 150,
      responsive: ['sm'],
      render: (_, f) => <span style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(f.createdAt)}</span>,
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: isPhone ? 56 : 100,
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
  }

  return (
    <Flex vertical gap={12}>
      {canEdit && (
        <Flex vertical gap={8}>
          <Upload
            multiple
            accept={limits.data?.extensions.join(',')}
            beforeUpload={beforeUpload}
            customRequest={customRequest}
            fileList={pending}
            onChange={({ fileList }) => setPending(fileList.filter((f) => f.status === 'uploading'))}
            showUploadList={{ showRemoveIcon: true }}
          >
            <Button icon={<UploadOutlined aria-hidden />} disabled={limits.isPending}>
              {t('files.upload')}
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
                onClose: () => setProblems((list) => list.filter((x) => x.uid !== p.uid)),
                'aria-label': t('common.close'),
              }}
            />
          ))}
        </Flex>
      )}
      {document.files.length === 0 ? (
        <Empty description={t('files.empty')} />
      ) : (
        <Table<StoredFile>
          rowKey="id"
          size="small"
          dataSource={document.files}
          columns={columns}
          pagination={false}
        />
      )}
    </Flex>
  );
}
