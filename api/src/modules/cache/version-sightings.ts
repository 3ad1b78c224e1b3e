/** Versions remembered: a few seconds of background applies, however often they come. */
const VERSIONS_KEPT = 32;

/**
 * When this process last read each recent data version as the current one. An answer computed at version v
 * shows every change committed before the last moment v was seen current, not only those before its own
 * computation began: a key asked twice a minute and a key asked every second are then equally fresh once the
 * version moves. Reads of any key count, as the version is the whole database's.
 */
export class VersionSightings {
  private readonly seenAt = new Map<number, number>();

  /** `version` was read as the current one by a read that began at `at` (ms since the epoch). */
  note(version: number, at: number): void {
    if ((this.seenAt.get(version) ?? -Infinity) >= at) return;
    this.seenAt.delete(version);
    this.seenAt.set(version, at);
    if (this.seenAt.size > VERSIONS_KEPT) this.seenAt.delete(this.seenAt.keys().next().value!);
  }

  /** The last moment `version` was seen current by this process, or `since` (its answer's start) if later. */
  currentUntil(version: number, since: number): number {
    return Math.max(since, this.seenAt.get(version) ?? -Infinity);
  }
}
