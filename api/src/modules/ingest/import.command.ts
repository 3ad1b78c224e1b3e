import type { Command } from 'commander';

// Placeholder until the import pipeline lands.
export function registerImportCommand(_program: Command): void {}
