/**
 * The host model: every parser's facts joined into one frozen view of the host. Rules read only
 * this (and the coverage helpers); they never see parsers, paths or the bundle layout.
 *
 * Times are UTC epoch milliseconds (`number`) or undefined when the source had none. Every fact
 * that a finding may cite carries its Evidence.
 *
 * Sections are built by small combiners in this folder (one file per section). A section whose
 * artifacts were missing is still present, empty, and `coverage` says why (rules must then
 * return "not evaluated", never "no problem").
 */
import type { ArtifactHealth, BundleLayout, Evidence, ParseProblem } from '../spine/types.js';
import type { ArtifactId } from '../spine/artifacts.js';
import type { EventFields, EventKind } from '../events/types.js';

export interface HostModel {
  identity: Identity;
  collection: Collection;
  config: EffectiveConfig;
  boots: Boot[];
  /** dockerd / containerd / journald / firewalld lifecycle events, ordered by time. */
  lifecycle: LifecycleEvent[];
  /** Runs of dockerd and containerd, start-limit episodes, restart storms, journald restarts (daemon-runs.ts). */
  daemons: DaemonHistory;
  /** systemd units from `systemctl show` / `status` / `cat`, keyed by unit name (`docker.service`). */
  units: Record<string, UnitFacts>;
  journal: JournalFacts;
  containers: ContainerFact[];
  networks: NetworkFact[];
  links: LinkFact[];
  /** Links `ip link` listed, when more than the parser reads (MAX_LINKS): `links` holds the first ones. */
  linksTotal?: number;
  ipc: IpcFacts;
  storage: StorageFacts;
  mounts: MountFact[];
  packages: PackageFacts;
  limits: LimitFacts;
  audit: AuditFacts;
  iptables: IptablesFacts;
  processes: ProcessFacts;
  dataRoot: DataRootFacts;
  /** Every time-stamped fact, UTC, sorted (stable) by time; see timeline.ts. */
  timeline: TimelineEvent[];
  /** Facts derived from the sections above that reports show as they are (summary.ts). */
  summary: HostSummary;
}

// --- identity and collection --------------------------------------------------------------

export type DockerFlavor = 'openeuler-docker-engine' | 'upstream' | 'unknown';

export interface Identity {
  hostname?: string;
  /** systemd machine id from `journalctl --header` (stays the same across reboots and host renames). */
  machineId?: string;
  kernel?: string; // uname -r
  /** The line the kernel release came from (uname -a, else docker info `Kernel Version`). */
  kernelEvidence?: Evidence;
  os?: { id?: string; versionId?: string; prettyName?: string };
  docker?: { version?: string; package?: string; evidence?: Evidence };
  /** evidence: the line the version came from (docker version, docker info or the package list). */
  containerd?: { version?: string; package?: string; evidence?: Evidence };
  runc?: { version?: string; package?: string; evidence?: Evidence };
  systemd?: { version?: number };
  flavor: DockerFlavor;
  /** Why we decided the flavor: the package name, a version suffix, a patch-only log line. */
  flavorReason: string;
}

export interface Collection {
  layout: BundleLayout;
  /** The input as given (file or folder name), for display. */
  source: string;
  collectedAt?: number;
  /** Host zone offset, minutes east of UTC. */
  hostUtcOffsetMinutes?: number;
  collectorVersion?: string;
  /** The support case id and free label given to our collector (`--case-id`, `--label`; manifest.json). */
  caseId?: string;
  label?: string;
  asRoot?: boolean;
  health: Partial<Record<ArtifactId, ArtifactHealth>>;
  /** Parser problems per artifact id, with line numbers (capped). */
  parseProblems: Partial<Record<ArtifactId, ParseProblem[]>>;
}

// --- effective daemon configuration ---------------------------------------------------------

export type ConfigSourceKind = 'daemon.json' | 'sysconfig' | 'unit' | 'cmdline' | 'default';

export interface ConfigValue {
  /** Canonical daemon.json key (`data-root`, `storage-driver`, `storage-opts`, `bip`, `icc`, …). */
  key: string;
  value: unknown;
  source: ConfigSourceKind;
  evidence?: Evidence;
}

