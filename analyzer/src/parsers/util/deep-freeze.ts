/**
 * Parser values and the host model are frozen so that rules cannot edit them. The walk is
 * iterative (a daemon.json value 10,000 levels deep overflowed a recursive one), follows only own
 * enumerable data properties, and never freezes a shared prototype: had a lookup ever put
 * Object.prototype into the model, freezing it would have frozen every object of the process
 * (a batch worker then failed the next bundles).
 */
export function deepFreeze<T>(root: T): T {
  const todo: unknown[] = [root];
  while (todo.length > 0) {
    const o = todo.pop();
    if (!o || typeof o !== 'object' || Object.isFrozen(o) || isSharedPrototype(o)) continue;
    Object.freeze(o);
    for (const v of Object.values(o)) if (v && typeof v === 'object') todo.push(v);
  }
  return root;
}

/** Object.prototype, Array.prototype, Map.prototype, …: an object that is its constructor's prototype. */
function isSharedPrototype(o: object): boolean {
  const c = Object.getOwnPropertyDescriptor(o, 'constructor')?.value as unknown;
  return typeof c === 'function' && (c as { prototype?: unknown }).prototype === o;
}
