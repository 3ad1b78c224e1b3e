/**
 * How failed sign-ins slow an attacker down, per account *and* client address: a guesser is held back
 * ever longer, while the account's owner, signing in from anywhere else, is not held back at all.
 */
export interface LoginThrottlePolicy {
  /** Failures (for one account from one address) answered at once, before any wait. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  firstLockoutMs: number;
  /** The longest wait: an attacker can never shut the pair out for longer than this after a failure. */
  maxLockoutMs: number;
  /** Failures older than this (since the last one) are forgotten. */
  forgetAfterMs: number;
}

/** 5 free failures, then 1 s, 2 s, 4 s … up to 15 min; forgotten after a day without failures. */
export const LOGIN_THROTTLE: LoginThrottlePolicy = {
  freeFailures: 5,
  firstLockoutMs: 1_000,
  maxLockoutMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};

/** Pairs tracked at most; beyond, the least recently failed are dropped (memory stays bounded). */
const MAX_PAIRS = 100_000;

interface Failures {
  count: number;
  last: number;
  lockedUntil: number;
}

/**
 * Exponential backoff of sign-in attempts per (account, client address), in the memory of this API
 * process. While a pair is locked, its attempts are refused without checking the password (so guessing
 * cannot go on), a right password from another address still signs in, and a success clears the pair.
 * An unknown e-mail address is counted like a known one, so the answers do not tell which accounts exist.
 */
export class LoginThrottle {
  private readonly pairs = new Map<string, Failures>();

  constructor(
    private readonly policy: LoginThrottlePolicy = LOGIN_THROTTLE,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until the pair may try again; 0 when it may now. */
  waitMs(account: string, client: string): number {
    const failures = this.current(pairKey(account, client));
    return failures ? Math.max(0, failures.lockedUntil - this.now()) : 0;
  }

  /** Counts a failure; returns the wait it imposes (0 while failures are free). */
  failed(account: string, client: string): number {
    const key = pairKey(account, client);
    const now = this.now();
    const count = (this.current(key)?.count ?? 0) + 1;
    const beyond = count - this.policy.freeFailures;
    const wait =
      beyond > 0 ? Math.min(this.policy.maxLockoutMs, this.policy.firstLockoutMs * 2 ** (beyond - 1)) : 0;
    // Re-inserted, so that the map's order is the order of the last failure (oldest dropped first).
    this.pairs.delete(key);
    this.pairs.set(key, { count, last: now, lockedUntil: now + wait });
    if (this.pairs.size > MAX_PAIRS) this.pairs.delete(this.pairs.keys().next().value!);
    return wait;
  }

  succeeded(account: string, client: string): void {
    this.pairs.delete(pairKey(account, client));
  }

  private current(key: string): Failures | undefined {
    const failures = this.pairs.get(key);
    if (failures && this.now() - failures.last > this.policy.forgetAfterMs) {
      this.pairs.delete(key);
      return undefined;
    }
    return failures;
  }
}

function pairKey(account: string, client: string): string {
  return `${account.trim().toLowerCase()}\n${client}`;
}
