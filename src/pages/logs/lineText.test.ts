import { describe, expect, it } from 'vitest';
import { ansiRuns, makeVisible, prettyJson, rowText, stripAnsi } from './lineText';

describe('line text', () => {
  it('turns ANSI colour codes into coloured runs and drops the escapes', () => {
    const runs = ansiRuns('\u001b[31mERROR\u001b[0m done \u001b[1;32mok\u001b[m');
    expect(runs.map((r) => r.text)).toEqual(['ERROR', ' done ', 'ok']);
    expect(runs[0]!.color).toBe('#f2495c');
    expect(runs[1]!.color).toBeUndefined();
    expect(runs[2]).toMatchObject({ color: '#73bf69', bold: true });
    expect(runs.some((r) => r.text.includes('\u001b'))).toBe(false);
  });

  it('drops cursor movement and OSC sequences, keeps the text', () => {
    expect(stripAnsi('a\u001b[2Kb\u001b]0;title\u0007c')).toBe('abc');
    expect(ansiRuns('a\u001b[2Kb').map((r) => r.text).join('')).toBe('ab');
  });

  it('shows NUL, controls and lone surrogates visibly', () => {
    expect(makeVisible('a\u0000b\u0007c\td')).toBe('a\u2400b\u2407c\td');
    expect(makeVisible('x\uD800y')).toBe('x\uFFFDy');
    expect(makeVisible('ok 😀')).toBe('ok 😀');
  });

  it('keeps HTML as text', () => {
    expect(ansiRuns('<script>alert(1)</script>')[0]!.text).toBe('<script>alert(1)</script>');
  });

  it('cuts a 1 MB line for the row and says how much is left out, without splitting a surrogate pair', () => {
    const big = 'x'.repeat(1_000_000);
    const row = rowText(big, 10_000);
    expect(row.runs.map((r) => r.text).join('').length).toBe(10_000);
    expect(row.omitted).toBe(990_000);
    const emoji = `${'a'.repeat(9)}😀tail`;
    const cut = rowText(emoji, 10);
    expect(cut.runs[0]!.text).toBe('a'.repeat(9));
  });

  it('prettifies JSON objects only', () => {
    expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyJson('plain')).toBeUndefined();
    expect(prettyJson('{broken')).toBeUndefined();
  });
});
