import { type QueryClient, useQuery } from '@tanstack/react-query';
import { fetchSession, type Session } from '../features/auth/api';
import { onApiError } from './api';

export const SESSION_KEY = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** The signed-in session; only inside routes guarded by RequireAuth. */
export function useCurrentSession(): Session {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession outside a signed-in route');
  return data;
}

export function useRoles() {
  return useCurrentSession().roles;
}

/** Forget everything the previous user could see. */
export function endSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function watchSessionErrors(queryClient: QueryClient): () => void {
  return onApiError((error) => {
    if (error.status === 401) {
      if (queryClient.getQueryData(SESSION_KEY)) endSession(queryClient);
    } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
      queryClient.setQueryData<Session | null>(SESSION_KEY, (old) =>
        old ? { ...old, user: { ...old.user, mustChangePassword: true } } : old,
      );
    }
  });
}

const SIGNED_OUT_KEY = 'daihoi.signedOut';

/** Remembers across the reload that follows a sign-out that the sign-in page should say so. */
export function markSignedOut(): void {
  try {
    sessionStorage.setItem(SIGNED_OUT_KEY, '1');
  } catch {
    // Without storage the sign-in page simply does not mention it.
  }
}

export function takeSignedOut(): boolean {
  try {
    const value = sessionStorage.getItem(SIGNED_OUT_KEY);
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    return value === '1';
  } catch {
    return false;
  }
}
