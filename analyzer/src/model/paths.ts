/** Path arithmetic on host paths, shared by the model and the rules (which read the model). */

/** `p` without trailing slashes, except the root itself. */
export function trimSlash(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}

/** `p` is `root` or below it. */
export function isUnder(p: string, root: string): boolean {
  const r = trimSlash(root);
  const q = trimSlash(p);
  return r.length > 0 && (q === r || q.startsWith(r === '/' ? '/' : `${r}/`));
}

/**
 * `p` is one of Docker's `roots` (data-root, exec-root, …) or below one. A root of `/` counts for none: every
 * path is below it, and a daemon.json that says so must not make every mount or audited path Docker's.
 * A loop, not `roots.some` with an arrow: it runs for every mount and audit path (bench/README, "hot callbacks").
 */
export function underDockerRoot(p: string, roots: readonly string[]): boolean {
  for (const r of roots) if (trimSlash(r) !== '/' && isUnder(p, r)) return true;
  return false;
}
