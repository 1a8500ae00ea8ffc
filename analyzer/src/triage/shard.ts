/**
 * Deterministic sharding: input `name` belongs to shard i of n when fnv1a(name) % n === i - 1.
 * Hash-based (not position-based) so adding bundles to a backlog does not move the others.
 */
import { fnv1a } from './discover.js';

export interface Shard {
  index: number; // 1-based
  count: number;
}

export function parseShard(v: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  if (!m) throw new Error(`--shard takes i/n, e.g. 2/8 (got ${v})`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new Error(`--shard ${v}: need 1 <= i <= n`);
  return { index, count };
}

export function inShard(name: string, shard: Shard | undefined): boolean {
  return !shard || fnv1a(name) % shard.count === shard.index - 1;
}
