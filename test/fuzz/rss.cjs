// Preloaded into the fuzzed CLI: says how much memory the whole process (workers too) took at its peak.
process.on('exit', () => process.stderr.write(`\nECSOP_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