export interface EffectiveConfig {
  /** Winning value per canonical key. */
  values: Record<string, ConfigValue>;
  /** Every value seen, from every source, including overridden ones. */
  all: ConfigValue[];
  /** Same key set both as a flag and in daemon.json (dockerd refuses to start), or differing flag sources. */
  conflicts: {
    key: string;
    values: ConfigValue[];
    /** `flag-and-file`: dockerd refuses to start; `flag-sources-differ`: the running argv differs from the unit's. */
    kind?: 'flag-and-file' | 'flag-sources-differ';
  }[];
  daemonJson: {
    present: boolean;
    /** Parsed object when it parsed; undefined otherwise. */
    parsed?: Record<string, unknown>;
    /** Parse error with position, e.g. "unexpected end of input at line 4 column 1". */
    error?: { message: string; line: number; column: number; evidence: Evidence };
    /** Keys dockerd does not know (would fail with "don't match any configuration option"). */
    unknownKeys: { key: string; evidence: Evidence }[];
    /** Keys whose value has the wrong JSON type. */
    wrongTypes: { key: string; expected: string; evidence: Evidence }[];
  };
  /** Environment seen on dockerd (process.daemons) or set by the unit/sysconfig. */
  env: Record<string, { value: string; source: ConfigSourceKind; evidence?: Evidence }>;
  /** `docker info` Security Options of the running daemon (seccomp, apparmor, selinux, userns …), when collected. */
  securityOptions?: { names: string[]; evidence: Evidence };
  dataRoot: string; // effective, default /var/lib/docker
  execRoot: string; // effective, default /var/run/docker
  storageDriver?: string;
}

// --- boots, lifecycle, units ----------------------------------------------------------------

export type BootVerdict = 'clean' | 'unclean' | 'unknown';

export interface Boot {
  /** Position in --list-boots order (0 = current, -1 = previous …); clocks lie, positions do not. */
  index: number;
  bootId?: string;
  firstEntry?: number;
  lastEntry?: number;
  verdict: BootVerdict;
  /** Human reason: "ends with 'Journal stopped'", "ends at an application line; next boot renamed a corrupted journal". */
  reason: string;
  evidence: Evidence[];
}

export type LifecycleActor = 'dockerd' | 'containerd' | 'journald' | 'firewalld' | 'docker.service' | 'containerd.service' | 'system';

export type LifecycleKind =
  | 'start' // process or unit start requested / begun
  | 'ready' // "API listen on", "Daemon has completed initialization", unit Started
  | 'stop' // orderly stop
  | 'crash' // panic, fatal, non-zero exit
  | 'killed' // code=killed (SIGKILL, SIGABRT …)
  | 'start-failed' // "failed to start daemon: …" / "Error starting daemon: …" / unit Failed
  | 'start-limit' // start request repeated too quickly
  | 'timeout' // start operation timed out
  | 'restart' // journald/firewalld restart, containerd restarted by dockerd
  | 'boot';

export interface LifecycleEvent {
  time?: number;
  bootIndex?: number;
  actor: LifecycleActor;
  kind: LifecycleKind;
  /** Signal (`status=9/KILL`), exit status, result (`start-limit-hit`), cause text. */
  detail?: string;
  pid?: number;
  /** The catalog event it came from (absent for boots), and that event's typed fields. */
  source?: EventKind;
  fields?: Record<string, string>;
  evidence: Evidence;
}

/** How a daemon run ended (daemon-runs.ts). `running`: no end seen; `unclean`: the next start or boot came with no end line. */
export type RunEnd = 'running' | 'clean-stop' | 'killed' | 'crash' | 'exit-failure' | 'start-failed' | 'start-timeout' | 'unclean' | 'unknown';

/** One start attempt of dockerd or containerd and how it ended. */
export interface DaemonRun {
  daemon: 'dockerd' | 'containerd';
  bootIndex?: number;
  start?: number;
  /** API listening / initialised / unit Started (NaN when ready but untimed). */
  ready?: number;
  end: {
    how: RunEnd;
    time?: number;
    /** `9/KILL`, `1/FAILURE` from systemd; `signal` for kills. */
    status?: string;
    signal?: string;
    /** systemd's result (`exit-code`, `timeout`). */
    result?: string;
    /** dockerd's own last words or the panic text. */
    cause?: string;
    evidence: Evidence[];
  };
  /** containerd only: started by dockerd (managed, 18.09+) or by its own unit. */
  startedBy?: 'dockerd' | 'systemd' | 'unknown';
  /** Start lines (systemd's and the daemon's). */
  evidence: Evidence[];
}

