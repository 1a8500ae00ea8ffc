// PLACEHOLDER: the hazards work (issue 8) implements `rules` (the catalog).
import type { Command } from 'commander';

export function registerRules(_program: Command): void {}
