import { describe, it, expect } from 'vitest';
import { RateLimiter } from '../src/http/rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst, then the rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([0, 1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0, 1]);
    expect(limiter.take('b')).toBe(0);
    now += 500;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
  });
});