/** systemd refused docker.service: its refusals and the start attempts within the interval before the first. */
export interface StartLimitEpisode {
  unit: string;
  bootIndex?: number;
  first?: number;
  last?: number;
  refusals: number;
  refusalEvidence: Evidence[];
  /** Start attempts inside the start-limit interval before the first refusal (count starts, not lines). */
  starts: DaemonRun[];
  windowMs: number;
}

/** Three or more consecutive unplanned exits of one daemon in one boot. */
export interface RestartStorm {
  daemon: 'dockerd' | 'containerd';
  bootIndex?: number;
  first?: number;
  last?: number;
  exits: DaemonRun[];
}

/** journald stopped and started again inside one boot: records in between may be lost. */
export interface JournaldRestart {
  bootIndex?: number;
  stopped?: number;
  started?: number;
  evidence: Evidence[];
}

/** containerd went away under a running dockerd (killed, crashed, restarted by dockerd, connection lost). */
export interface ContainerdLoss {
  how: 'killed' | 'crashed' | 'restarted-by-dockerd' | 'connection-lost';
  time?: number;
  bootIndex?: number;
  evidence: Evidence;
}

export interface DaemonHistory {
  runs: DaemonRun[];
  containerdLosses: ContainerdLoss[];
  startLimits: StartLimitEpisode[];
  restartStorms: RestartStorm[];
  journaldRestarts: JournaldRestart[];
}

export interface UnitFacts {
  name: string;
  /** `systemctl show` properties as strings (Result, NRestarts, ActiveState, ExecStart, Environment, …). */
  properties: Record<string, string>;
  /** Parsed ExecStart argv of the main command. */
  execStart?: string[];
  /** Drop-in files and their text lines, from `systemctl cat`. */
  dropIns: { path: string; evidence: Evidence }[];
  /** `Active:` line of `systemctl status`, e.g. "failed (Result: start-limit-hit)". */
  activeLine?: string;
  /** The `(Result: …)` of that Active: line: `timeout`, `start-limit-hit`, `exit-code` … */
  activeResult?: string;
  /** How the main process ended, from `Main PID: N (code=killed, signal=PIPE)`; evidence cites that line. */
  mainPidExit?: { code: string; status?: string; signal?: string; evidence: Evidence };
  evidence?: Evidence;
  /** Evidence per `systemctl show` property line (Result, NRestarts, ExecStart …), so findings cite the exact line. */
  propertyEvidence?: Record<string, Evidence>;
}

// --- journal --------------------------------------------------------------------------------

/** One journal or syslog record, after format detection. Only kept when it means an event. */
export interface LogRecord {
  time?: number;
  /** Boot position when known (from boot markers or _BOOT_ID joined with --list-boots). */
  bootIndex?: number;
  bootId?: string;
  /** `_SYSTEMD_UNIT` or inferred unit; `SYSLOG_IDENTIFIER` / syslog tag. */
  unit?: string;
  ident?: string;
  pid?: number;
  message: string;
  /** dockerd/containerd logrus fields when the message is a logrus line. */
  logrus?: { time?: string; level?: string; msg?: string; fields: Record<string, string> };
  evidence: Evidence;
}

/** A record with one meaning from the event catalog; `fields` are the wording's typed captures. */
export interface LogEvent<K extends EventKind = EventKind> extends LogRecord {
  kind: K;
  /** `<kind>#<n>`: which wording of the kind matched (its version variant). */
  wording: string;
  fields: EventFields<K>;
}

export type EventsByKind = { readonly [K in EventKind]?: LogEvent<K>[] };

export interface JournalFacts {
  /**
   * Event kind → events from the event catalog (analyzer/src/events/), one per record and kind
   * across all log artifacts (the same record read from two sources is kept once), ordered by time;
   * capped per kind (first and last half), `eventCounts` has the true count.
   */
  events: EventsByKind;
  eventCounts: Partial<Record<EventKind, number>>;
  /** Total records read, per unit/ident (for rates and "dockerd went silent"). */
  recordsByUnit: Record<string, { count: number; first?: number; last?: number }>;
  firstTime?: number;
  lastTime?: number;
  /** True if a journal (or syslog) was available at all. */
  available: boolean;
  /** True if any journal source was truncated (sos head-cut, reader limit, --max-log-bytes). */
  truncated: boolean;
}

// --- containers, networks, links -------------------------------------------------------------

