#!/usr/bin/env node
/**
 * docker-postmortem CLI. Each command lives in commands/<name>.ts and registers itself here.
 * Registering is cheap: a command loads the analyzer, the renderers or batch machinery only when
 * it runs (dynamic imports in its action), so start-up pays only for what the command uses
 * (bench/startup.ts).
 */
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { EXIT } from './exit-codes.js';
import { safe } from './safe-text.js';
import { registerInventory } from './commands/inventory.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerFacts } from './commands/facts.js';
import { registerRules } from './commands/rules.js';
import { registerBatch } from './commands/batch.js';
import { registerSamples } from './commands/samples.js';
import { registerDiff } from './commands/diff.js';

export function buildProgram(): Command {
  const program = new Command('docker-postmortem')
    .description('Offline post-mortem of Docker engine hosts from a collector bundle, a sosreport or a folder')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInventory(program);
  registerAnalyze(program);
  registerFacts(program);
  registerRules(program);
  registerBatch(program);
  registerDiff(program);
  registerSamples(program);
  return program;
}

async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.OK;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    // The message may quote bundle text: each line of the stack is made safe on its own.
    process.stderr.write(`docker-postmortem: internal error: ${String((e as Error)?.stack ?? e).split('\n').map(safe).join('\n')}\n`);
    return 70;
  }
}

main(process.argv).then((code) => process.exit(code));
