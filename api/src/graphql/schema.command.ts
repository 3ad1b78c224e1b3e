import type { Command } from 'commander';

// Placeholder until the GraphQL schema lands.
export function registerSchemaCommand(_program: Command): void {}
