/**
 * Installed packages: `rpm -qa` (and sos's `installed-rpms`, whose lines add an install date after
 * the NVRA) and `dpkg -l`.
 *
 * rpm: `NAME-VERSION-RELEASE.ARCH`, split from the right (names hold dashes); `gpg-pubkey-…` has no
 * arch (field guide §3). openEuler (seed; field guide §0):
 * ```
 * docker-engine-18.09.0-129.oe1.x86_64
 * containerd-1.2.0-301.oe1.x86_64
 * gpg-pubkey-b25e7f66-5d8ef6f9
 * ```
 * dpkg: [cap] dpkg 1.21 on Debian 12, `ii  docker.io  20.10.24+dfsg1-1+deb12u1+b6  amd64  Linux container runtime`.
 * Only installed rows (second status letter `i`) are packages; others are counted.
 */
import type { ParseContext } from '../spine/types.js';
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';

export interface PackageRecord {
  name: string;
  version: string;
  release?: string;
  arch?: string;
  /** dpkg status letters (`ii`, `hi`, `rc`). */
  status?: string;
  line: number;
  text: string;
}

export interface PackagesFacts {
  manager: 'rpm' | 'dpkg';
  packages: PackageRecord[];
  /** dpkg rows that are not installed (rc, un, …). */
  notInstalled: number;
}

const RPM_ARCHES = new Set(['x86_64', 'aarch64', 'noarch', 'i686', 'i586', 'i386', 'ppc64le', 'ppc64', 's390x', 'riscv64', 'loongarch64', 'armv7hl', 'armv7l', 'src', 'sw_64', 'mips64el']);

/** Splits an rpm NVRA (or NVR) from the right. Undefined when there are not enough dashes. */
export function splitNvra(nvra: string): { name: string; version: string; release: string; arch?: string } | undefined {
  let rest = nvra;
  let arch: string | undefined;
  const dot = rest.lastIndexOf('.');
  if (dot > 0 && RPM_ARCHES.has(rest.slice(dot + 1))) {
    arch = rest.slice(dot + 1);
    rest = rest.slice(0, dot);
  }
  const d2 = rest.lastIndexOf('-');
  if (d2 <= 0) return undefined;
  const d1 = rest.lastIndexOf('-', d2 - 1);
  if (d1 <= 0) return undefined;
  const out = { name: rest.slice(0, d1), version: rest.slice(d1 + 1, d2), release: rest.slice(d2 + 1) };
  if (out.version === '' || out.release === '') return undefined;
  return arch !== undefined ? { ...out, arch } : out;
}

interface State {
  manager: 'rpm' | 'dpkg';
  list: PackageRecord[];
  notInstalled: number;
  sawText: boolean;
}

export const packagesParser = lineParser<State, PackagesFacts>({
  name: 'packages',
  artifacts: ['rpm.qa', 'dpkg.l'],
  init: (ctx: ParseContext) => ({ manager: ctx.artifact === 'dpkg.l' ? 'dpkg' : 'rpm', list: [], notInstalled: 0, sawText: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawText = true;
    if (s.manager === 'dpkg') {
      if (/^(Desired=|\||\+\+\+-)/.test(t)) return;
      const m = /^([a-zA-Z][a-zA-Z ][a-zA-Z ]?)\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(.*))?$/.exec(t);
      if (!m) {
        problems.add(line, 'not a dpkg -l row');
        return;
      }
      const status = m[1]!.trim();
      if (status[1] !== 'i') {
        s.notInstalled++;
        return;
      }
      const [name, archq] = m[2]!.split(':');
      s.list.push({ name: name!, version: m[3]!, arch: archq ?? m[4], status, line: line.no, text: t.slice(0, 500) });
      return;
    }
    const nvra = t.trim().split(/\s+/)[0]!;
    const p = splitNvra(nvra);
    if (!p) {
      problems.add(line, 'not NAME-VERSION-RELEASE[.ARCH]');
      return;
    }
    s.list.push({ ...p, line: line.no, text: t.slice(0, 500) });
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output', problems);
    const value: PackagesFacts = { manager: s.manager, packages: s.list, notInstalled: s.notInstalled };
    if (s.list.length === 0 && problems.list.length > 0) return malformed('no package lines', problems, problems.list[0]?.line, value);
    return ok(value, problems);
  },
});
