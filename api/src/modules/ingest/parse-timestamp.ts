const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** Offsets beyond ±14:00 exist nowhere on Earth; they are typos. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Reads an ISO 8601 timestamp or date as the import formats define it: with an offset it is converted
 * to UTC, without one it is UTC, and a date alone is midnight UTC. Impossible dates (2026-02-30, 24:00)
 * are rejected by checking that the parts survive a round trip through Date. Returns undefined when the
 * text is not such a timestamp.
 */
export function parseTimestamp(text: string): Date | undefined {
  const match = ISO_8601.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4] ?? 0);
  const minute = Number(match[5] ?? 0);
  const second = Number(match[6] ?? 0);
  const millisecond = match[7] ? Number(match[7].slice(0, 3).padEnd(3, '0')) : 0;
  const local = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  const survivesRoundTrip =
    local.getUTCFullYear() === year &&
    local.getUTCMonth() === month - 1 &&
    local.getUTCDate() === day &&
    local.getUTCHours() === hour &&
    local.getUTCMinutes() === minute &&
    local.getUTCSeconds() === second;
  if (!survivesRoundTrip) return undefined;
  const sign = match[9];
  if (!sign) return local;
  const offsetMinutes = Number(match[11] ?? 0);
  const offset = Number(match[10]) * 60 + offsetMinutes;
  if (offset > MAX_OFFSET_MINUTES || offsetMinutes > 59) return undefined;
  return new Date(local.getTime() - (sign === '-' ? -offset : offset) * 60_000);
}
