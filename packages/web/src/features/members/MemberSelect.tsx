import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../app/useDebounced';
import { listMembers, MEMBERS_KEY } from './api';

interface Props {
  id?: string;
  /** Members of this organization's subtree only. */
  organizationId: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  'aria-label'?: string;
}

/** Pick a member by part of the name (diacritics optional) or the card number. */
export function MemberSelect({ organizationId, value, onChange, ...rest }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: [MEMBERS_KEY, 'pick', organizationId, q],
    queryFn: ({ signal }) => listMembers({ organizationId, q: q || undefined }, undefined, 20, signal),
  });
  const options = (data?.items ?? []).map((m) => ({
    value: m.id,
    label: m.cardNumber ? `${m.fullName} (${m.cardNumber})` : m.fullName,
  }));
  return (
    <Select
      {...rest}
      value={value ?? undefined}
      allowClear
      placeholder={t('members.searchPlaceholder')}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={options}
      notFoundContent={isFetching ? <Spin size="small" /> : t('members.empty')}
      style={{ width: '100%' }}
    />
  );
}
