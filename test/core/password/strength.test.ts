import { describe, expect, it } from 'vitest';
import { MAX_SCORED_PASSWORD_CHARS, strength } from '../../../src/core/password/index.js';

const kinds = (password: string) => strength(password).japaneseHabits.map((h) => `${h.kind}:${password.slice(h.start, h.end)}`);

describe('strength', () => {
  it('scores common passwords low and random ones high, with feedback in both languages', () => {
    const weak = strength('password');
    expect(weak.score).toBe(0);
    expect(weak.warning?.ja).toMatch(/パスワード/);
    expect(weak.warning?.en).toMatch(/password/i);
    expect(weak.suggestions.length).toBeGreaterThan(0);
    expect(weak.summary.ja).toContain('弱い');
    const strong = strength('Zq8#vL2!pW9$mK4');
    expect(strong.score).toBe(4);
    expect(strong.warning).toBeNull();
    expect(strong.japaneseHabits).toEqual([]);
  });

  it('recognises era-calendar birthdays (和暦) and lowers the estimate for them', () => {
    expect(kinds('s600412')).toEqual(['wareki-date:s600412']);
    expect(kinds('showa60')).toEqual(['wareki-date:showa60']);
    expect(kinds('H1.4.12hanako')).toEqual(['wareki-date:H1.4.12', 'romaji-word:hanako']);
    expect(kinds('平成3年')).toEqual(['wareki-date:平成3年']);
    // Showa ended in its 64th year: S65 is no date.
    expect(kinds('xs65')).toEqual([]);
    expect(strength('s600412').warning?.en).toMatch(/date/i);
    expect(strength('Xk!s600412').guessesLog10).toBeLessThan(strength('Xk!q600412').guessesLog10);
  });

  it('recognises western-calendar dates and years', () => {
    expect(kinds('sakura1985')).toEqual(['romaji-word:sakura', 'seireki-date:1985']);
    expect(kinds('tanaka0412')).toEqual(['romaji-word:tanaka', 'seireki-date:0412']);
  });

  it('recognises phone numbers, with or without hyphens', () => {
    expect(kinds('09012345678')).toEqual(['phone-number:09012345678']);
    expect(kinds('x090-8765-4321')).toEqual(['phone-number:090-8765-4321']);
    expect(kinds('0612345678!')).toEqual(['phone-number:0612345678']);
  });

  it('recognises keyboard walks but not number runs or English words', () => {
    expect(kinds('asdfgh')).toEqual(['keyboard-pattern:asdfgh']);
    expect(kinds('1qaz2wsx')).toEqual(['keyboard-pattern:1qaz2wsx']);
    expect(kinds('12345678')).toEqual([]);
    expect(kinds('correct horse battery staple')).toEqual([]);
  });

  it('uses what the person told us about themselves', () => {
    expect(strength('yamadataro77', ['yamadataro']).guessesLog10).toBeLessThan(strength('yamadataro77').guessesLog10);
  });

  it('scores only the first MAX_SCORED_PASSWORD_CHARS characters of a huge input, quickly', () => {
    const result = strength('a1!'.repeat(100_000));
    expect(result.truncated).toBe(true);
    expect(strength('a'.repeat(MAX_SCORED_PASSWORD_CHARS)).truncated).toBe(false);
  });
});
