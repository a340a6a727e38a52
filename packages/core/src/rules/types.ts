import type { Gender } from '../members/rules.js';
import type { OrganizationKind, OrganizationLevel } from '../organizations/levels.js';

/**
 * The shape of a congress rule set: one term's rules as data, each value beside the document it comes
 * from, so that the UI can say which rule set and which article produced a warning or a refusal.
 */

export type RuleSetId = 'ct35-2019' | 'ct45-2025';

/** A document named as in RULES.md §0: number, date and issuer, since numbers repeat across terms. */
export interface RuleSource {
  /** Type and number as printed: 'Chỉ thị 35-CT/TW', 'Kế hoạch 133-KH/ĐUK'. */
  readonly document: string;
  /** The date it was signed, ISO. */
  readonly date: string;
  readonly issuer?: string;
  /** The part of the document ('mục 3', 'Điều 112 khoản 1'); absent where the text was not checked that far. */
  readonly article?: string;
}

export interface Rule<T> {
  readonly value: T;
  readonly source: RuleSource;
  /**
   * Set where the rule is UNVERIFIED (RULES.md): the value is a default the user may change, and the UI
   * must say so.
   */
  readonly unverified?: true;
  /** What the value means or where it was read, in Vietnamese, for the UI. */
  readonly noteVi?: string;
  /** Set by tightenRuleSet: the rule of the level above that this one narrows. */
  readonly tightens?: Rule<T>;
}

export interface DelegateRange {
  readonly min?: number;
  readonly max?: number;
}

/** The schedule rules of one organization level's congresses. */
export interface LevelRules {
  /** The first day a congress of this level may open, inclusive. */
  readonly earliestStart?: Rule<string>;
  /** The last day a congress of this level may sit, inclusive ("trước 30/6/2020" is 2020-06-30, RULES §1). */
  readonly deadline?: Rule<string>;
  /** The longest congress, in days counted in halves: 0.5 is half a day, 2 is two days. */
  readonly maxDurationDays?: Rule<number>;
  /** The congress must be over before the congress of the organization directly above opens. */
  readonly beforeParentCongress?: Rule<true>;
  /** The number of official delegates of a delegates' congress. */
  readonly delegates?: Rule<DelegateRange>;
}

export type Candidacy = 'first_time' | 'reelection';

/** CT 35 (2019): "men born from 9/1965" is { gender: 'male', bornOnOrAfter: '1965-09-01' }. */
export interface BirthCutoff {
  readonly level: OrganizationLevel;
  readonly candidacy: Candidacy;
  readonly gender: Gender;
  readonly bornOnOrAfter: string;
}

/**
 * The month a level's congresses begin, at which age and working time are measured (CT 45). An entry
 * names a level or an organization kind; a kind's entry wins over its level's.
 */
export interface CongressMonth {
  /** 'YYYY-MM'. */
  readonly month: string;
  readonly level?: OrganizationLevel;
  readonly kind?: OrganizationKind;
  readonly labelVi: string;
}

export interface WorkingTimeException {
  readonly roleVi: string;
  readonly level: OrganizationLevel;
  readonly minMonthsLeft: number;
}

export type AgeReference =
  | {
      readonly kind: 'birth_cutoffs';
      readonly cutoffs: Rule<readonly BirthCutoff[]>;
    }
  | {
      readonly kind: 'working_time';
      readonly congressMonths: Rule<readonly CongressMonth[]>;
      /** Working time left before retirement, in months, at the level's congress month. */
      readonly firstTimeMinMonthsLeft: Rule<number>;
      readonly reelectionMinMonthsLeft: Rule<number>;
      readonly reelectionExceptions: Rule<readonly WorkingTimeException[]>;
    };

/** A share of the committee, 0–1. `approximate`: the text says "khoảng" (about). */
export interface ShareTarget {
  readonly min?: number;
  readonly max?: number;
  readonly approximate?: boolean;
  readonly appliesTo: readonly OrganizationLevel[];
}

export interface CompositionTargets {
  readonly women: Rule<ShareTarget>;
  readonly womenInStandingCommittee: Rule<{ readonly minCount: number }>;
  readonly under40: Rule<ShareTarget>;
  readonly aged40To50: Rule<ShareTarget>;
  /** How far below the previous term's maximum the committee should be, per level (0.05 = 5 %). */
  readonly committeeSizeReduction: Rule<Partial<Readonly<Record<OrganizationLevel, number>>>>;
  /** null: no figure known; the committee sets it. */
  readonly renewal: Rule<ShareTarget | null>;
  readonly ethnicMinority: Rule<ShareTarget | null>;
}

export interface CongressRuleSet {
  readonly id: RuleSetId;
  /** 'Chỉ thị 35-CT/TW ngày 30/5/2019 của Bộ Chính trị'. */
  readonly name: string;
  readonly source: RuleSource;
  /** '2020–2025'. */
  readonly term: string;
  readonly towardCongressVi: string;
  /** The document this rule set replaced, in words. */
  readonly replacesVi?: string;
  /** The guidance issued with the directive. */
  readonly guidance: readonly RuleSource[];
  /** The committee's term runs from the day after the congress closes (numbering restarts then). */
  readonly termStartsAfter: Rule<'congress_closing'>;
  readonly levels: Readonly<Record<OrganizationLevel, LevelRules>>;
  /** Preparatory session (họp trù bị), district level and above. */
  readonly preparatorySessionMaxDays: Rule<number>;
  /** A grassroots organization with fewer members holds an all-member congress (đại hội đảng viên). */
  readonly allMemberCongressBelow: Rule<number>;
  readonly ageReference: AgeReference;
  readonly composition: CompositionTargets;
  /** The convening committee announces the opening date this many working days ahead. */
  readonly announceOpeningWorkingDaysAhead: Rule<number>;
  /** Candidates who are not delegates file this many working days ahead, district level and above. */
  readonly nonDelegateCandidatesFileWorkingDaysAhead: Rule<number>;
  /** The upper committees' plans applied by tightenRuleSet, top down. */
  readonly tightenedBy?: readonly RuleSource[];
}
