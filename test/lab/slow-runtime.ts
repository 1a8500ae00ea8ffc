/**
 * The lab's slow runtime (field guide §1.4): a wrapper for `dockerd --add-runtime slow=<wrapper>` that sleeps
 * before `runc create` (standing in for a slow prestart hook) and passes everything else straight to runc.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function writeSlowRuntime(dir: string, slowSeconds: number): string {
  const p = path.join(dir, 'slow-runc');
  fs.writeFileSync(
    p,
    `#!/bin/sh
# Lab wrapper runtime: a slow "create" (stands in for a slow prestart hook), everything else straight to runc.
for a in "$@"; do
  if [ "$a" = create ]; then sleep ${slowSeconds}; break; fi
done
exec /usr/sbin/runc "$@"
`,
  );
  fs.chmodSync(p, 0o755);
  return p;
}
