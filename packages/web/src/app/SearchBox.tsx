import { SearchOutlined } from '@ant-design/icons';
import { Button, Input } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  style?: CSSProperties;
}

/** A search field named by `label` for assistive technology, searching as one types. */
export function SearchBox({ label, placeholder, value, onChange, style }: Props) {
  const { t } = useTranslation();
  return (
    <Input.Search
      allowClear
      aria-label={label}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onSearch={onChange}
      enterButton={<Button aria-label={t('common.search')} icon={<SearchOutlined aria-hidden />} />}
      style={style}
    />
  );
}
