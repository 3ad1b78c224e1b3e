import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';

/*
 * k6 v0.48, the oldest version the README promises, compiles scenarios at ECMAScript 2017 plus modules:
 * optional catch binding, object spread and rest, async iteration, `??` and `?.` are refused there even
 * though Node runs them. acorn at the same level refuses what k6 would, so a scenario that only runs on
 * a newer k6 fails here.
 */

const K6_DIR = fileURLToPath(new URL('../k6/', import.meta.url));

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? scripts(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  );
}

function parseAsK6(source: string): void {
  parse(source, { ecmaVersion: 2017, sourceType: 'module' });
}

const files = scripts(K6_DIR).map((file) => relative(K6_DIR, file));

describe('every k6 script at the language level of k6 v0.48 (ES2017 modules)', () => {
  it('finds the scenarios and their library', () => {
    expect(files).toEqual(expect.arrayContaining(['ingest-stream.js', 'live.js', 'lib/graphql.js']));
  });

  it.each(files)('%s parses', (file) => {
    expect(() => parseAsK6(readFileSync(join(K6_DIR, file), 'utf8'))).not.toThrow();
  });

  // The check must be able to fail: each of these runs on Node but not on k6 v0.48.
  it.each([
    ['optional catch binding', 'try { f(); } catch { g(); }'],
    ['object spread', 'const a = { ...b };'],
    ['object rest', 'const { a, ...rest } = b;'],
    ['async iteration', 'async function f(xs) { for await (const x of xs) g(x); }'],
    ['nullish coalescing', 'const a = b ?? 1;'],
    ['optional chaining', 'const a = b?.c;'],
  ])('refuses %s', (_feature, source) => {
    expect(() => parseAsK6(source)).toThrow(SyntaxError);
  });
});
