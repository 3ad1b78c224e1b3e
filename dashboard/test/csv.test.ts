import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/lib/csv';

describe("a chart's CSV download", () => {
  it('neutralises labels that would run as formulas and keeps numbers, negative ones included', () => {
    // Contact reasons are free text from any ingest key: the red-team payloads.
    const csv = toCsv(
      ['reason', 'nps'],
      [
        ['=HYPERLINK("http://x","y")', -12.5],
        ["+cmd|' /C calc'!A0", 40],
        ['@SUM(1+1)', null],
        ['billing; refunds', 0],
      ],
    );
    expect(csv).toBe(
      'reason,nps\r\n' +
        `"'=HYPERLINK(""http://x"",""y"")",-12.5\r\n` +
        "'+cmd|' /C calc'!A0,40\r\n" +
        "'@SUM(1+1),\r\n" +
        '"billing; refunds",0\r\n',
    );
  });
});
