// PLACEHOLDER: the parsers/model work (issue 4) implements `facts <bundle> [--json] [--timeline]`.
import type { Command } from 'commander';

export function registerFacts(_program: Command): void {}
