import type { Command } from 'commander';

// Placeholder until the demo-data generator lands.
export function registerSeedCommand(_program: Command): void {}
