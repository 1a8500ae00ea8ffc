import type { Command } from 'commander';
import type { BundleInventory } from '../../spine/reader.js';
import { DEFAULT_LIMITS } from '../../spine/limits.js';
import type { ReaderLimits } from '../../spine/types.js';
import { EXIT, orUnreadable } from '../exit-codes.js';
import { safeJson, safeLines } from '../safe-text.js';

interface InventoryOpts {
  json?: boolean;
  maxEntryBytes?: string;
  maxTotalBytes?: string;
  maxEntries?: string;
  maxLineLength?: string;
}

/** `1g`, `512m`, `64k`, `1000` → a positive integer, or undefined when malformed. */
export function parseSize(s: string): number | undefined {
  const m = /^(\d+)([kmg]?)b?$/i.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Reader limits from the command line; a malformed value is a usage error (exit 2). */
export function limitsFromOptions(o: InventoryOpts): Partial<ReaderLimits> | string {
  const out: Partial<ReaderLimits> = {};
  const pairs: [keyof ReaderLimits, string | undefined, string][] = [
    ['maxEntryBytes', o.maxEntryBytes, '--max-entry-bytes'],
    ['maxTotalBytes', o.maxTotalBytes, '--max-total-bytes'],
    ['maxEntries', o.maxEntries, '--max-entries'],
    ['maxLineLength', o.maxLineLength, '--max-line-length'],
  ];
  for (const [key, v, flag] of pairs) {
    if (v === undefined) continue;
    const n = parseSize(v);
    if (n === undefined) return `${flag}: expected a positive number like 1000, 64k, 512m or 2g, got ${JSON.stringify(v)}`;
    out[key] = n;
  }
  return out;
}

/** The inventory as text; every line goes through safe(): names and link targets come from the bundle. */
export function formatInventory(inventory: BundleInventory): string {
  const out: string[] = [];
  out.push(`bundle:  ${inventory.input}`);
  out.push(
    `format:  ${inventory.format}   layout: ${inventory.layout}${inventory.sosVersion ? ` (sos ${inventory.sosVersion})` : ''}${inventory.topFolder ? `   top folder: ${inventory.topFolder}` : ''}`,
  );
  if (inventory.host) out.push(`host:    ${inventory.host}`);
  if (inventory.collectedAt) {
    const off = inventory.hostUtcOffsetMinutes;
    const zone = off === undefined ? '' : `   host zone: UTC${off < 0 ? '-' : '+'}${String(Math.floor(Math.abs(off) / 60)).padStart(2, '0')}${String(Math.abs(off) % 60).padStart(2, '0')}`;
    out.push(`collected: ${new Date(inventory.collectedAt).toISOString()}${zone}`);
  }
  if (inventory.collectorVersion) out.push(`collector: ${inventory.collectorVersion}${inventory.asRoot === false ? ' (not root: some items skipped)' : ''}`);
  out.push(`members: ${inventory.members}   bytes read: ${inventory.bytesRead}${inventory.links?.length ? `   symlinks: ${inventory.links.length} (not followed)` : ''}`);
  if (inventory.incomplete) out.push('NOTE: the reader stopped before the end of the input (see reader problems)');
  out.push('', 'artifacts:');
  for (const a of inventory.artifacts) {
    const where = a.paths.length ? a.paths.join(', ') : '-';
    out.push(`  ${a.state.padEnd(10)} ${a.artifact.padEnd(32)} ${String(a.bytes).padStart(10)}  ${where}${a.detail ? `  (${a.detail})` : ''}`);
  }
  const unhealthy = inventory.artifacts.filter((a) => a.state !== 'present');
  out.push('', `collection health: ${inventory.artifacts.length - unhealthy.length} present, ${unhealthy.length} not usable`);
  if (inventory.problems.length) {
    out.push('', 'reader problems:');
    for (const p of inventory.problems) out.push(`  ${p.kind}: ${p.path ? `"${p.path}": ` : ''}${p.message}`);
  }
  return safeLines(out) + '\n';
}

/** `inventory <bundle>`: layout, artifacts with source and size, collection health, refusals. */
export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description('list what a bundle holds: layout, artifacts, collection health, anything the reader refused')
    .argument('<bundle>', 'collector tarball, sosreport (.tar.xz/.tar.gz/.tar) or unpacked folder')
    .option('--json', 'print JSON instead of text')
    .option('--max-entry-bytes <n>', `read at most this much of one member (default ${DEFAULT_LIMITS.maxEntryBytes})`)
    .option('--max-total-bytes <n>', `decompress at most this much in all (default ${DEFAULT_LIMITS.maxTotalBytes})`)
    .option('--max-entries <n>', `read at most this many members (default ${DEFAULT_LIMITS.maxEntries})`)
    .option('--max-line-length <n>', `cut lines longer than this (default ${DEFAULT_LIMITS.maxLineLength})`)
    .action(async (bundle: string, opts: InventoryOpts) => {
      const limits = limitsFromOptions(opts);
      if (typeof limits === 'string') {
        process.stderr.write(`docker-postmortem: ${limits}\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      await orUnreadable(bundle, async () => {
        const { scanBundle } = await import('../../spine/reader.js');
        const { inventory } = await scanBundle(bundle, { limits });
        process.stdout.write(opts.json ? safeJson(JSON.stringify(inventory, null, 2)) + '\n' : formatInventory(inventory));
      });
    });
}
