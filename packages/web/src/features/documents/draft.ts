import type { FormInstance } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { DocumentFormValues } from './form';

/** The form as kept in this browser: dates as ISO text, everything else as typed. */
export type StoredValues = Omit<DocumentFormValues, 'issuedOn'> & { issuedOn?: string | null };

export interface DocumentDraft {
  savedAt: string;
  /** The document's version the draft started from; null for a new document. */
  baseVersion: number | null;
  values: StoredValues;
}

const PREFIX = 'daihoi.draft.document';
/** A draft older than this is not offered again. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export const draftKey = (userId: string, documentKey: string) => `${PREFIX}.${userId}.${documentKey}`;

export function toStored(values: DocumentFormValues): StoredValues {
  const { issuedOn, ...rest } = values;
  return { ...rest, issuedOn: issuedOn?.isValid() ? issuedOn.format('YYYY-MM-DD') : null };
}

export function fromStored(values: StoredValues): DocumentFormValues {
  const { issuedOn, ...rest } = values;
  return { ...rest, issuedOn: issuedOn ? dayjs(issuedOn) : null };
}

const EMPTY = new Set<unknown>([undefined, null, '']);

/** Whether two stored forms say the same: empty text, null and absent are alike. */
export function sameValues(a: StoredValues, b: StoredValues): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof StoredValues>;
  for (const key of keys) {
    const x = a[key];
    const y = b[key];
    if (EMPTY.has(x) && EMPTY.has(y)) continue;
    if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null)) return false;
  }
  return true;
}

/** A stored draft, or null when there is none, it is unreadable or too old. */
export function parseDraft(text: string | null, now: Date): DocumentDraft | null {
  if (!text) return null;
  try {
    const d = JSON.parse(text) as Partial<DocumentDraft>;
    if (!d || typeof d !== 'object' || typeof d.savedAt !== 'string') return null;
    if (!d.values || typeof d.values !== 'object' || Array.isArray(d.values)) return null;
    const saved = Date.parse(d.savedAt);
    if (Number.isNaN(saved) || now.getTime() - saved > DRAFT_MAX_AGE_MS) return null;
    return {
      savedAt: d.savedAt,
      baseVersion: typeof d.baseVersion === 'number' ? d.baseVersion : null,
      values: d.values,
    };
  } catch {
    return null;
  }
}

/** Whether a draft of this document waits in this browser (the page then opens in editing). */
export function readDraftExists(userId: string, documentKey: string): boolean {
  return parseDraft(storage()?.getItem(draftKey(userId, documentKey)) ?? null, new Date()) !== null;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * Keeps the form in this browser as the user types, so that a closed tab loses nothing, and offers it
 * back when the form opens again (DESIGN.md, "Long forms").
 */
export function useDocumentDraft(
  form: FormInstance<DocumentFormValues>,
  userId: string,
  documentKey: string,
  base: DocumentFormValues,
  baseVersion: number | null,
) {
  const key = draftKey(userId, documentKey);
  const [restored, setRestored] = useState<DocumentDraft | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore once per form
  useEffect(() => {
    const draft = parseDraft(storage()?.getItem(key) ?? null, new Date());
    if (!draft || sameValues(draft.values, toStored(base))) {
      storage()?.removeItem(key);
      return;
    }
    form.setFieldsValue(fromStored(draft.values));
    setRestored(draft);
  }, [key]);

  const save = useCallback(() => {
    const s = storage();
    if (!s) return;
    const values = toStored(form.getFieldsValue(true) as DocumentFormValues);
    try {
      if (sameValues(values, toStored(base))) s.removeItem(key);
      else {
        const draft: DocumentDraft = { savedAt: new Date().toISOString(), baseVersion, values };
        s.setItem(key, JSON.stringify(draft));
      }
    } catch {
      // A full storage only costs the draft; the form itself keeps working.
    }
  }, [form, key, base, baseVersion]);

  const clear = useCallback(() => {
    storage()?.removeItem(key);
    setRestored(null);
  }, [key]);

  return { restored, save, clear, dismissNotice: () => setRestored(null) };
}
