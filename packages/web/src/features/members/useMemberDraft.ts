import type { FormInstance } from 'antd';
import { type RefObject, useCallback, useEffect, useState } from 'react';
import {
  changesFrom,
  type DraftValues,
  draftKey,
  draftToValues,
  type MemberDraft,
  type MemberFormValues,
  parseDraft,
  serializeDraft,
  valuesToDraft,
} from './form';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readDraft(userId: string, memberId: string | 'new'): MemberDraft | null {
  return parseDraft(storage()?.getItem(draftKey(userId, memberId)) ?? null, new Date());
}

/**
 * Keeps the user's changes in this browser as they type, so that a closed tab loses nothing; restores
 * them when the form opens again. `base` is what the form starts from (the stored record, or nothing);
 * only the fields that differ from it are kept.
 */
export function useMemberDraft(
  form: FormInstance<MemberFormValues>,
  userId: string,
  memberId: string | 'new',
  baseRef: RefObject<DraftValues>,
  baseVersion: number | null,
) {
  const key = draftKey(userId, memberId);
  const [restored, setRestored] = useState<MemberDraft | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore once per record
  useEffect(() => {
    const draft = parseDraft(storage()?.getItem(key) ?? null, new Date());
    if (!draft) {
      storage()?.removeItem(key);
      return;
    }
    const changes = changesFrom(draft.values, baseRef.current);
    if (Object.keys(changes).length === 0) return;
    form.setFieldsValue(draftToValues(changes));
    setRestored(draft);
  }, [key]);

  /** Call on every change: writes the draft, or drops it when the form is back to where it started. */
  const save = useCallback(() => {
    const changes = changesFrom(
      valuesToDraft(form.getFieldsValue(true) as MemberFormValues),
      baseRef.current,
    );
    const s = storage();
    if (!s) return;
    try {
      if (Object.keys(changes).length > 0) s.setItem(key, serializeDraft(changes, baseVersion, new Date()));
      else s.removeItem(key);
    } catch {
      // A full storage only costs the draft; the form itself keeps working.
    }
  }, [form, key, baseVersion, baseRef]);

  const clear = useCallback(() => {
    storage()?.removeItem(key);
    setRestored(null);
  }, [key]);

  return { restored, save, clear, dismissNotice: () => setRestored(null) };
}
