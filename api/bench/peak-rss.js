// Preloaded into a benchmarked child process (node --import): at exit it writes the process's peak
// resident memory (all its threads) to stderr, in a line the import benchmark reads.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\npeak-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
