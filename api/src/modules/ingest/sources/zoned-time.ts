/**
 * The UTC instant of a wall-clock time `local` (YYYY-MM-DD HH:MM:SS, as Qualtrics writes dates, with
 * optional fractional seconds; a date alone is its midnight) in the
 * IANA time zone `timeZone`; undefined when either cannot be read. The zone's offset is looked up at
 * the guessed instant and once more at the corrected one, which settles times near a DST change.
 */
export function zonedTimeToUtc(local: string, timeZone: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/.exec(local);
  if (!match) return undefined;
  const [year = 0, month = 1, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0));
  const millisecond = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    return undefined;
  }
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      format.formatToParts(instant).map(({ type, value }) => [type, Number(value)]),
    );
    const shown = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
    // The parts have no milliseconds: compare with the instant's whole second.
    return shown - (instant - (((instant % 1000) + 1000) % 1000));
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}
