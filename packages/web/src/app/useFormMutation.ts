import { type MutationFunction, useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, isApiError } from './api';
import { applyFieldErrors, errorText } from './forms';
import { isSessionError } from './queryClient';

interface Options<TData, TVars> {
  mutationFn: MutationFunction<TData, TVars>;
  onSuccess?: (data: TData, vars: TVars) => unknown;
  /** A stale `version`: the caller reloads; without it the error shows like any other. */
  onConflict?: (error: ApiError) => void;
}

/** A mutation whose errors land in the form: field messages under fields, the rest in an alert above. */
export function useFormMutation<TData, TVars>(
  form: FormInstance | undefined,
  options: Options<TData, TVars>,
) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation<TData, Error, TVars>({
    mutationFn: options.mutationFn,
    meta: { silent: true },
    onMutate: () => setFormError(null),
    onSuccess: options.onSuccess,
    onError: (error) => {
      if (isSessionError(error)) return;
      if (isApiError(error) && error.code === 'VERSION_CONFLICT' && options.onConflict) {
        options.onConflict(error);
        return;
      }
      if (form) applyFieldErrors(form, error);
      setFormError(errorText(error, t('errors.unexpected')));
    },
  });
  return { mutation, formError, clearFormError: () => setFormError(null) };
}
