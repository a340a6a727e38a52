import { useQueryClient } from '@tanstack/react-query';
import { ORG_KEY } from './api';

/** After a write: the tree, lists, details and the audit log all may have changed. */
export function useInvalidateOrganizations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [ORG_KEY] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}
