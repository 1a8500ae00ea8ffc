/**
 * Real-dockerd lab in a private network namespace (field guide §6 A).
 *
 * One lab = one `ip netns`, one temp folder holding data-root, exec-root, socket, pidfile and the dockerd log,
 * one dockerd (which starts its own containerd under the exec-root) and one cgroup parent for its containers.
 * Nothing here sends traffic anywhere: the netns has no uplink, the bridge address lives only inside it.
 *
 * Safety rules this file keeps:
 * - processes are ended by PID only, and only PIDs that provably belong to this lab (the dockerd we spawned, its
 *   children, processes whose command line names our temp folder, processes in our cgroup parent);
 * - teardown unmounts everything under the temp folder, deletes the netns, removes our cgroups and the folder.
 *
 * Used by vitest tests (test/collector/lab.test.ts) and by the capture scripts in this folder.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The 20.10 client matching the daemon; /usr/local/bin/docker on this image is a 28.x CLI. */
export const DOCKER_CLI = fs.existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';
export const DOCKERD = '/usr/sbin/dockerd';
export const LAB_ENV: NodeJS.ProcessEnv = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  LC_ALL: 'C',
  TZ: 'UTC',
  HOME: '/root',
};

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  durationMs: number;
}

function which(cmd: string): string | null {
  for (const dir of (LAB_ENV.PATH ?? '').split(':')) {
    const p = path.join(dir, cmd);
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/** Why a lab cannot run here, or null when it can. Tests use it with describe.skipIf. */
export function labSkipReason(): string | null {
  if (process.platform !== 'linux') return 'lab needs Linux';
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'lab needs root (netns, dockerd)';
  if (!fs.existsSync(DOCKERD)) return `lab needs dockerd (${DOCKERD} missing; apt-get install docker.io)`;
  for (const t of ['ip', 'nsenter', 'containerd', 'runc']) {
    if (!which(t)) return `lab needs ${t} on PATH`;
  }
  if (!fs.existsSync(DOCKER_CLI) && !which('docker')) return 'lab needs the docker CLI';
  if (!findBusybox()) return 'lab needs a static busybox (apt-get install busybox-static)';
  return null;
}

export function findBusybox(): string | null {
  for (const p of ['/bin/busybox', '/usr/bin/busybox']) if (fs.existsSync(p)) return p;
  return null;
}

/** Run a command synchronously with the lab's locale; never throws. */
export function runSync(argv: string[], opts: { timeoutMs?: number; input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const t0 = Date.now();
  const r: SpawnSyncReturns<string> = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 60_000,
    input: opts.input,
    env: { ...LAB_ENV, ...(opts.env ?? {}) },
    maxBuffer: 64 * 1024 * 1024,
    killSignal: 'SIGKILL',
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout ?? '',
    stderr: (r.stderr ?? '') + (r.error && !timedOut ? String(r.error) : ''),
    timedOut,
    durationMs: Date.now() - t0,
  };
}

/** Run a command asynchronously (so several can overlap, e.g. parallel `docker run`); never rejects. */
export function run(argv: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv; input?: Buffer | string; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(argv[0]!, argv.slice(1), { env: { ...LAB_ENV, ...(opts.env ?? {}) }, stdio: ['pipe', 'pipe', 'pipe'], cwd: opts.cwd });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 60_000);
    child.on('error', (e) => (stderr += String(e)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut, durationMs: Date.now() - t0 });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(0); treat it as dead.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

function readCmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

export function readPpid(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

export function allPids(): number[] {
  return fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map(Number);
}

export interface LabOptions {
  /** Bridge address for docker0 inside the netns (namespace-internal only). */
  bip?: string;
  /** containerd namespace; the default `moby` keeps shim command lines realistic (each lab has its own containerd). */
  containerdNamespace?: string;
  /** Extra runtimes: name → executable path (dockerd --add-runtime). */
  runtimes?: Record<string, string>;
  /** Extra dockerd arguments. */
  extraArgs?: string[];
  /** daemon.json content; null → an empty `{}` file, so the host's /etc/docker/daemon.json is never read. */
  daemonJson?: string | null;
  /** Parent folder for the lab's temp folder (default os.tmpdir()). Keep it short: unix socket paths max 108 bytes. */
  tmpParent?: string;
}

export interface DaemonStart {
  pid: number;
  /** Byte offset in the log file where this start began. */
  logOffset: number;
}

export class NetnsLab {
  readonly id: string;
  readonly netns: string;
  readonly base: string;
  readonly dataRoot: string;
  readonly execRoot: string;
  readonly sock: string;
  readonly pidFile: string;
  readonly logFile: string;
  readonly configFile: string;
  readonly cgroupParent: string;
  readonly bip: string;
  readonly containerdNamespace: string;
  private readonly opts: LabOptions;
  /** Every dockerd PID we spawned, for teardown. */
  private readonly spawned = new Set<number>();
  private daemon: number | null = null;
  private keyJsonExisted: boolean;
  private tornDown = false;

  private constructor(opts: LabOptions) {
    this.opts = opts;
    this.id = randomBytes(3).toString('hex');
    this.netns = `dpm-${this.id}`;
    this.base = fs.mkdtempSync(path.join(opts.tmpParent ?? os.tmpdir(), `dpm-${this.id}-`));
    this.dataRoot = path.join(this.base, 'data');
    this.execRoot = path.join(this.base, 'exec');
    this.sock = path.join(this.base, 'docker.sock');
    this.pidFile = path.join(this.base, 'docker.pid');
    this.logFile = path.join(this.base, 'dockerd.log');
    this.configFile = path.join(this.base, 'daemon.json');
    this.cgroupParent = `dpm-${this.id}`;
    this.bip = opts.bip ?? '10.213.0.1/24';
    this.containerdNamespace = opts.containerdNamespace ?? 'moby';
    // dockerd 20.10 writes /etc/docker/key.json (libtrust ID) with no flag to move it; remember whether it was
    // there so teardown can remove one that a lab created.
    this.keyJsonExisted = fs.existsSync('/etc/docker/key.json');
  }

  get dockerHost(): string {
    return `unix://${this.sock}`;
  }

  /** Create the netns and folders (does not start dockerd). */
  static create(opts: LabOptions = {}): NetnsLab {
    const reason = labSkipReason();
    if (reason) throw new Error(`lab unavailable: ${reason}`);
    const lab = new NetnsLab(opts);
    fs.mkdirSync(lab.dataRoot, { recursive: true, mode: 0o711 });
    fs.mkdirSync(lab.execRoot, { recursive: true, mode: 0o700 });
    fs.writeFileSync(lab.configFile, opts.daemonJson ?? '{}\n');
    const r = runSync(['ip', 'netns', 'add', lab.netns]);
    if (r.code !== 0) {
      fs.rmSync(lab.base, { recursive: true, force: true });
      throw new Error(`ip netns add ${lab.netns} failed: ${r.stderr.trim()}`);
    }
    lab.nsSync(['ip', 'link', 'set', 'lo', 'up']);
    return lab;
  }

  /** Create and start: the common case. */
  static async start(opts: LabOptions = {}): Promise<NetnsLab> {
    const lab = NetnsLab.create(opts);
    try {
      await lab.startDaemon();
      return lab;
    } catch (e) {
      await lab.teardown();
      throw e;
    }
  }

  get netnsPath(): string {
    return `/var/run/netns/${this.netns}`;
  }

  /** argv prefix that runs a command inside the lab's netns (ip netns exec remounts /sys and breaks dockerd). */
  nsPrefix(): string[] {
    return ['nsenter', `--net=${this.netnsPath}`, '--'];
  }

  nsSync(argv: string[], opts: { timeoutMs?: number } = {}): RunResult {
    return runSync([...this.nsPrefix(), ...argv], opts);
  }

  ns(argv: string[], opts: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
    return run([...this.nsPrefix(), ...argv], opts);
  }

  daemonArgs(extra: string[] = []): string[] {
    const a = [
      '--data-root', this.dataRoot,
      '--exec-root', this.execRoot,
      '-H', this.dockerHost,
      '--pidfile', this.pidFile,
      '--config-file', this.configFile,
      '--bip', this.bip,
      '--cgroup-parent', this.cgroupParent,
      '--containerd-namespace', this.containerdNamespace,
      '--containerd-plugins-namespace', `${this.containerdNamespace}-plugins`,
    ];
    for (const [name, p] of Object.entries(this.opts.runtimes ?? {})) a.push('--add-runtime', `${name}=${p}`);
    return [...a, ...(this.opts.extraArgs ?? []), ...extra];
  }

  /**
   * Spawn dockerd inside the netns, in its own session (detached = setsid), stdout+stderr appended to the log.
   * nsenter execs dockerd without forking, so the child PID is dockerd's PID. With argsOverride (a one-off daemon,
   * e.g. a config-error probe) the lab's main daemon pointer stays as it was unless asMain is set.
   */
  spawnDaemon(extra: string[] = [], argsOverride?: string[], asMain = !argsOverride): DaemonStart {
    const logOffset = fs.existsSync(this.logFile) ? fs.statSync(this.logFile).size : 0;
    const fd = fs.openSync(this.logFile, 'a');
    const args = argsOverride ?? this.daemonArgs(extra);
    const child = spawn('nsenter', [`--net=${this.netnsPath}`, '--', DOCKERD, ...args], {
      detached: true,
      stdio: ['ignore', fd, fd],
      env: LAB_ENV,
    });
    fs.closeSync(fd);
    child.unref();
    if (!child.pid) throw new Error('spawn dockerd failed');
    this.spawned.add(child.pid);
    if (asMain) this.daemon = child.pid;
    return { pid: child.pid, logOffset };
  }

  /** Start dockerd and wait until its API answers (deadline). Throws with the log tail when it does not. */
  async startDaemon(opts: { extraArgs?: string[]; deadlineMs?: number } = {}): Promise<DaemonStart> {
    try {
      fs.rmSync(this.sock, { force: true });
    } catch {
      /* a stale socket from a killed daemon */
    }
    // dockerd 20.10 sometimes gives up on its fresh containerd ("timeout waiting for containerd to
    // start") when it is started right after a kill; a second start then works. Retry once, so lab
    // tests measure the collector and the analyzer, not this start-up race.
    for (let attempt = 1; ; attempt++) {
      const st = this.spawnDaemon(opts.extraArgs);
      try {
        await this.waitReady(opts.deadlineMs ?? 60_000, st);
        return st;
      } catch (e) {
        if (attempt >= 2 || pidAlive(st.pid) || !/exited during start/.test((e as Error).message)) throw e;
        const cd = this.containerdPid();
        if (cd) {
          process.kill(cd, 'SIGKILL');
          await waitReaped(cd, 15_000);
        }
        await sleep(2_000);
        fs.rmSync(this.sock, { force: true });
      }
    }
  }

  /** Wait until the socket exists and `GET /_ping` via the CLI works; fail early if dockerd exits. */
  async waitReady(deadlineMs: number, st?: DaemonStart): Promise<void> {
    const end = Date.now() + deadlineMs;
    while (Date.now() < end) {
      if (st && !pidAlive(st.pid)) {
        throw new Error(`dockerd exited during start; log tail:\n${this.logSince(st.logOffset).split('\n').slice(-15).join('\n')}`);
      }
      if (fs.existsSync(this.sock)) {
        const r = await this.docker(['version', '--format', '{{.Server.Version}}'], { timeoutMs: 5_000 });
        if (r.code === 0) return;
      }
      await sleep(200);
    }
    throw new Error(`dockerd not ready within ${deadlineMs} ms; log tail:\n${this.logTail(15)}`);
  }

  daemonPid(): number | null {
    if (this.daemon && pidAlive(this.daemon)) return this.daemon;
    return null;
  }

  /** containerd started by our dockerd (its child), or any containerd whose config lives in our exec-root. */
  containerdPid(): number | null {
    const needle = path.join(this.execRoot, 'containerd');
    for (const pid of allPids()) {
      const cl = readCmdline(pid);
      if (cl.startsWith('containerd ') && cl.includes(needle) && pidAlive(pid)) return pid;
    }
    return null;
  }

  /** containerd-shim processes serving our containerd socket. */
  shimPids(): number[] {
    const needle = path.join(this.execRoot, 'containerd');
    return allPids().filter((p) => {
      const cl = readCmdline(p);
      return cl.includes('containerd-shim') && cl.includes(needle);
    });
  }

  signalDaemon(sig: NodeJS.Signals): void {
    const pid = this.daemonPid();
    if (!pid) throw new Error('dockerd not running');
    process.kill(pid, sig);
  }

  /**
   * SIGKILL dockerd and wait until the PID is gone, and until the containerd it started is gone too: dockerd
   * starts its containerd with Pdeathsig=SIGKILL, so it dies with dockerd (shims keep running, as on a real host).
   */
  async killDaemon(sig: NodeJS.Signals = 'SIGKILL', waitMs = 20_000): Promise<void> {
    const pid = this.daemonPid();
    if (!pid) return;
    const cd = this.containerdPid();
    process.kill(pid, sig);
    const gone = await waitGone(pid, waitMs);
    // dockerd gives its containerd Pdeathsig=SIGKILL. Here PID 1 reaps orphans only every second or so, and a
    // restarted dockerd takes the zombie for a live containerd ("containerd is still running") and then fails with
    // "timeout waiting for containerd to start". On a systemd host the zombie is reaped at once: wait for that.
    if (cd && gone) await waitReaped(cd, 15_000);
  }

  /** Graceful stop (SIGTERM); falls back to SIGKILL. */
  async stopDaemon(waitMs = 20_000): Promise<void> {
    const pid = this.daemonPid();
    if (!pid) return;
    process.kill(pid, 'SIGTERM');
    if (!(await waitGone(pid, waitMs))) await this.killDaemon('SIGKILL');
  }

  async restartDaemon(opts: { kill?: boolean; extraArgs?: string[]; deadlineMs?: number } = {}): Promise<DaemonStart> {
    if (opts.kill) await this.killDaemon();
    else await this.stopDaemon();
    return this.startDaemon({ extraArgs: opts.extraArgs, deadlineMs: opts.deadlineMs });
  }

  dockerArgv(args: string[]): string[] {
    return [DOCKER_CLI, '-H', this.dockerHost, ...args];
  }

  /** Run the docker CLI against the lab daemon (the CLI needs no netns: it only talks to the unix socket). */
  docker(args: string[], opts: { timeoutMs?: number; input?: Buffer | string } = {}): Promise<RunResult> {
    return run(this.dockerArgv(args), { timeoutMs: opts.timeoutMs ?? 60_000, input: opts.input });
  }

  dockerSync(args: string[], opts: { timeoutMs?: number } = {}): RunResult {
    return runSync(this.dockerArgv(args), opts);
  }

  /** Build a busybox rootfs from the host's static busybox and `docker import` it (offline). */
  async importBusybox(tag = 'bb:latest'): Promise<void> {
    const bb = findBusybox();
    if (!bb) throw new Error('busybox not found');
    const rootfs = path.join(this.base, 'rootfs');
    fs.mkdirSync(path.join(rootfs, 'bin'), { recursive: true });
    for (const d of ['etc', 'proc', 'sys', 'dev', 'tmp', 'root']) fs.mkdirSync(path.join(rootfs, d), { recursive: true });
    fs.copyFileSync(bb, path.join(rootfs, 'bin/busybox'));
    fs.chmodSync(path.join(rootfs, 'bin/busybox'), 0o755);
    const applets = runSync([bb, '--list']).stdout.split('\n').filter((a) => a && a !== 'busybox');
    for (const a of applets) {
      const l = path.join(rootfs, 'bin', a);
      if (!fs.existsSync(l)) fs.symlinkSync('busybox', l);
    }
    // Pipe through sh: the tar stream is binary and must not pass through a JS string.
    const r = await run(['sh', '-c', `tar -C '${rootfs}' -c . | '${DOCKER_CLI}' -H '${this.dockerHost}' import - '${tag}'`], { timeoutMs: 60_000 });
    if (r.code !== 0) throw new Error(`docker import failed: ${r.stderr}`);
    fs.rmSync(rootfs, { recursive: true, force: true });
  }

  /**
   * Start N containers in parallel (`docker run -d`, bridge network by default) running `sleep`.
   * Returns the CLI results in order; callers decide whether failures matter.
   */
  async runContainers(n: number, opts: { prefix?: string; network?: string; image?: string; cmd?: string[]; extra?: string[]; timeoutMs?: number } = {}): Promise<RunResult[]> {
    const prefix = opts.prefix ?? 'c';
    const jobs: Promise<RunResult>[] = [];
    for (let i = 0; i < n; i++) {
      const args = ['run', '-d', '--name', `${prefix}${i}`];
      if (opts.network) args.push('--network', opts.network);
      args.push(...(opts.extra ?? []), opts.image ?? 'bb:latest', ...(opts.cmd ?? ['sleep', '100000']));
      jobs.push(this.docker(args, { timeoutMs: opts.timeoutMs ?? 60_000 }));
    }
    return Promise.all(jobs);
  }

  logSince(offset: number): string {
    try {
      const fd = fs.openSync(this.logFile, 'r');
      try {
        const size = fs.fstatSync(fd).size;
        const buf = Buffer.alloc(Math.max(0, size - offset));
        fs.readSync(fd, buf, 0, buf.length, offset);
        return buf.toString('utf8');
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      return '';
    }
  }

  logTail(lines: number): string {
    return this.logSince(0).split('\n').slice(-lines).join('\n');
  }

  logSize(): number {
    try {
      return fs.statSync(this.logFile).size;
    } catch {
      return 0;
    }
  }

  /** PIDs that belong to this lab: dockerd(s) we spawned, their descendants, anything naming our folder, our cgroup. */
  labPids(): number[] {
    const pids = new Set<number>();
    const all = allPids();
    for (const p of this.spawned) if (pidAlive(p)) pids.add(p);
    for (const p of all) {
      if (p === process.pid) continue;
      if (readCmdline(p).includes(this.base)) pids.add(p);
    }
    for (const p of this.cgroupProcs()) pids.add(p);
    // descendants of what we have so far (runc init, hooks, container processes)
    let grew = true;
    while (grew) {
      grew = false;
      for (const p of all) {
        if (!pids.has(p) && pids.has(readPpid(p)) && p !== process.pid) {
          pids.add(p);
          grew = true;
        }
      }
    }
    pids.delete(process.pid);
    return [...pids].filter(pidAlive);
  }

  cgroupDirs(): string[] {
    const out: string[] = [];
    let hier: string[] = [];
    try {
      hier = fs.readdirSync('/sys/fs/cgroup');
    } catch {
      return out;
    }
    for (const h of hier) {
      const d = path.join('/sys/fs/cgroup', h, this.cgroupParent);
      if (fs.existsSync(d)) out.push(d);
    }
    // cgroup v2 only (no hierarchies): the parent sits directly under /sys/fs/cgroup
    const v2 = path.join('/sys/fs/cgroup', this.cgroupParent);
    if (fs.existsSync(v2) && !out.includes(v2)) out.push(v2);
    return out;
  }

  cgroupProcs(): number[] {
    const pids = new Set<number>();
    const walk = (d: string) => {
      try {
        for (const line of fs.readFileSync(path.join(d, 'cgroup.procs'), 'utf8').split('\n')) if (line) pids.add(Number(line));
        for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name));
      } catch {
        /* gone */
      }
    };
    for (const d of this.cgroupDirs()) walk(d);
    return [...pids];
  }

  /** Mount points under our folder, deepest first. */
  mounts(): string[] {
    const out: string[] = [];
    try {
      for (const line of fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n')) {
        const mp = line.split(' ')[4];
        if (mp && (mp === this.base || mp.startsWith(this.base + '/'))) out.push(mp.replace(/\\040/g, ' '));
      }
    } catch {
      /* none */
    }
    return out.sort((a, b) => b.length - a.length);
  }

  /** Kill lab processes by PID, unmount, delete the netns, the cgroups and the folder. Idempotent; never throws. */
  async teardown(opts: { keepBase?: boolean } = {}): Promise<string[]> {
    const notes: string[] = [];
    if (this.tornDown) return notes;
    this.tornDown = true;
    const pid = this.daemonPid();
    if (pid) {
      // Resume a SIGSTOPped daemon so SIGTERM can work.
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        /* gone */
      }
      const ids = (await this.docker(['ps', '-aq'], { timeoutMs: 10_000 })).stdout.split('\n').filter(Boolean);
      if (ids.length) await this.docker(['rm', '-f', ...ids], { timeoutMs: 30_000 });
      await this.stopDaemon(15_000);
    }
    for (let round = 0; round < 5; round++) {
      const pids = this.labPids();
      if (!pids.length) break;
      for (const p of pids) {
        try {
          process.kill(p, 'SIGCONT');
          process.kill(p, 'SIGKILL');
        } catch {
          /* raced */
        }
      }
      await sleep(300);
      if (round === 4) notes.push(`processes still alive: ${this.labPids().join(',')}`);
    }
    for (const mp of this.mounts()) {
      if (runSync(['umount', mp], { timeoutMs: 10_000 }).code !== 0) {
        const r = runSync(['umount', '-l', mp], { timeoutMs: 10_000 });
        if (r.code !== 0) notes.push(`umount ${mp}: ${r.stderr.trim()}`);
      }
    }
    const del = runSync(['ip', 'netns', 'del', this.netns]);
    if (del.code !== 0 && !/No such file/.test(del.stderr)) notes.push(`ip netns del: ${del.stderr.trim()}`);
    for (const d of this.cgroupDirs()) removeCgroupTree(d, notes);
    if (!opts.keepBase) {
      try {
        fs.rmSync(this.base, { recursive: true, force: true });
      } catch (e) {
        notes.push(`rm ${this.base}: ${String(e)}`);
      }
    }
    this.removeKeyJsonIfOurs();
    return notes;
  }

  /** Remove /etc/docker/key.json only when it was absent before this lab and no other dockerd runs now. */
  private removeKeyJsonIfOurs(): void {
    if (this.keyJsonExisted) return;
    const otherDockerd = allPids().some((p) => readCmdline(p).startsWith(`${DOCKERD} `) || readCmdline(p).startsWith('dockerd '));
    if (otherDockerd) return;
    try {
      fs.rmSync('/etc/docker/key.json', { force: true });
    } catch {
      /* fine */
    }
  }
}

function removeCgroupTree(d: string, notes: string[]): void {
  try {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) removeCgroupTree(path.join(d, e.name), notes);
    fs.rmdirSync(d);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') notes.push(`rmdir ${d}: ${code}`);
  }
}

