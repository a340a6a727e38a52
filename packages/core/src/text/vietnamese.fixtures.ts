import fc from 'fast-check';

const wordList = (text: string) => text.split(' ');

// Syllable parts close to real Vietnamese spelling (not every combination is a real word).
const INITIALS = ['', ...wordList('b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x')];
const NUCLEI = wordList(
  'a ă â e ê i o ô ơ u ư y oa oă oe uy uê iê yê uô ươ ưa ua ia ai ao âu ay oi ôi ơi ưu',
);
const FINALS = ['', '', ...wordList('c ch m n ng nh p t')];
const TONE_MARKS = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];

// Real given, middle and family names, including pairs that differ only by tone placement or case.
const REAL_WORDS = wordList(
  'An Ân Ấn Ánh Hòa Hoà Hoa Hóa Đức Dũng Duy Thị Văn Nguyễn NGUYỄN Trần Lê Phạm Đặng Ngô Hưng Hùng Thủy Thuỷ',
);

const syllable = fc
  .record({
    initial: fc.constantFrom(...INITIALS),
    nucleus: fc.constantFrom(...NUCLEI),
    final: fc.constantFrom(...FINALS),
    tone: fc.constantFrom(...TONE_MARKS),
    tonePosition: fc.nat(),
  })
  .map(({ initial, nucleus, final, tone, tonePosition }) => {
    const vowels = [...nucleus];
    const at = tonePosition % vowels.length;
    const toned = vowels.map((vowel, i) => (i === at ? vowel + tone : vowel)).join('');
    return (initial + toned + final).normalize('NFC');
  });

const casing = fc.constantFrom(
  (word: string) => word.toLowerCase(),
  (word: string) => word.toUpperCase(),
  (word: string) => (word[0] ?? '').toUpperCase() + word.slice(1).toLowerCase(),
);

/** One word of a Vietnamese name: a generated syllable or a real name, in any case. */
export const vietnameseWord = fc
  .tuple(fc.oneof(syllable, fc.constantFrom(...REAL_WORDS)), casing)
  .map(([word, toCase]) => toCase(word));

// Words that differ by a single letter, modifier, tone or tone position, so that generated names
// often share long prefixes and the comparison reaches every rule.
const CONFUSABLE_WORDS = wordList(
  'an ăn ân àn án ản ãn ạn ấn ận anh hoa hoà hòa hoá dan đan on ôn ơn u ư ưu uu thuỷ thủy fan zan',
);

/** One of the confusable words, in any case. */
export const confusableWord = fc
  .tuple(fc.constantFrom(...CONFUSABLE_WORDS), casing)
  .map(([word, toCase]) => toCase(word));

function nameOf(word: fc.Arbitrary<string>) {
  return fc
    .record({
      words: fc.array(word, { minLength: 1, maxLength: 5 }),
      separator: fc.constantFrom(' ', ' ', ' ', '  ', '\t'),
      padded: fc.boolean(),
      decomposed: fc.boolean(),
    })
    .map(({ words, separator, padded, decomposed }) => {
      const name = padded ? ` ${words.join(separator)} ` : words.join(separator);
      return decomposed ? name.normalize('NFD') : name;
    });
}

/**
 * A full name of 1–5 words, sometimes decomposed (NFD), sometimes with irregular spacing; one in three
 * is built from confusable words only.
 */
export const vietnameseName = fc.oneof(
  { arbitrary: nameOf(vietnameseWord), weight: 2 },
  { arbitrary: nameOf(confusableWord), weight: 1 },
);

const anyWord = fc.oneof(vietnameseWord, confusableWord);

function edited(words: readonly string[], kind: string, at: number, word: string): string[] {
  const i = at % (words.length + 1);
  if (kind === 'insert') return [...words.slice(0, i), word, ...words.slice(i)];
  if (kind === 'delete' && words.length > 1) return words.filter((_, j) => j !== i % words.length);
  if (kind === 'replace') return words.map((w, j) => (j === i % words.length ? word : w));
  return [...words];
}

/** Two names where the second is the first with one word inserted, deleted or replaced. */
export const relatedNames = fc
  .record({
    words: fc.array(anyWord, { minLength: 1, maxLength: 4 }),
    kind: fc.constantFrom('insert', 'delete', 'replace', 'case'),
    at: fc.nat(),
    word: anyWord,
    decomposed: fc.boolean(),
  })
  .map(({ words, kind, at, word, decomposed }): [string, string] => {
    const other = edited(words, kind, at, word).join(' ');
    const b = kind === 'case' ? other.toUpperCase() : other;
    return [words.join(' '), decomposed ? b.normalize('NFD') : b];
  });