export interface ContainerFact {
  id: string; // full 64-hex when known, else the short form seen
  name?: string;
  image?: string;
  /** `docker ps -a` STATUS text (`Exited (137) 10 seconds ago`, `Created`, `Up 3 minutes`). */
  status?: string;
  state?: 'running' | 'created' | 'exited' | 'paused' | 'restarting' | 'dead' | 'removing' | 'unknown';
  networkMode?: string;
  /** `docker ps` PORTS text (`0.0.0.0:8080->80/tcp, :::8080->80/tcp`); empty when nothing is published. */
  ports?: string;
  /** Present in the data-root listing (containers/<id>/). */
  inDataRoot: boolean;
  /** Reported by `docker ps -a`. */
  inDockerPs: boolean;
  /** config.v2.json / hostconfig.json health from the JSON-health listing. */
  configHealth?: { file: string; state: 'ok' | 'empty' | 'nul-filled' | 'truncated' | 'missing' | 'unreadable'; size: number; evidence: Evidence }[];
  evidence: Evidence[];
}

export interface NetworkFact {
  id: string;
  name: string;
  driver?: string;
  scope?: string;
  evidence: Evidence;
}

export interface LinkFact {
  ifindex: number;
  name: string;
  /** `vethX@ifN`: N; `vethX@vethY`: the peer name. */
  peerIfindex?: number;
  peerName?: string;
  kind?: string; // veth, bridge, … (from `ip -d`)
  master?: string;
  flags: string[];
  state?: string; // operstate
  mtu?: number;
  linkNetnsId?: number;
  mac?: string;
  addresses: string[]; // from ip -o addr, CIDR form
  /** The `ip addr` line of each address (CIDR → evidence), so findings can cite the address itself. */
  addressEvidence?: Record<string, Evidence>;
  /** bridge port state from `bridge link` (forwarding, disabled, blocking). */
  bridgePortState?: string;
  evidence: Evidence;
}

// --- IPC ------------------------------------------------------------------------------------

export interface Semaphore {
  key: number; // compare as integers (dmsetup prints 0xd4d…, ipcs 0x0d4d…)
  keyHex: string; // 0x%08x
  semid: number;
  owner?: string;
  perms?: number; // octal value as number (0o600)
  nsems?: number;
  /** ctime/otime from ipcs -s -t / -i or dmsetup udevcookies (UTC ms; undefined for "Not set"). */
  ctime?: number;
  otime?: number;
  /** Last-op pid from ipcs -s -i, and whether it still lives per the process list. */
  lastPid?: number;
  lastPidAlive?: boolean;
  /** Key prefix 0x0D4D: a libdevmapper udev cookie. */
  isDmCookie: boolean;
  /** Seen in `dmsetup udevcookies`. */
  inUdevCookies: boolean;
  evidence: Evidence[];
}

export interface IpcFacts {
  semaphores: Semaphore[];
  /** kernel.sem: SEMMSL SEMMNS SEMOPM SEMMNI. */
  limits?: { semmsl: number; semmns: number; semopm: number; semmni: number; evidence: Evidence };
  /** `ipcs -u`: used arrays / allocated semaphores. */
  usedArrays?: number;
  allocatedSemaphores?: number;
  /** ipcs rows the parser counted but did not keep (MAX_IPCS_ROWS per list): `semaphores` is then partial. */
  rowsNotRead?: number;
  /** `dmsetup udevcookies` said `Command not supported. Recompile with "--enable-udev_sync"`: no cookies can be listed. */
  udevSyncUnsupported?: Evidence;
}

// --- storage --------------------------------------------------------------------------------

export interface DmDevice {
  name: string;
  major?: number;
  minor?: number;
  open?: number;
  uuid?: string;
  target?: string; // thin-pool, thin, linear …
  /** thin-pool usage from `dmsetup status`. */
  thinPool?: {
    metadataUsed: number;
    metadataTotal: number;
    dataUsed: number;
    dataTotal: number;
    mode?: string; // rw, ro, out_of_data_space
    evidence: Evidence;
  };
  evidence?: Evidence;
}

