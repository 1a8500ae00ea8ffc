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
