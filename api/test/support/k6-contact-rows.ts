export { loadContactBatch, type ContactBatch } from '../../bench/contact-rows.js';

/** A seeded generator (mulberry32) for the batches: a failure repeats, and two databases get the same rows. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
