import { ageOn, compareIsoDates, isIsoDate } from '../dates/dates.js';

/** Tình trạng đảng viên. `transferred_out`: moved to an organization outside this system. */
export const MEMBER_STATUSES = ['probationary', 'full', 'transferred_out', 'deceased', 'left'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_STATUS_LABELS_VI: Readonly<Record<MemberStatus, string>> = {
  probationary: 'Đảng viên dự bị',
  full: 'Đảng viên chính thức',
  transferred_out: 'Đã chuyển sinh hoạt ra ngoài',
  deceased: 'Đã từ trần',
  left: 'Đã ra khỏi Đảng',
};

/** Trình độ lý luận chính trị. */
export const THEORY_LEVELS = ['so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
export type TheoryLevel = (typeof THEORY_LEVELS)[number];

export const THEORY_LEVEL_LABELS_VI: Readonly<Record<TheoryLevel, string>> = {
  so_cap: 'Sơ cấp',
  trung_cap: 'Trung cấp',
  cao_cap: 'Cao cấp',
  cu_nhan: 'Cử nhân',
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const GENDER_LABELS_VI: Readonly<Record<Gender, string>> = { male: 'Nam', female: 'Nữ' };

/** Age bands of the member statistics, by whole years of age on the business date. */
export const AGE_BANDS = ['under_30', '30_39', '40_49', '50_59', '60_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const AGE_BAND_LABELS_VI: Readonly<Record<AgeBand, string>> = {
  under_30: 'Dưới 30 tuổi',
  '30_39': 'Từ 30 đến 39 tuổi',
  '40_49': 'Từ 40 đến 49 tuổi',
  '50_59': 'Từ 50 đến 59 tuổi',
  '60_plus': 'Từ 60 tuổi trở lên',
};

// The lowest age of each band; a band runs up to the next band's lowest age.
const AGE_BAND_FLOORS: Readonly<Record<AgeBand, number>> = {
  under_30: 0,
  '30_39': 30,
  '40_49': 40,
  '50_59': 50,
  '60_plus': 60,
};

export function isMemberStatus(value: string): value is MemberStatus {
  return (MEMBER_STATUSES as readonly string[]).includes(value);
}

export function isTheoryLevel(value: string): value is TheoryLevel {
  return (THEORY_LEVELS as readonly string[]).includes(value);
}

export function isGender(value: string): value is Gender {
  return (GENDERS as readonly string[]).includes(value);
}

export function isAgeBand(value: string): value is AgeBand {
  return (AGE_BANDS as readonly string[]).includes(value);
}

interface SourcedRule<T> {
  readonly value: T;
  /** Document and article, shown with the warning or refusal the rule produces. */
  readonly source: string;
}

/** The rules a member record is checked against, with the article each comes from. */
export const MEMBER_RULES = {
  id: 'dieu-le-dang-2011',
  document: 'Điều lệ Đảng Cộng sản Việt Nam',
  adoptedOn: '2011-01-19',
  issuer: 'Đại hội đại biểu toàn quốc lần thứ XI',
  /** Công dân Việt Nam từ mười tám tuổi trở lên (Điều 1, khoản 1). */
  minimumAdmissionAge: { value: 18, source: 'Điều lệ Đảng (2011), Điều 1' },
  /** Người được kết nạp phải trải qua thời kỳ dự bị mười hai tháng (Điều 5, khoản 1). */
  probationMonths: { value: 12, source: 'Điều lệ Đảng (2011), Điều 5' },
} as const satisfies {
  readonly id: string;
  readonly minimumAdmissionAge: SourcedRule<number>;
  readonly probationMonths: SourcedRule<number>;
  readonly [key: string]: unknown;
};

/** Party card number: digits only. */
export const MEMBER_CARD_MIN_LENGTH = 6;
export const MEMBER_CARD_MAX_LENGTH = 12;
export const MEMBER_NAME_MIN_LENGTH = 2;
export const MEMBER_NAME_MAX_LENGTH = 100;

const ISO_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The same day `years` calendar years earlier (or later, for negative values); 29 February becomes
 * 28 February in a common year.
 */
function shiftYears(iso: string, years: number): string {
  const match = ISO_PARTS.exec(iso);
  if (!match || !isIsoDate(iso)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${iso}`);
  const year = String(Number(match[1]) - years).padStart(4, '0');
  const shifted = `${year}-${match[2]}-${match[3]}`;
  return isIsoDate(shifted) ? shifted : `${year}-${match[2]}-28`;
}

/** The same day `months` calendar months later; the 31st of a shorter month becomes its last day. */
export function addMonths(iso: string, months: number): string {
  const match = ISO_PARTS.exec(iso);
  if (!match || !isIsoDate(iso)) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${iso}`);
  const total = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = String(Math.floor(total / 12)).padStart(4, '0');
  const month = String((total % 12) + 1).padStart(2, '0');
  let day = Number(match[3]);
  while (!isIsoDate(`${year}-${month}-${String(day).padStart(2, '0')}`)) day -= 1;
  return `${year}-${month}-${String(day).padStart(2, '0')}`;
}

/** The age band of someone born on `birthIso`, on `todayIso`. */
export function ageBandOf(birthIso: string, todayIso: string): AgeBand {
  const age = ageOn(birthIso, todayIso);
  let band: AgeBand = 'under_30';
  for (const candidate of AGE_BANDS) if (age >= AGE_BAND_FLOORS[candidate]) band = candidate;
  return band;
}

/**
 * The birth dates of an age band on `todayIso`, as bounds for SQL: `birth_date > bornAfter AND
 * birth_date <= bornOnOrBefore` (an absent bound is open). Matches `ageBandOf` exactly.
 */
export function ageBandRange(
  band: AgeBand,
  todayIso: string,
): { bornAfter?: string; bornOnOrBefore?: string } {
  const index = AGE_BANDS.indexOf(band);
  const floor = AGE_BAND_FLOORS[band];
  const next = AGE_BANDS[index + 1];
  const range: { bornAfter?: string; bornOnOrBefore?: string } = {};
  // Age ≥ n exactly when born on or before the same day n years ago.
  if (floor > 0) range.bornOnOrBefore = shiftYears(todayIso, floor);
  if (next !== undefined) range.bornAfter = shiftYears(todayIso, AGE_BAND_FLOORS[next]);
  return range;
}

/** The day probation ends for someone admitted on `admittedOn` (12 months later, by the rule set). */
export function probationEndsOn(admittedOn: string): string {
  return addMonths(admittedOn, MEMBER_RULES.probationMonths.value);
}

export interface MemberInput {
  readonly fullName: string;
  readonly cardNumber?: string | null;
  readonly gender: string;
  readonly birthDate: string;
  readonly admittedOn: string;
  readonly fullMemberOn?: string | null;
  readonly status: string;
  readonly [field: string]: unknown;
}

export type MemberErrorCode =
  | 'MEMBER_NAME_INVALID'
  | 'MEMBER_CARD_INVALID'
  | 'MEMBER_GENDER_INVALID'
  | 'MEMBER_STATUS_INVALID'
  | 'MEMBER_DATE_INVALID'
  | 'MEMBER_DATE_IN_FUTURE'
  | 'MEMBER_TOO_YOUNG_AT_ADMISSION'
  | 'MEMBER_FULL_BEFORE_ADMISSION'
  | 'MEMBER_FULL_DATE_REQUIRED';

export type MemberWarningCode = 'PROBATION_OVERDUE';

export interface MemberFieldError {
  readonly field: string;
  readonly code: MemberErrorCode;
  readonly message: string;
}

export interface MemberWarning {
  readonly code: MemberWarningCode;
  readonly message: string;
}

export interface MemberValidation {
  readonly errors: MemberFieldError[];
  readonly warnings: MemberWarning[];
}

const DATE_FIELDS = ['birthDate', 'admittedOn', 'fullMemberOn'] as const;
type DateField = (typeof DATE_FIELDS)[number];

const DATE_FIELD_LABELS_VI: Readonly<Record<DateField, string>> = {
  birthDate: 'Ngày sinh',
  admittedOn: 'Ngày vào Đảng',
  fullMemberOn: 'Ngày chính thức',
};

const CARD_NUMBER = /^\d+$/;
const HAS_LETTER = /\p{L}/u;

function formatVi(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

/** The Vietnamese message of each member error code, for callers that only hold the code. */
export const MEMBER_ERROR_MESSAGES_VI: Readonly<Record<MemberErrorCode, string>> = {
  MEMBER_NAME_INVALID: `Họ và tên phải có từ ${MEMBER_NAME_MIN_LENGTH} đến ${MEMBER_NAME_MAX_LENGTH} ký tự và có chữ cái.`,
  MEMBER_CARD_INVALID: `Số thẻ đảng viên chỉ gồm chữ số, từ ${MEMBER_CARD_MIN_LENGTH} đến ${MEMBER_CARD_MAX_LENGTH} chữ số.`,
  MEMBER_GENDER_INVALID: 'Giới tính phải là Nam hoặc Nữ.',
  MEMBER_STATUS_INVALID: 'Tình trạng đảng viên không hợp lệ.',
  MEMBER_DATE_INVALID: 'Ngày không hợp lệ.',
  MEMBER_DATE_IN_FUTURE: 'Ngày không được sau ngày hôm nay.',
  MEMBER_TOO_YOUNG_AT_ADMISSION: `Người vào Đảng phải từ đủ ${MEMBER_RULES.minimumAdmissionAge.value} tuổi trở lên, theo ${MEMBER_RULES.minimumAdmissionAge.source}.`,
  MEMBER_FULL_BEFORE_ADMISSION: 'Ngày chính thức phải sau ngày vào Đảng.',
  MEMBER_FULL_DATE_REQUIRED: 'Đảng viên chính thức phải có ngày chính thức.',
};

/**
 * Checks a member record on the business date `todayIso`. Dates are ISO strings already parsed; a
 * date that is not a real calendar date is reported and left out of the checks that need it.
 */
export function validateMember(input: MemberInput, todayIso: string): MemberValidation {
  const errors: MemberFieldError[] = [];
  const warnings: MemberWarning[] = [];
  const fail = (field: string, code: MemberErrorCode, message = MEMBER_ERROR_MESSAGES_VI[code]) =>
    errors.push({ field, code, message });

  const name = typeof input.fullName === 'string' ? input.fullName.trim() : '';
  const nameLength = [...name].length;
  if (nameLength < MEMBER_NAME_MIN_LENGTH || nameLength > MEMBER_NAME_MAX_LENGTH || !HAS_LETTER.test(name)) {
    fail('fullName', 'MEMBER_NAME_INVALID');
  }

  const card = input.cardNumber;
  if (card !== undefined && card !== null && card !== '') {
    const valid =
      typeof card === 'string' &&
      CARD_NUMBER.test(card) &&
      card.length >= MEMBER_CARD_MIN_LENGTH &&
      card.length <= MEMBER_CARD_MAX_LENGTH;
    if (!valid) fail('cardNumber', 'MEMBER_CARD_INVALID');
  }

  if (!isGender(String(input.gender))) fail('gender', 'MEMBER_GENDER_INVALID');
  const statusValid = isMemberStatus(String(input.status));
  if (!statusValid) fail('status', 'MEMBER_STATUS_INVALID');

  // The dates that are real calendar dates and not in the future; only these take part in the
  // checks between dates.
  const usable: Partial<Record<DateField, string>> = {};
  for (const field of DATE_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      if (field !== 'fullMemberOn')
        fail(field, 'MEMBER_DATE_INVALID', `${DATE_FIELD_LABELS_VI[field]} là bắt buộc.`);
      continue;
    }
    if (typeof value !== 'string' || !isIsoDate(value)) {
      fail(field, 'MEMBER_DATE_INVALID', `${DATE_FIELD_LABELS_VI[field]} không phải là ngày hợp lệ.`);
      continue;
    }
    if (compareIsoDates(value, todayIso) > 0) {
      fail(
        field,
        'MEMBER_DATE_IN_FUTURE',
        `${DATE_FIELD_LABELS_VI[field]} (${formatVi(value)}) không được sau ngày hôm nay (${formatVi(todayIso)}).`,
      );
      continue;
    }
    usable[field] = value;
  }

  const { birthDate, admittedOn, fullMemberOn } = usable;
  if (birthDate && admittedOn) {
    const { value, source } = MEMBER_RULES.minimumAdmissionAge;
    const age = compareIsoDates(admittedOn, birthDate) < 0 ? -1 : ageOn(birthDate, admittedOn);
    if (age < value) {
      const when = age < 0 ? 'khi đó chưa sinh' : `khi đó mới ${age} tuổi`;
      fail(
        'admittedOn',
        'MEMBER_TOO_YOUNG_AT_ADMISSION',
        `Ngày vào Đảng ${formatVi(admittedOn)}: ${when}; người vào Đảng phải từ đủ ${value} tuổi trở lên, theo ${source}.`,
      );
    }
  }
  if (admittedOn && fullMemberOn && compareIsoDates(fullMemberOn, admittedOn) <= 0) {
    fail(
      'fullMemberOn',
      'MEMBER_FULL_BEFORE_ADMISSION',
      `Ngày chính thức (${formatVi(fullMemberOn)}) phải sau ngày vào Đảng (${formatVi(admittedOn)}).`,
    );
  }
  const fullMemberOnGiven =
    input.fullMemberOn !== undefined && input.fullMemberOn !== null && input.fullMemberOn !== '';
  if (input.status === 'full' && !fullMemberOnGiven) fail('fullMemberOn', 'MEMBER_FULL_DATE_REQUIRED');

  const warning = probationWarning(input.status, admittedOn, todayIso);
  if (warning) warnings.push(warning);
  return { errors, warnings };
}

/**
 * PROBATION_OVERDUE when a probationary member's 12 months have passed on `todayIso` and no one
 * has yet recognised them as a full member.
 */
export function probationWarning(
  status: string,
  admittedOn: string | null | undefined,
  todayIso: string,
): MemberWarning | null {
  if (status !== 'probationary' || !admittedOn || !isIsoDate(admittedOn)) return null;
  const endsOn = probationEndsOn(admittedOn);
  if (compareIsoDates(todayIso, endsOn) <= 0) return null;
  const { value, source } = MEMBER_RULES.probationMonths;
  return {
    code: 'PROBATION_OVERDUE',
    message: `Đã quá thời hạn dự bị ${value} tháng (vào Đảng ${formatVi(admittedOn)}, hết hạn ${formatVi(endsOn)}) mà chưa được công nhận đảng viên chính thức, theo ${source}.`,
  };
}

/** The warnings a stored member carries on `todayIso`. */
export function memberWarnings(
  member: { readonly status: string; readonly admittedOn: string },
  todayIso: string,
): MemberWarning[] {
  const warning = probationWarning(member.status, member.admittedOn, todayIso);
  return warning ? [warning] : [];
}

/** The fields of a member record that people type, import and read: one list for server and web. */
export const MEMBER_RECORD_FIELDS = [
  'fullName',
  'cardNumber',
  'gender',
  'birthDate',
  'ethnicity',
  'hometown',
  'admittedOn',
  'fullMemberOn',
  'status',
  'educationLevel',
  'theoryLevel',
  'jobTitle',
  'employer',
  'phone',
  'email',
] as const;

export interface MemberRecord {
  fullName: string;
  cardNumber: string | null;
  gender: Gender;
  birthDate: string;
  ethnicity: string | null;
  hometown: string | null;
  admittedOn: string;
  fullMemberOn: string | null;
  status: MemberStatus;
  educationLevel: string | null;
  theoryLevel: TheoryLevel | null;
  jobTitle: string | null;
  employer: string | null;
  phone: string | null;
  email: string | null;
}
