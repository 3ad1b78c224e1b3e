/** Deepest nesting of arrays and objects a JSON import value may have; deeper input is refused unread. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether JSON text nests arrays or objects deeper than `max`, found by scanning the text before it is
 * parsed: 500,000 nested brackets parse, but walking the result (to report it) overflows the stack, and
 * building it costs memory for nothing. Brackets inside strings do not count. Text with no bracket after
 * its first character is not scanned.
 */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  if (text.indexOf('[') === -1 && text.indexOf('{', text.indexOf('{') + 1) === -1) return false;
  let depth = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (inString) {
      if (code === 0x5c)
        at++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > max) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}
