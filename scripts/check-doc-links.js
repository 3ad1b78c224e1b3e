// Checks that every relative link and anchor in README.md and docs/*.md resolves, and that every
// repository path a guide names in backticks (`api/…`, `schema/…`) exists, so the docs cannot drift
// from the tree unnoticed. Run by `pnpm check`; prints each broken link and exits 1.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The page's text outside fenced code blocks (links and headings in code are not links). */
function prose(text) {
  let fence = null;
  return text
    .split('\n')
    .map((line) => {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence === null ? marker : null;
        return '';
      }
      return fence === null ? line : '';
    })
    .join('\n');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(text) {
  const anchors = new Set();
  const seen = new Map();
  for (const [, heading] of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const problems = [];
const anchorCache = new Map();
const anchorsOfFile = (file) => {
  if (!anchorCache.has(file)) anchorCache.set(file, anchorsOf(readFileSync(file, 'utf8')));
  return anchorCache.get(file);
};

for (const page of pages) {
  const file = join(root, page);
  const text = prose(readFileSync(file, 'utf8'));
  for (const [, target] of text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // http:, https:, mailto:
    const [path, anchor] = target.split('#');
    const targetFile = path ? resolve(dirname(file), decodeURI(path)) : file;
    if (!existsSync(targetFile)) {
      problems.push(`${page}: link to ${target}: ${relative(root, targetFile)} does not exist`);
    } else if (anchor !== undefined && targetFile.endsWith('.md') && !anchorsOfFile(targetFile).has(anchor)) {
      problems.push(`${page}: link to ${target}: no heading with the anchor #${anchor}`);
    }
  }
  if (page.startsWith('docs/adding-')) {
    for (const [, path] of text.matchAll(/`((?:api|dashboard|schema|seeds|loadtest)\/[^`\s*<>…]+)`/g)) {
      if (!existsSync(join(root, path))) problems.push(`${page}: names ${path}, which does not exist`);
    }
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`doc links: ${pages.length} pages, every relative link and anchor resolves`);
