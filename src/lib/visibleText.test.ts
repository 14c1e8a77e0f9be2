import { describe, expect, it } from 'vitest';
import { VISIBLE_TEXT_MAX_CHARS, visibleText } from './visibleText';

describe('visibleText (issue 5 #16)', () => {
  it('leaves ordinary names alone', () => {
    expect(visibleText('api-gateway')).toEqual({ text: 'api-gateway', title: 'api-gateway', truncated: false, marked: false });
    expect(visibleText('платежи 支付 دفع 💳')).toMatchObject({ text: 'платежи 支付 دفع 💳', marked: false });
  });

  it('shows a right-to-left override as a marker, so the name cannot reverse itself', () => {
    expect(visibleText('\u202Eevil.exe').text).toBe('⟨U+202E⟩evil.exe');
    expect(visibleText('a\u2066b\u2069').text).toBe('a⟨U+2066⟩b⟨U+2069⟩');
  });

  it('makes zero-width, empty and blank names visible', () => {
    expect(visibleText('\u200B')).toMatchObject({ text: '⟨U+200B⟩', marked: true });
    expect(visibleText('').text).toBe('⟨empty⟩');
    expect(visibleText('  ').text).toBe('⟨U+0020⟩⟨U+0020⟩');
    expect(visibleText('payments ').text).toBe('payments⟨U+0020⟩');
    expect(visibleText('two words').text).toBe('two words');
    expect(visibleText('\u3164').text).toBe('⟨U+3164⟩');
  });

  it('marks control characters and lone surrogates', () => {
    expect(visibleText('a\u0000b\u001b[31m\n').text).toBe('a⟨U+0000⟩b⟨U+001B⟩[31m⟨U+000A⟩');
    expect(visibleText('pay\uD800ments').text).toBe('pay⟨U+D800⟩ments');
    expect(visibleText('\uDC00').text).toBe('⟨U+DC00⟩');
  });

  it('keeps joiners inside emoji sequences', () => {
    expect(visibleText('dev 👩‍💻').text).toBe('dev 👩‍💻');
    expect(visibleText('a\u200Db').text).toBe('a⟨U+200D⟩b');
  });

  it('cuts a 100,000-character name, keeping the whole of it for the title', () => {
    const long = 'x'.repeat(100_000);
    const shown = visibleText(long);
    expect(shown.truncated).toBe(true);
    expect(Array.from(shown.text)).toHaveLength(VISIBLE_TEXT_MAX_CHARS);
    expect(shown.text.endsWith('…')).toBe(true);
    expect(shown.title).toBe(long);
  });

  it('never cuts inside a marker or a surrogate pair', () => {
    expect(visibleText('ab\u202Ecd', 4).text).toBe('ab⟨U+202E⟩…');
    expect(visibleText('💳💳💳💳', 3).text).toBe('💳💳…');
  });
});
