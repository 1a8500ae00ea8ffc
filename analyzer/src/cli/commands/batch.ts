// PLACEHOLDER: batch triage (issue 7) implements `batch`.
import type { Command } from 'commander';

export function registerBatch(_program: Command): void {}
