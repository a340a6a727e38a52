import { CT35_2019 } from './ct35-2019.js';
import { CT45_2025 } from './ct45-2025.js';
import { deepFreeze } from './freeze.js';
import type { CongressRuleSet, RuleSetId } from './types.js';

/** The congress rule sets shipped, oldest term first. */
export const RULE_SET_IDS = ['ct35-2019', 'ct45-2025'] as const satisfies readonly RuleSetId[];

const RULE_SETS: Readonly<Record<RuleSetId, CongressRuleSet>> = deepFreeze({
  'ct35-2019': CT35_2019,
  'ct45-2025': CT45_2025,
});

export function isRuleSetId(value: string): value is RuleSetId {
  return (RULE_SET_IDS as readonly string[]).includes(value);
}

/** The rule set of a term, frozen. Throws RangeError (in Vietnamese, for the UI) on an unknown id. */
export function getRuleSet(id: RuleSetId): CongressRuleSet {
  if (!isRuleSetId(id)) {
    throw new RangeError(
      `Không có bộ quy tắc đại hội "${String(id)}". Các bộ quy tắc hiện có: ${RULE_SET_IDS.join(', ')}.`,
    );
  }
  return RULE_SETS[id];
}
