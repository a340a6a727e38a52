import { describe, expect, it } from 'vitest';
import { parseDateCell } from './members.js';
import { columnLetter } from './pipeline.js';
import { numberText, openSource } from './sources.js';

describe('date cells', () => {
  it('takes dd/mm/yyyy (with -, . or one digit), yyyy-mm-dd and Excel serial numbers', () => {
    expect(parseDateCell('15/02/1980')).toEqual({ iso: '1980-02-15' });
    expect(parseDateCell('5/2/1980')).toEqual({ iso: '1980-02-05' });
    expect(parseDateCell('15-02-1980')).toEqual({ iso: '1980-02-15' });
    expect(parseDateCell('15.02.1980')).toEqual({ iso: '1980-02-15' });
    expect(parseDateCell('1980-02-15')).toEqual({ iso: '1980-02-15' });
    expect(parseDateCell('29266')).toEqual({ iso: '1980-02-15' });
    expect(parseDateCell('29266.75')).toEqual({ iso: '1980-02-15' });
    expect(parseDateCell('43905')).toEqual({ iso: '2020-03-15' });
  });

  it('says why anything else is not a date', () => {
    for (const text of ['31/02/1980', '29/02/2019', '1980-13-01', '1980-02-30', '00/01/1980']) {
      expect(parseDateCell(text)).toEqual({
        error: expect.stringContaining(`«${text}» không phải là ngày có thật`),
      });
    }
    expect(parseDateCell('1980')).toEqual({ error: expect.stringContaining('mới là năm') });
    for (const text of ['15/02/80', 'tháng 2/1980', '12', 'abc', '15021980x']) {
      expect(parseDateCell(text)).toEqual({ error: expect.stringContaining('không phải là ngày') });
    }
    expect(parseDateCell('29/02/2020')).toEqual({ iso: '2020-02-29' });
  });
});

describe('number and column texts', () => {
  it('writes numbers as Excel shows them', () => {
    expect(numberText(52012345)).toBe('52012345');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(3)).toBe('3');
    expect(numberText(1e21)).toBe('1000000000000000000000');
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('CSV rows', () => {
  it('are numbered as records, a quoted line break staying in its cell', async () => {
    const source = await openSource('a.csv', Buffer.from('\ufeffA;B\r\n1;"x\r\ny"\r\n\r\n2;3\r\n'));
    const rows = [];
    for await (const r of source.rows) rows.push(r);
    expect(rows.map((r) => [r.row, r.cells])).toEqual([
      [1, ['A', 'B']],
      [2, ['1', 'x\r\ny']],
      [3, ['']],
      [4, ['2', '3']],
    ]);
    expect(await source.countRows(100)).toBe(4);
  });
});
