/**
 * IPC section: one Semaphore per SysV semaphore array, joined from `ipcs -s`, `ipcs -s -t`,
 * `ipcs -s -i`, /proc/sysvipc/sem and `dmsetup udevcookies`; plus the kernel.sem limits and `ipcs -u`.
 *
 * Join rules (field guide §1.2): keys are compared as integers (dmsetup prints `0xd4d1234`, ipcs
 * `0x0d4d1234`); IPC_PRIVATE arrays (key 0) are not unique by key and join by semid; `-s -t` and
 * `-s -i` carry no key and join by semid. Times prefer /proc/sysvipc/sem (epoch seconds, no zone),
 * then `-s -i`, `-s -t`, dmsetup. The last-op pid comes from `-s -i`; whether it lives comes from
 * the process list built earlier (left undefined when there is none).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { IpcFacts, Semaphore } from './host-model.js';
import type { ArtifactSource, Evidence } from '../spine/types.js';
import type { IpcsOutput } from '../parsers/ipcs.js';
import type { ProcSemRow } from '../parsers/proc-sysvipc-sem.js';
import type { DmUdevCookies } from '../parsers/dmsetup.js';
import { parseSemValues, type KernelSem } from '../parsers/kernel-sem.js';
import type { SysctlOutput } from '../parsers/sysctl.js';
import { keyHex } from '../parsers/util/table.js';
import { lineEvidence } from './source-evidence.js';

const IPCS_ARTIFACTS = ['ipcs.sem', 'ipcs.sem-times', 'ipcs.sem-info', 'ipcs.limits', 'ipcs.summary'] as const;

/** libdevmapper's DM_COOKIE_MAGIC: cookies are `0x0D4D << 16 | random16`. */
export const DM_COOKIE_MAGIC = 0x0d4d;

export function isDmCookieKey(key: number): boolean {
  return key >>> 16 === DM_COOKIE_MAGIC;
}

interface Draft {
  key: number;
  semid: number;
  owner?: string;
  perms?: number;
  nsems?: number;
  ctime?: { value: number | undefined; rank: number };
  otime?: { value: number | undefined; rank: number };
  lastPid?: number;
  inUdevCookies: boolean;
  evidence: Evidence[];
}

/** Lower rank = more trusted time source. */
const RANK = { proc: 0, info: 1, times: 2, dmsetup: 3 } as const;

/**
 * Evidence lines kept per semaphore: one per source (ipcs -s, -t, -i, /proc, dmsetup) is plenty;
 * the cap keeps a million-semaphore table from holding millions of excerpts.
 */
export const MAX_EVIDENCE_PER_SEMAPHORE = 6;

function addEvidence(s: { evidence: Evidence[] }, e: Evidence): void {
  if (s.evidence.length < MAX_EVIDENCE_PER_SEMAPHORE) s.evidence.push(e);
}

