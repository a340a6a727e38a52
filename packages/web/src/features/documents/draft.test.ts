import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { DRAFT_MAX_AGE_MS, fromStored, parseDraft, sameValues, toStored } from './draft';

describe('document drafts', () => {
  it('keep dates as ISO text and bring them back as dates', () => {
    const stored = toStored({ summary: 'Kế hoạch', issuedOn: dayjs('2019-10-31') });
    expect(stored).toEqual({ summary: 'Kế hoạch', issuedOn: '2019-10-31' });
    expect(fromStored(stored).issuedOn?.format('YYYY-MM-DD')).toBe('2019-10-31');
  });

  it('treat empty, null and absent alike', () => {
    expect(sameValues({ signer: '', body: undefined }, { signer: null as unknown as string })).toBe(true);
    expect(sameValues({ summary: 'a' }, { summary: 'b' })).toBe(false);
    expect(
      sameValues({ links: [{ kind: 'implements', target: { value: 'x', label: 'y' } }] }, { links: [] }),
    ).toBe(false);
  });

  it('forget drafts that are unreadable or too old', () => {
    const now = new Date('2020-03-15T00:00:00Z');
    const draft = { savedAt: '2020-03-14T00:00:00.000Z', baseVersion: 2, values: { summary: 'x' } };
    expect(parseDraft(JSON.stringify(draft), now)).toEqual(draft);
    expect(parseDraft('{', now)).toBeNull();
    expect(parseDraft(JSON.stringify({ ...draft, values: [] }), now)).toBeNull();
    const old = new Date(now.getTime() + DRAFT_MAX_AGE_MS + 86_400_000);
    expect(parseDraft(JSON.stringify(draft), old)).toBeNull();
  });
});
