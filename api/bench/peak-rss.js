// Preloaded into a benchmarked child process (node --import): at exit it writes the process's peak
// resident memory and its CPU time (all its threads) to stderr, in lines the import benchmark reads.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  writeSync(2, `\npeak-rss-kib ${usage.maxRSS}\ncpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