export async function waitGone(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!pidAlive(pid)) return true;
    await sleep(100);
  }
  return !pidAlive(pid);
}

/**
 * Wait until a PID has died and left /proc (reaped), live or zombie when called. A process sent SIGKILL, or
 * one whose parent just died and that has Pdeathsig=SIGKILL (dockerd's containerd), is still running for a
 * moment after the signal: returning at the first look that sees it alive raced that moment.
 */
export async function waitReaped(pid: number, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!fs.existsSync(`/proc/${pid}`)) return true;
    await sleep(100);
  }
  return !fs.existsSync(`/proc/${pid}`);
}

/** Run fn with a started lab; always tears down (also on SIGINT/SIGTERM of the calling script). */
export async function withLab<T>(opts: LabOptions, fn: (lab: NetnsLab) => Promise<T>): Promise<T> {
  const lab = await NetnsLab.start(opts);
  const onSignal = () => {
    void lab.teardown().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await fn(lab);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const notes = await lab.teardown();
    if (notes.length) console.error(`[lab ${lab.netns}] teardown notes:\n  ${notes.join('\n  ')}`);
  }
}

/** Remove leftovers of labs whose owner process died (netns dpm-*, with no dockerd of ours) — manual use only. */
export function listLabNetns(): string[] {
  const r = runSync(['ip', 'netns', 'list']);
  return r.stdout
    .split('\n')
    .map((l) => l.split(' ')[0] ?? '')
    .filter((n) => /^dpm-[0-9a-f]{6}$/.test(n));
}
