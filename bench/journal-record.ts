/**
 * One synthetic `journalctl -o json` record, shaped like the real ones (same field set as
 * journalctl 252 writes for a service): shared by bench/reader.ts and bench/parse.ts.
 */
export interface SyntheticRecord {
  i: number;
  /** __REALTIME_TIMESTAMP in µs. */
  ts: number;
  boot: string;
  ident: string;
  unit: string;
  pid: number;
  priority: number;
  message: string;
  hex: (n: number) => string;
}

export function journalRecord(r: SyntheticRecord): string {
  return JSON.stringify({
    __CURSOR: `s=${r.hex(32)};i=${r.i.toString(16)};b=${r.boot};m=${r.ts.toString(16)};t=${r.hex(13)};x=${r.hex(16)}`,
    __REALTIME_TIMESTAMP: String(r.ts),
    __MONOTONIC_TIMESTAMP: String(r.i * 37_000),
    _BOOT_ID: r.boot,
    PRIORITY: String(r.priority),
    _UID: '0',
    _GID: '0',
    _MACHINE_ID: 'c0ffee00c0ffee00c0ffee00c0ffee00',
    _HOSTNAME: 'benchhost',
    SYSLOG_FACILITY: '3',
    _TRANSPORT: 'stdout',
    SYSLOG_IDENTIFIER: r.ident,
    _PID: String(r.pid),
    _COMM: r.ident,
    _EXE: `/usr/bin/${r.ident}`,
    _CMDLINE: `/usr/bin/${r.ident} -H fd:// --containerd=/run/containerd/containerd.sock`,
    _SYSTEMD_CGROUP: `/system.slice/${r.unit}`,
    _SYSTEMD_UNIT: r.unit,
    _SYSTEMD_SLICE: 'system.slice',
    _SYSTEMD_INVOCATION_ID: r.hex(32),
    MESSAGE: r.message,
  });
}
