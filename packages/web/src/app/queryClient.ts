import { MutationCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';
import { showError } from './feedback';
import { i18next } from './i18n';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { silent?: boolean };
  }
}

/** Errors the session reacts to by itself (sign-in page, change-password page). */
export function isSessionError(error: unknown): boolean {
  return isApiError(error) && (error.status === 401 || error.code === 'PASSWORD_CHANGE_REQUIRED');
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The server is often this very laptop: the browser's idea of being offline (no Wi-Fi in the
      // meeting room, a flapping interface) must not pause reads or hold a save spinning.
      queries: {
        networkMode: 'always',
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
      },
      mutations: { networkMode: 'always', retry: false },
    },
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.silent || isSessionError(error)) return;
        showError(isApiError(error) ? error.message : i18next.t('errors.unexpected'));
      },
    }),
  });
}
