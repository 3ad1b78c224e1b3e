import type { Command } from 'commander';

// Placeholder: migrate, seed the demo when empty, then serve.
export function registerStartCommand(_program: Command): void {}
