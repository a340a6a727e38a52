import type { RuleSetId } from '@daihoi/core';
import type { OrganizationDetail } from '../organizations/api';

/** What every tab of the congress setup page works on: the organization and rule set chosen above the tabs. */
export interface SetupTabProps {
  organization: OrganizationDetail;
  ruleSetId: RuleSetId;
  /** congress.manage on that organization (its own office or secretary, those above it, the administrator). */
  canManage: boolean;
}
