import { Button, Flex, Input, type InputRef, Modal, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const QUICK = ['business', 'sick', 'family'] as const;

interface Props {
  name: string;
  initial: string | null;
  onApply: (reason: string) => void;
  onCancel: () => void;
}

/** Asks why a member was absent: one tap on a usual reason, or a few words of another. */
export function ReasonModal({ name, initial, onApply, onCancel }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial ?? '');
  const [error, setError] = useState(false);
  const input = useRef<InputRef>(null);
  const apply = () => {
    if (!text.trim()) {
      setError(true);
      input.current?.focus();
      return;
    }
    onApply(text.trim());
  };
  return (
    <Modal
      open
      title={t('dissemination.attendance.reasonFor', { name })}
      okText={t('dissemination.attendance.apply')}
      cancelText={t('common.cancel')}
      onOk={apply}
      onCancel={onCancel}
      afterOpenChange={(open) => open && input.current?.focus()}
      width={480}
    >
      <Flex vertical gap={12}>
        <Flex wrap gap={8} role="group" aria-label={t('dissemination.attendance.reasonTitle')}>
          {QUICK.map((key) => (
            <Button key={key} onClick={() => onApply(t(`dissemination.attendance.reasons.${key}`))}>
              {t(`dissemination.attendance.reasons.${key}`)}
            </Button>
          ))}
          <Button
            onClick={() => {
              setText('');
              input.current?.focus();
            }}
          >
            {t('dissemination.attendance.reasons.other')}
          </Button>
        </Flex>
        <label htmlFor="dh-absence-reason">{t('dissemination.attendance.reasonOther')}</label>
        <Input
          id="dh-absence-reason"
          ref={input}
          maxLength={500}
          value={text}
          status={error ? 'error' : undefined}
          placeholder={t('dissemination.attendance.reasonPlaceholder')}
          onChange={(e) => {
            setText(e.target.value);
            setError(false);
          }}
          onPressEnter={apply}
        />
        {error && (
          <Typography.Text type="danger">{t('dissemination.attendance.reasonRequired')}</Typography.Text>
        )}
      </Flex>
    </Modal>
  );
}
