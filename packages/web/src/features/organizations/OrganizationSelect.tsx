import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { searchQuery } from './api';

export interface OrganizationOption {
  value: string;
  label: string;
}

interface Props {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Labels for values already chosen (the list only holds what the search found). */
  initialOptions?: OrganizationOption[];
  excludeIds?: string[];
  disabled?: boolean;
  'aria-label'?: string;
}

/** Pick one organization by typing part of its name or code (diacritics not needed). */
export function OrganizationSelect({
  initialOptions = [],
  excludeIds = [],
  onChange,
  value,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<OrganizationOption | null>(null);
  const { data, isFetching } = useQuery(searchQuery(q));
  const found = (data?.items ?? [])
    .filter((o) => !excludeIds.includes(o.id) && !o.archived)
    .map((o) => ({ value: o.id, label: `${o.name} (${o.code})` }));
  const labelOf = (v: string) =>
    (picked?.value === v ? picked.label : undefined) ?? initialOptions.find((o) => o.value === v)?.label ?? v;
  const current = value ? [{ value, label: labelOf(value) }] : [];
  const options = q ? found : current;

  return (
    <Select
      {...rest}
      value={value ?? undefined}
      allowClear
      placeholder={t('organizations.selectPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(next: string | undefined) => {
        setPicked(found.find((o) => o.value === next) ?? null);
        setSearch('');
        onChange?.(next ?? null);
      }}
      options={options}
      labelRender={({ value: v }) => labelOf(String(v))}
      notFoundContent={isFetching ? <Spin size="small" /> : q ? t('organizations.noResults') : null}
      style={{ width: '100%' }}
    />
  );
}
