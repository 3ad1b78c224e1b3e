import { describe, expect, it } from 'vitest';
import { LOGIN_THROTTLE, LoginThrottle } from '../src/modules/auth/login-throttle.js';

describe('the sign-in backoff per account and address', () => {
  it('lets 5 failures through, then waits 1 s, 2 s, 4 s … at most 15 min', () => {
    let now = 0;
    const throttle = new LoginThrottle(LOGIN_THROTTLE, () => now);
    const waits: number[] = [];
    for (let failure = 1; failure <= 17; failure++) {
      waits.push(throttle.failed('Ana@Example.com', '203.0.113.7') / 1000);
      now += throttle.waitMs('ana@example.com', '203.0.113.7');
    }
    // Failure n > 5 waits 2^(n − 6) s: 1, 2, … 512, then 1,024 and 2,048 s capped at 900 s (15 min).
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    // Another address, or another account, is not held back.
    expect(throttle.waitMs('ana@example.com', '198.51.100.20')).toBe(0);
    expect(throttle.waitMs('bob@example.com', '203.0.113.7')).toBe(0);
  });

  it('clears the pair on success and forgets failures a day old', () => {
    let now = 0;
    const throttle = new LoginThrottle(LOGIN_THROTTLE, () => now);
    for (let failure = 0; failure < 6; failure++) throttle.failed('ana', 'a');
    expect(throttle.waitMs('ana', 'a')).toBe(1_000);
    throttle.succeeded('ana', 'a');
    expect(throttle.waitMs('ana', 'a')).toBe(0);
    for (let failure = 0; failure < 5; failure++) throttle.failed('ana', 'a');
    now += 24 * 3_600_000 + 1;
    // Forgotten: the next failure is the first again, free.
    expect(throttle.failed('ana', 'a')).toBe(0);
  });
});
