/**
 * Vietnamese collation for person names and organization names, and sort keys that reproduce it
 * under PostgreSQL's COLLATE "C" (byte order), which both PGlite and a server provide.
 *
 * A word is compared letter by letter in the Vietnamese alphabet, ignoring tones; when the letters
 * are equal, the word's tone marks decide (none < huyền < sắc < hỏi < ngã < nặng). Where in the
 * syllable the mark sits does not matter ("Hoà" and "Hòa" are equal until the final tie-break).
 * Digit runs compare as numbers ("Chi bộ 2" < "Chi bộ 10") and sort before letters. Other characters
 * (punctuation, letters outside the alphabet) count only in the final tie-break on the raw string.
 */

// f, j, w, z are not Vietnamese letters but occur in names of foreign origin: Latin positions.
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const LETTER_INDEX = new Map([...ALPHABET].map((letter, index) => [letter, index]));

const MODIFIED_LETTERS: Readonly<Record<string, string>> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};

// Combining marks of the five tones → 1 huyền, 2 sắc, 3 hỏi, 4 ngã, 5 nặng.
const TONE_MARKS: Readonly<Record<string, number>> = {
  '\u0300': 1,
  '\u0301': 2,
  '\u0309': 3,
  '\u0303': 4,
  '\u0323': 5,
};

// Longer digit runs are compared in chunks of this many digits, so a length fits in one key char.
const MAX_NUMBER_DIGITS = 15;

/** A letter's alphabet index, or a number's digits without leading zeros. */
type Unit = number | string;

interface Word {
  readonly units: readonly Unit[];
  readonly tones: readonly number[];
}

const TOKEN = /(\p{L})(\p{M}*)|(\d+)|[\s\S]/gu;

function letterIndex(base: string, marks: string): number | undefined {
  // Ð/ð (eth) stands in for Đ/đ in carelessly typed text.
  const letter = base === 'ð' ? 'đ' : base;
  for (const mark of marks) {
    const modified = MODIFIED_LETTERS[letter + mark];
    if (modified !== undefined) return LETTER_INDEX.get(modified);
  }
  return LETTER_INDEX.get(letter);
}

function tonesOf(marks: string): number[] {
  return [...marks].flatMap((mark) => TONE_MARKS[mark] ?? []);
}

function numberUnits(digits: string): string[] {
  const units: string[] = [];
  for (let i = 0; i < digits.length; i += MAX_NUMBER_DIGITS) {
    units.push(digits.slice(i, i + MAX_NUMBER_DIGITS).replace(/^0+/, ''));
  }
  return units;
}

function parseWord(word: string): Word {
  const units: Unit[] = [];
  const tones: number[] = [];
  for (const [, base, marks = '', digits] of word.matchAll(TOKEN)) {
    if (digits !== undefined) units.push(...numberUnits(digits));
    if (base === undefined) continue;
    const index = letterIndex(base, marks);
    if (index === undefined) continue;
    units.push(index);
    tones.push(...tonesOf(marks));
  }
  return { units, tones };
}

function parseWords(text: string): Word[] {
  return text
    .normalize('NFD')
    .toLowerCase()
    .split(/\s+/u)
    .map(parseWord)
    .filter((word) => word.units.length > 0);
}

/** Given name, middle names, family name: the three groups compared in that order. */
function nameGroups(words: readonly Word[]): Word[][] {
  const given = words.at(-1);
  const family = words.length > 1 ? words[0] : undefined;
  return [given ? [given] : [], words.slice(1, -1), family ? [family] : []];
}

function compareSequences<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const order = compare(a[i]!, b[i]!);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareUnits(a: Unit, b: Unit): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') {
    return a.length - b.length || compareCodeUnits(a, b);
  }
  return typeof a === 'string' ? -1 : 1;
}

function compareWords(a: Word, b: Word): number {
  return (
    compareSequences(a.units, b.units, compareUnits) || compareSequences(a.tones, b.tones, (x, y) => x - y)
  );
}

function compareWordLists(a: readonly Word[], b: readonly Word[]): number {
  return compareSequences(a, b, compareWords);
}

/** Person-name order: given name, then middle names, then family name; ties by the raw string. */
export function compareVietnameseNames(a: string, b: string): number {
  const order = compareSequences(nameGroups(parseWords(a)), nameGroups(parseWords(b)), compareWordLists);
  return Math.sign(order) || compareCodeUnits(a, b);
}

/** Organization-name order: words read left to right; ties by the raw string. */
export function compareVietnameseText(a: string, b: string): number {
  return Math.sign(compareWordLists(parseWords(a), parseWords(b))) || compareCodeUnits(a, b);
}

// Key characters, all printable ASCII so that UTF-8 byte order equals code-unit order. Each separator
// is lower than anything that can stand at the same position in another key.
const RAW_SEPARATOR = '!';
const GROUP_SEPARATOR = '#';
const WORD_SEPARATOR = '$';
const TONE_SEPARATOR = '&';
const NUMBER_LENGTH_BASE = 0x30; // '0'…'?': a number's digit count, then its digits
const LETTER_BASE = 0x41; // 'A'…'a': the 33 letters

function unitKey(unit: Unit): string {
  if (typeof unit === 'number') return String.fromCharCode(LETTER_BASE + unit);
  return String.fromCharCode(NUMBER_LENGTH_BASE + unit.length) + unit;
}

function wordKey(word: Word): string {
  return word.units.map(unitKey).join('') + TONE_SEPARATOR + word.tones.join('');
}

function wordListKey(words: readonly Word[]): string {
  return words.map(wordKey).join(WORD_SEPARATOR);
}

// Four hex digits per UTF-16 code unit: fixed width keeps the raw tie-break in code-unit order.
function rawKey(text: string): string {
  let key = '';
  for (let i = 0; i < text.length; i++) key += text.charCodeAt(i).toString(16).padStart(4, '0');
  return key;
}

/** Sort key whose plain string order (and byte order, COLLATE "C") equals compareVietnameseNames. */
export function vietnameseNameSortKey(fullName: string): string {
  const groups = nameGroups(parseWords(fullName)).map(wordListKey);
  return groups.join(GROUP_SEPARATOR) + RAW_SEPARATOR + rawKey(fullName);
}

/** Sort key whose plain string order (and byte order, COLLATE "C") equals compareVietnameseText. */
export function vietnameseTextSortKey(text: string): string {
  return wordListKey(parseWords(text)) + RAW_SEPARATOR + rawKey(text);
}
