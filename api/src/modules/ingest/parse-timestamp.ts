const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?)?$/;

/** Offsets beyond ±14:00 exist nowhere on Earth; they are typos. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Reads an ISO 8601 timestamp or date as the import formats define it: with an offset it is converted
 * to UTC, without one it is UTC, and a date alone is midnight UTC. Impossible dates (2026-02-30, 24:00)
 * are rejected by checking that the parts survive a round trip through Date. Returns undefined when the
 * text is not such a timestamp.
 *
 * The form exports and most files use, 2026-03-01T09:30:00Z, is read without the regular expression:
 * its date's midnight comes from a cache of the dates seen (a file holds few), checked by the same
 * round trip; its time is in range or the text is read the general way (which rejects it).
 */
export function parseTimestamp(text: string): Date | undefined {
  const time = UTC_SECONDS.test(text) ? secondsOfDay(text) : undefined;
  if (time !== undefined) {
    const midnight = midnightOf(text);
    return midnight === undefined ? undefined : new Date(midnight + time * 1000);
  }
  return parseIsoTimestamp(text);
}

/** 2026-03-01T09:30:00Z, and nothing else: the one form parseTimestamp reads without ISO_8601. */
const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** The seconds since midnight of a UTC_SECONDS text, or undefined when a part is out of range. */
function secondsOfDay(text: string): number | undefined {
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  return hour < 24 && minute < 60 && second < 60 ? hour * 3600 + minute * 60 + second : undefined;
}

function twoDigits(text: string, at: number): number {
  return (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
}

/** Epoch milliseconds of a date's midnight (NaN: no such date), by its digits (20260301). */
const midnights = new Map<number, number>();
const MAX_CACHED_DATES = 100_000;

function midnightOf(text: string): number | undefined {
  const key =
    (twoDigits(text, 0) * 100 + twoDigits(text, 2)) * 10_000 + twoDigits(text, 5) * 100 + twoDigits(text, 8);
  let midnight = midnights.get(key);
  if (midnight === undefined) {
    midnight = parseIsoTimestamp(text.slice(0, 10))?.getTime() ?? Number.NaN;
    if (midnights.size >= MAX_CACHED_DATES) midnights.clear();
    midnights.set(key, midnight);
  }
  return Number.isNaN(midnight) ? undefined : midnight;
}

/** parseTimestamp's general way: any form ISO_8601 allows. */
export function parseIsoTimestamp(text: string): Date | undefined {
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
