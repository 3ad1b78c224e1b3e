import { generateCustomers } from '@cx-pulse/seeds';
import { describe, expect, it } from 'vitest';
import { generatedChunks } from '../src/seed/generate-in-worker.js';

const options = { seed: 5, months: 4, until: new Date('2025-03-01T00:00:00Z') };

async function collect(first: number, end: number, chunk: number, generator = options) {
  const chunks = [];
  for await (const generated of generatedChunks(generator, first, end, chunk)) chunks.push(generated);
  return chunks;
}

describe('generatedChunks', () => {
  it('yields, in order, the rows generateCustomers gives for each chunk, generated on a worker thread', async () => {
    const chunks = await collect(10, 260, 70);
    expect(chunks.map(({ from, count }) => [from, count])).toEqual([
      [10, 70],
      [80, 70],
      [150, 70],
      [220, 40],
    ]);
    for (const { from, count, batch } of chunks)
      expect(batch).toEqual(generateCustomers(options, from, count));
  });

  it('generates a single chunk in the calling thread, and nothing for an empty range', async () => {
    const [only, ...rest] = await collect(3, 50, 70);
    expect(rest).toEqual([]);
    expect(only).toEqual({ from: 3, count: 47, batch: generateCustomers(options, 3, 47) });
    expect(await collect(7, 7, 70)).toEqual([]);
  });

  it('rejects with the generator’s message when the worker fails', async () => {
    await expect(collect(0, 200, 70, { ...options, months: 0 })).rejects.toThrow(/^months: expected/);
  });
});
