import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, restoreFormulaText } from '../src/modules/export/csv.js';

describe('CSV cells a spreadsheet cannot run (OWASP CSV Injection)', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['-2+3', "'-2+3"],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\r=1"`],
    ['\n=1', `"'\n=1"`],
    // Quotes already in front: one more, so that the import can take exactly one off.
    ["'=1", "''=1"],
    // OWASP's two examples, character for character.
    ['=1+2";=1+2', `"'=1+2"";=1+2"`],
    [`=1+2'" ;,=1+2`, `"'=1+2'"" ;,=1+2"`],
    // A separator of a semicolon locale cannot start a new cell.
    ['a;=1+2', '"a;=1+2"'],
    ['plain text', 'plain text'],
    ["it's", "it's"],
  ])('%j is written as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('leaves plain numbers as numbers, negative ones included', () => {
    expect([-12.5, -3e-7, -0, 0, 42].map(csvField)).toEqual(['-12.5', '-3e-7', '0', '0', '42']);
    expect(['-12.5', '-1e5', '-.5'].map(csvField)).toEqual(['-12.5', '-1e5', '-.5']);
    expect(['-12.5x', '-1e5+1', '-'].map(csvField)).toEqual(["'-12.5x", "'-1e5+1", "'-"]);
    expect([null, undefined, true].map(csvField)).toEqual(['', '', 'true']);
  });

  it('reads every neutralised text back as it was, and no other text changes on the way in', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '1', '.') }),
        (text) => {
          expect(restoreFormulaText(neutralizeFormula(text))).toBe(text);
        },
      ),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const written = neutralizeFormula(text);
        // Whatever was written starts neither a formula nor, after the quote, anything but the text.
        expect(/^[=+\-@\t\r\n]/.test(written) && !/^-?[\d.]/.test(written)).toBe(false);
        expect(restoreFormulaText(written)).toBe(text);
      }),
    );
  });
});
