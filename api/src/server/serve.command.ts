import type { Command } from 'commander';

// Placeholder until the GraphQL server lands.
export function registerServeCommand(_program: Command): void {}