export interface StorageFacts {
  /** `docker info` Storage Driver, else config. */
  driver?: string;
  /** `docker info` keys of interest, flat ("Backing Filesystem", "Supports d_type", "Data loop file", …). */
  driverStatus: Record<string, string>;
  /** The `Storage Driver:` line of docker info (or the config value's evidence). */
  driverEvidence?: Evidence;
  /** docker info line per driverStatus key, for findings that cite it. */
  driverStatusEvidence?: Record<string, Evidence>;
  /** devicemapper's `Data/Metadata Space …` and `Thin Pool Minimum Free Space` lines of docker info, in bytes. */
  infoSpace?: { dataUsed?: number; dataTotal?: number; dataAvailable?: number; metadataUsed?: number; metadataTotal?: number; metadataAvailable?: number; minFree?: number };
  dmDevices: DmDevice[];
  thinPoolProfile?: { thresholds: Record<string, number>; evidence: Evidence };
  /** deviceset-metadata BaseDeviceUUID values by file path. */
  baseDeviceUuids: { path: string; uuid?: string; evidence: Evidence }[];
  /** /sys/module/overlay/parameters/<name> → value ('Y', 'N', '1', …); absent = module param missing. */
  overlayParams: Record<string, string>;
  /** The file line each overlay parameter came from, for findings that cite it. */
  overlayParamEvidence?: Record<string, Evidence>;
  /** What dmsetup reported about devicemapper itself: devices listed, `No devices found`, or no DM driver. */
  dmState?: { state: 'devices' | 'no-devices' | 'no-driver'; evidence: Evidence };
  /** df rows for the data-root filesystem. */
  dataRootFs?: { filesystem: string; sizeBytes?: number; usedBytes?: number; availBytes?: number; usePercent?: number; inodes?: number; inodesUsed?: number; inodesUsePercent?: number; mountedOn: string; evidence: Evidence; /** The df -i row, when inode figures came from it. */ inodeEvidence?: Evidence };
}

export interface MountFact {
  id?: number;
  parentId?: number;
  majMin?: string;
  root?: string;
  mountPoint: string; // unescaped
  options: string[];
  fsType: string;
  source: string;
  superOptions: string[];
  /** From the `mount -l` fallback when ` on `/` type ` inside a path made the SRC/TARGET split a guess. */
  ambiguous?: boolean;
  evidence: Evidence;
}

// --- packages, limits, audit, iptables, processes --------------------------------------------

export interface PackageFact {
  name: string;
  version: string;
  release?: string;
  arch?: string;
  manager: 'rpm' | 'dpkg';
  evidence: Evidence;
}

export interface PackageFacts {
  available: boolean;
  list: PackageFact[];
  byName: Record<string, PackageFact>;
}

export interface LimitEntry {
  domain: string;
  type: 'soft' | 'hard' | '-';
  item: string;
  value: string; // number, unlimited, infinity
  file: string;
  evidence: Evidence;
}

export interface LimitFacts {
  entries: LimitEntry[];
  /** Effective value per item for domain `*` (and root), after later files win. */
  effective: Record<string, { soft?: string; hard?: string; evidence: Evidence }>;
  pidMax?: { value: number; evidence: Evidence };
  sysctl: Record<string, { value: string; evidence: Evidence }>;
}

export interface AuditRule {
  text: string;
  /** `-w PATH` watch and its permission letters and key. */
  watch?: { path: string; perms?: string; key?: string };
  evidence: Evidence;
}

export interface AuditEvent {
  node?: string;
  time: number; // UTC ms
  serial: number;
  types: string[];
  key?: string;
  syscall?: string;
  success?: boolean;
  exe?: string;
  comm?: string;
  pid?: number;
  /** PATH records' names and nametypes (CREATE, DELETE, NORMAL …). */
  paths: { name: string; nametype?: string }[];
  evidence: Evidence;
}

export interface AuditFacts {
  available: boolean;
  rules: AuditRule[];
  /** Events kept for rules: those under data-root/exec-root or with a docker key (capped). */
  events: AuditEvent[];
  /** Per key: total events and the first/last time (for rates). */
  keyCounts: Record<string, { count: number; first?: number; last?: number }>;
  totalEvents: number;
  /** First and last event time over all audit.log rotations (the log's span, for rates). */
  firstTime?: number;
  lastTime?: number;
  /**
   * Set when no audit.log was collected and the events above come from audit records forwarded
   * into a system log (audispd's syslog plugin, the kernel's `audit: type=…` printk, journald's
   * audit transport): the log artifact and the files read.
   */
  forwardedFrom?: { artifact: ArtifactId; paths: string[] };
}

export interface IptablesRule {
  table: string;
  chain: string;
  /** Position within the chain (1-based). */
  position: number;
  text: string; // the -A line
  evidence: Evidence;
}

export interface IptablesFacts {
  available: boolean;
  /** table → chain names declared (`:DOCKER - [0:0]`). */
  chains: Record<string, string[]>;
  rules: IptablesRule[];
}

export interface ProcessFact {
  pid: number;
  ppid?: number;
  user?: string;
  startedAt?: number;
  stat?: string;
  args: string;
  evidence: Evidence;
}

