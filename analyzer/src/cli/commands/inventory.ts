import type { Command } from 'commander';
import { BundleUnreadableError, scanBundle } from '../../spine/reader.js';
import { EXIT } from '../exit-codes.js';

/** `inventory <bundle>`: layout, artifacts with source and size, collection health, refusals. */
export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('list what a bundle holds: layout, artifacts, collection health, anything the reader refused')
    .argument('<bundle>', 'collector tarball, sosreport (.tar.xz/.tar.gz/.tar) or unpacked folder')
    .option('--json', 'print JSON instead of text')
    .action(async (bundle: string, opts: { json?: boolean }) => {
      try {
        const { inventory } = await scanBundle(bundle);
        if (opts.json) {
          process.stdout.write(JSON.stringify(inventory, null, 2) + '\n');
          return;
        }
        const out: string[] = [];
        out.push(`bundle:  ${inventory.input}`);
        out.push(`format:  ${inventory.format}   layout: ${inventory.layout}${inventory.sosVersion ? ` (sos ${inventory.sosVersion})` : ''}`);
        if (inventory.host) out.push(`host:    ${inventory.host}`);
        if (inventory.collectedAt) out.push(`collected: ${new Date(inventory.collectedAt).toISOString()}`);
        out.push(`members: ${inventory.members}   bytes read: ${inventory.bytesRead}`);
        out.push('', 'artifacts:');
        for (const a of inventory.artifacts) {
          const where = a.paths.length ? a.paths.join(', ') : '-';
          out.push(`  ${a.state.padEnd(10)} ${a.artifact.padEnd(32)} ${String(a.bytes).padStart(10)}  ${where}${a.detail ? `  (${a.detail})` : ''}`);
        }
        const unhealthy = inventory.artifacts.filter((a) => a.state !== 'present');
        out.push('', `collection health: ${inventory.artifacts.length - unhealthy.length} present, ${unhealthy.length} not usable`);
        if (inventory.problems.length) {
          out.push('', 'reader problems:');
          for (const p of inventory.problems) out.push(`  ${p.kind}: ${p.path ? p.path + ': ' : ''}${p.message}`);
        }
        process.stdout.write(out.join('\n') + '\n');
      } catch (e) {
        if (e instanceof BundleUnreadableError) {
          process.stderr.write(`docker-postmortem: cannot read ${bundle}: ${e.message}\n`);
          process.exitCode = EXIT.UNREADABLE;
          return;
        }
        throw e;
      }
    });
}