export function buildIpc(facts: FactStore, d: ModelDraft): IpcFacts {
  const byId = new Map<string, Draft>();
  const bySemid = new Map<number, Draft>();
  const id = (key: number, semid: number) => (key !== 0 ? `k${key}` : `s${semid}`);

  const upsert = (key: number, semid: number): Draft => {
    const k = id(key, semid);
    let s = byId.get(k);
    if (!s) {
      s = { key, semid, inUdevCookies: false, evidence: [] };
      byId.set(k, s);
    }
    bySemid.set(semid, s);
    return s;
  };
  const setTime = (s: Draft, which: 'ctime' | 'otime', value: number | undefined, rank: number) => {
    const cur = s[which];
    if (!cur || rank < cur.rank) s[which] = { value, rank };
  };

  const ipcs: { value: IpcsOutput; source: ArtifactSource }[] = IPCS_ARTIFACTS.flatMap((a) => facts.values<IpcsOutput>(a));

  // 1. Arrays with keys: ipcs -s, /proc/sysvipc/sem, dmsetup udevcookies.
  for (const { value, source } of ipcs) {
    for (const r of value.semaphores) {
      const s = upsert(r.key, r.semid);
      s.owner ??= r.owner;
      s.perms ??= r.perms;
      s.nsems ??= r.nsems;
      addEvidence(s, lineEvidence(source, r, { match: r.keyHex }));
    }
  }
  for (const { value, source } of facts.values<ProcSemRow[]>('proc.sysvipc-sem')) {
    for (const r of value) {
      const s = upsert(r.key, r.semid);
      s.perms ??= r.perms;
      s.nsems ??= r.nsems;
      if (s.owner === undefined && r.uid !== undefined) s.owner = String(r.uid);
      setTime(s, 'ctime', r.ctime, RANK.proc);
      setTime(s, 'otime', r.otime, RANK.proc);
      addEvidence(s, lineEvidence(source, r));
    }
  }
  for (const { value, source } of facts.values<DmUdevCookies>('dmsetup.udevcookies')) {
    for (const c of value.cookies) {
      const s = upsert(c.key, c.semid);
      s.inUdevCookies = true;
      setTime(s, 'ctime', c.ctime, RANK.dmsetup);
      setTime(s, 'otime', c.otime, RANK.dmsetup);
      addEvidence(s, lineEvidence(source, c, { time: c.ctime }));
    }
  }

  // 2. Keyless views join by semid.
  for (const { value, source } of ipcs) {
    for (const t of value.times) {
      const s = bySemid.get(t.semid);
      if (!s) continue;
      setTime(s, 'ctime', t.ctime, RANK.times);
      setTime(s, 'otime', t.otime, RANK.times);
      addEvidence(s, lineEvidence(source, t, { time: t.ctime }));
    }
    for (const c of value.creators) {
      const s = bySemid.get(c.semid);
      // ipcs -s cuts the owner to 10 characters; -c prints it whole.
      if (s && (s.owner === undefined || (s.owner.length === 10 && c.uid.startsWith(s.owner)))) s.owner = c.uid;
    }
    for (const i of value.info) {
      const s = bySemid.get(i.semid);
      if (!s) continue;
      s.nsems ??= i.nsems;
      s.perms ??= i.mode;
      setTime(s, 'ctime', i.ctime, RANK.info);
      setTime(s, 'otime', i.otime, RANK.info);
      const pid = i.sems.find((x) => x.pid > 0)?.pid;
      if (pid !== undefined) s.lastPid ??= pid;
      addEvidence(s, lineEvidence(source, i.ctimeLine ?? i, { time: i.ctime }));
    }
  }

  const processes = d.processes;
  const alive = processes?.available ? new Set(processes.list.map((p) => p.pid)) : undefined;

  const semaphores: Semaphore[] = [...byId.values()]
    .sort((a, b) => a.semid - b.semid || a.key - b.key)
    .map((s) => ({
      key: s.key,
      keyHex: keyHex(s.key),
      semid: s.semid,
      owner: s.owner,
      perms: s.perms,
      nsems: s.nsems,
      ctime: s.ctime?.value,
      otime: s.otime?.value,
      lastPid: s.lastPid,
      lastPidAlive: s.lastPid !== undefined && alive ? alive.has(s.lastPid) : undefined,
      isDmCookie: isDmCookieKey(s.key),
      inUdevCookies: s.inUdevCookies,
      evidence: s.evidence,
    }));

  const out: IpcFacts = { semaphores };
  const limits = semLimits(facts, ipcs);
  if (limits) out.limits = limits;
  for (const { value, source } of facts.values<DmUdevCookies>('dmsetup.udevcookies')) {
    const m = value.messages.find((x) => x.kind === 'udev-sync-unsupported');
    if (m) out.udevSyncUnsupported ??= lineEvidence(source, m);
  }
  for (const { value } of ipcs) if (value.rowsNotKept) out.rowsNotRead = (out.rowsNotRead ?? 0) + value.rowsNotKept;
  for (const { value } of ipcs) {
    if (!value.summary) continue;
    out.usedArrays ??= value.summary.usedArrays;
    out.allocatedSemaphores ??= value.summary.allocatedSemaphores;
  }
  return out;
}

/** kernel.sem first (the file itself), then sysctl's kernel.sem, then `ipcs -l`. */
function semLimits(facts: FactStore, ipcs: { value: IpcsOutput; source: ArtifactSource }[]): IpcFacts['limits'] {
  const k = facts.first<KernelSem>('kernel.sem');
  if (k) {
    const v = k.value;
    return { semmsl: v.semmsl, semmns: v.semmns, semopm: v.semopm, semmni: v.semmni, evidence: lineEvidence(k.source, v) };
  }
  for (const { value, source } of facts.values<SysctlOutput>('sysctl')) {
    const e = value.values['kernel.sem'];
    const v = e ? parseSemValues(e.value) : undefined;
    if (e && v) return { ...v, evidence: lineEvidence(source, e) };
  }
  for (const { value, source } of ipcs) {
    const l = value.limits;
    if (l && l.semmni !== undefined && l.semmsl !== undefined && l.semmns !== undefined && l.semopm !== undefined) {
      return { semmsl: l.semmsl, semmns: l.semmns, semopm: l.semopm, semmni: l.semmni, evidence: lineEvidence(source, l) };
    }
  }
  return undefined;
}