export interface ProcessFacts {
  available: boolean;
  list: ProcessFact[];
  /** dockerd / containerd argv and the environment the collector kept (DISABLE_*, DOCKER_*). */
  dockerd?: { pid: number; argv: string[]; env: Record<string, string>; evidence: Evidence };
  containerd?: { pid: number; argv: string[]; env: Record<string, string>; evidence: Evidence };
}

// --- data-root --------------------------------------------------------------------------------

export interface DataRootEntry {
  path: string; // absolute
  type: 'f' | 'd' | 'l' | 'other';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  mtime?: number;
  evidence: Evidence;
}

export interface DataRootFacts {
  available: boolean;
  root: string;
  /** True when the collector stopped early (entry cap or depth cap). */
  truncated: boolean;
  /** Entries of interest: top level, containers/<id>, DB files, devicemapper metadata (capped). */
  entries: DataRootEntry[];
  /** Known DB files (local-kv.db, metadata.db, meta.db, …) with size: missing ones are listed with size -1. */
  dbFiles: { name: string; path: string; size: number; evidence?: Evidence }[];
  containerIds: string[];
  /** Top-level names in the data-root that docker does not create. */
  foreignTopLevel: string[];
  /** Exec-root listing entries (dblock, containerd/<id>, netns, runtime-runc/moby/<id>/…). */
  execRoot: DataRootEntry[];
}

// --- timeline ---------------------------------------------------------------------------------

export type TimelineCategory = 'boot' | 'dockerd' | 'containerd' | 'journald' | 'firewalld' | 'systemd' | 'kernel' | 'container' | 'finding' | 'audit' | 'other';

export interface TimelineEvent {
  time: number; // UTC ms
  category: TimelineCategory;
  /** What happened, as a kind: a catalog event kind (`unit.start-limit`), `lifecycle.<kind>`, `boot.start`, `boot.end` or `audit.burst`. */
  kind: string;
  label: string;
  bootIndex?: number;
  evidence: Evidence;
}

// --- summary ----------------------------------------------------------------------------------

/** A count or value, or `unknown` when the artifact that shows it was not collected (or failed). */
export type Known<T> = T | 'unknown';

export interface HostSummary {
  /** The effective data-root and exec-root (config.dataRoot / config.execRoot): the one place reports read them. */
  dataRoot: string;
  execRoot: string;
  containers: {
    /** Containers `docker ps -a` listed; unknown when docker ps was not collected or failed (dockerd down). */
    listed: Known<number>;
    /** Per state, of the containers docker ps listed (empty when it was not collected). */
    byState: { state: string; count: number }[];
    /** Container folders in the data-root listing. */
    inDataRoot: Known<number>;
    /** In the data-root but not in docker ps: unknown unless both were collected. */
    orphans: Known<number>;
  };
  /** Folders under <data-root>/volumes in the listing. */
  volumes: Known<number>;
  /** `docker network ls` rows. */
  networks: Known<number>;
  /** Network interfaces `ip link` listed (all of them, not only those kept). */
  interfaces: Known<number>;
  semaphores: {
    /** Arrays in use: `ipcs -u`, else the semaphore list (a lower bound when the parser kept only some rows). */
    arrays: Known<number>;
    arraysFrom: 'ipcs -u' | 'semaphore list' | 'partial semaphore list' | 'none';
    /** SEMMNI, the 4th field of kernel.sem. */
    limit: Known<number>;
    /** arrays / limit, rounded. */
    percent?: number;
    atLimit: boolean;
    /** Device-mapper udev cookies (key 0x0D4D…) in the list. */
    dmCookies: Known<number>;
    /** True when the list was cut (ipc.rowsNotRead): dmCookies is then a lower bound. */
    dmCookiesPartial: boolean;
    rowsNotRead?: number;
  };
  thinPools: { name: string; dataPercent?: number; metadataPercent?: number; mode?: string }[];
  /** Mounts at or under the data-root or exec-root (the first ones; `total` counts all). */
  dockerMounts: { under: string[]; total: number; list: { mountPoint: string; fsType: string; source: string; options: string }[] };
  /** Packages whose version matters here (docker, containerd, runc, systemd, kernel, lvm2, iptables …), by name. */
  packagesOfInterest: { name: string; version: string; arch?: string; manager: 'rpm' | 'dpkg' }[];
  /** Lifecycle events with no time (not on the timeline). */
  undatedLifecycleEvents: number;
}
