import { describe, expect, it } from 'vitest';
import { localPath } from '../src/lib/server/session';

describe('the page a sign-in returns to', () => {
  it.each([
    ['/channels?from=2026-08-01&to=2026-10-31', '/channels?from=2026-08-01&to=2026-10-31'],
    ['/customers/C1#history', '/customers/C1#history'],
    ['/', '/'],
  ])('keeps a path of this site: %s', (target, path) => {
    expect(localPath(target)).toBe(path);
  });

  it.each([
    // Browsers read a backslash as a slash: /\evil.example is //evil.example, another site.
    '/\\evil.example',
    '/\\\\evil.example',
    '//evil.example',
    '///evil.example',
    '/\\',
    '/\t/evil.example',
    '/%5Cevil.example',
    '/%5cevil.example',
    '/%2F%2Fevil.example',
    '/%2f/evil.example',
    '/%252F%252Fevil.example',
    'https://evil.example/',
    'evil.example',
    'javascript:alert(1)',
    '',
    null,
  ])('sends anything else to the overview: %j', (target) => {
    expect(localPath(target)).toBe('/');
  });
});
