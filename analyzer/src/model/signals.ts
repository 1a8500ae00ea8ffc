/**
 * The model's own journal signals (daemon lifecycle, boots, journald/firewalld restarts).
 * Rule-specific signals live in each rule's meta.signals.
 *
 * Strings are exact per the field guide (§0, §1.3, §1.4, §1.5, §2, §5), with the version variants it
 * lists: systemd v219 (EulerOS/CentOS 7), v229–v249, v252; docker 18.09 (openEuler) and 20.10+.
 * `units` prefixes match the systemd unit or the syslog identifier (`docker` matches `docker.service`
 * and `dockerd`; `systemd` matches PID 1's messages about any unit, in json and text forms alike).
 */
import type { NamedSignal, SignalSpec } from '../spine/types.js';

const DOCKER = ['docker', 'dockerd'];
const DAEMONS = ['docker', 'dockerd', 'containerd'];
const PID1 = ['systemd'];
const UNIT = String.raw`(docker|containerd)\.service`;
/** "Docker Application Container Engine" (docker.service Description) / containerd's. */
const DESC = String.raw`(?:(docker|containerd)\.service - )?(?:Docker Application Container Engine|containerd container runtime)`;

/** Signal names, `model/<name>`. */
export const SIG = {
  dockerdStarting: 'model/dockerd-starting',
  dockerdApiListen: 'model/dockerd-api-listen',
  dockerdInitDone: 'model/dockerd-init-done',
  dockerdSignal: 'model/dockerd-signal',
  dockerdShutdownComplete: 'model/dockerd-shutdown-complete',
  dockerdStartError: 'model/dockerd-start-error',
  dockerdConfigError: 'model/dockerd-config-error',
  dockerdFatal: 'model/dockerd-fatal',
  goPanic: 'model/go-panic',
  goFatalError: 'model/go-fatal-error',
  containerdBooted: 'model/containerd-booted',
  libcontainerdStarted: 'model/libcontainerd-started',
  containerdKilledByDockerd: 'model/containerd-killed-by-dockerd',
  containerdDidNotExit: 'model/containerd-did-not-exit',
  unitStarting: 'model/unit-starting',
  unitStarted: 'model/unit-started',
  unitStopping: 'model/unit-stopping',
  unitStopped: 'model/unit-stopped',
  unitFailedToStart: 'model/unit-failed-to-start',
  unitMainExited: 'model/unit-main-exited',
  unitFailedResult: 'model/unit-failed-result',
  unitFailedState: 'model/unit-failed-state',
  unitStartLimit: 'model/unit-start-limit',
  unitStartTimeout: 'model/unit-start-timeout',
  unitScheduledRestart: 'model/unit-scheduled-restart',
  unitHoldoff: 'model/unit-holdoff',
  journaldStarted: 'model/journald-started',
  journaldStopped: 'model/journald-stopped',
  journaldCorrupt: 'model/journald-corrupt',
  firewalld: 'model/firewalld',
  systemShutdown: 'model/system-shutdown',
  kernelFsRecovery: 'model/kernel-fs-recovery',
  kernelPanicOom: 'model/kernel-panic-oom',
} as const;

const S = (pattern: RegExp, units?: readonly string[], hint?: string): SignalSpec => ({ pattern, ...(units ? { units } : {}), ...(hint ? { hint } : {}) });

const SPECS: Record<(typeof SIG)[keyof typeof SIG], SignalSpec> = {
  // dockerd (logrus lines; 18.09 and 20.10 share these messages)
  [SIG.dockerdStarting]: S(/msg="Starting up"/, DOCKER, 'Starting up'),
  [SIG.dockerdApiListen]: S(/msg="API listen on ([^"]+)"/, DOCKER, 'API listen on'),
  [SIG.dockerdInitDone]: S(/msg="Daemon has completed initialization"/, DOCKER, 'Daemon has completed initialization'),
  [SIG.dockerdSignal]: S(/msg="Processing signal '(\w+)'"/, DOCKER, 'Processing signal'),
  [SIG.dockerdShutdownComplete]: S(/msg="Daemon shutdown complete"/, DOCKER, 'Daemon shutdown complete'),
  // Bare stderr lines: 18.09/19.03 "Error starting daemon: …", 20.10+ "failed to start daemon: …" (§0)
  [SIG.dockerdStartError]: S(/^(?:Error starting daemon|failed to start daemon): (.*)$/s, DOCKER, ' daemon: '),
  [SIG.dockerdConfigError]: S(/^unable to configure the Docker daemon with file (\S+): (.*)$/s, DOCKER, 'unable to configure the Docker daemon'),
  // 17.x form of fatal start errors (moby/moby#33603): level=fatal msg="Error starting daemon: …"
  [SIG.dockerdFatal]: S(/level=fatal msg="(.*?)"(?: |$)/, DOCKER, 'level=fatal'),
  [SIG.goPanic]: S(/^panic: (.*)$/s, DAEMONS, 'panic: '),
  [SIG.goFatalError]: S(/^fatal error: (.*)$/s, DAEMONS, 'fatal error: '),
  // containerd and 18.09's managed containerd (libcontainerd/supervisor/remote_daemon.go)
  [SIG.containerdBooted]: S(/containerd successfully booted in ([\d.]+s)/, DAEMONS, 'containerd successfully booted'),
  [SIG.libcontainerdStarted]: S(/started new containerd process/, DOCKER, 'started new containerd process'),
  [SIG.containerdKilledByDockerd]: S(/killing and restarting containerd/, DOCKER, 'killing and restarting containerd'),
  [SIG.containerdDidNotExit]: S(/containerd did not exit successfully/, DOCKER, 'containerd did not exit successfully'),
  // systemd (PID 1) about docker.service / containerd.service
  [SIG.unitStarting]: S(new RegExp(String.raw`^Starting ${DESC}\.\.\.$`), PID1, 'Starting '),
  [SIG.unitStarted]: S(new RegExp(String.raw`^Started ${DESC}\.$`), PID1, 'Started '),
  [SIG.unitStopping]: S(new RegExp(String.raw`^Stopping ${DESC}\.\.\.$`), PID1, 'Stopping '),
  [SIG.unitStopped]: S(new RegExp(String.raw`^Stopped ${DESC}\.$`), PID1, 'Stopped '),
  [SIG.unitFailedToStart]: S(new RegExp(String.raw`^Failed to start ${DESC}\.$`), PID1, 'Failed to start '),
  // v229+: "docker.service: Main process exited, code=killed, status=9/KILL"; v219: "docker.service: main process exited, …";
  // old: "code=killed, signal=PIPE" (moby/moby#7087)
  [SIG.unitMainExited]: S(new RegExp(String.raw`^${UNIT}:? [Mm]ain process exited, code=(\w+), (?:status|signal)=([^\s,]+)`), PID1, 'ain process exited'),
  // v229+; start-limit-hit by v230; docker.socket: 'service-start-limit-hit' (v252)
  [SIG.unitFailedResult]: S(/^(docker|containerd)\.(service|socket): Failed with result '([\w-]+)'\./, PID1, 'Failed with result'),
  // v219 "Unit docker.service entered failed state." / "docker.service failed."; v229 "docker.service: Unit entered failed state."
  [SIG.unitFailedState]: S(/^(?:Unit (docker|containerd)\.service entered failed state\.|(docker|containerd)\.service: Unit entered failed state\.|(docker|containerd)\.service failed\.)$/, PID1),
  // v229+: "docker.service: Start request repeated too quickly."; v219: "start request repeated too quickly for docker.service"
  [SIG.unitStartLimit]: S(/^(?:(docker|containerd)\.service: Start request repeated too quickly\.|start request repeated too quickly for (docker|containerd)\.service)/, PID1, 'tart request repeated too quickly'),
  // v219 "docker.service start operation timed out. Terminating."; v229–v242 "docker.service: Start operation …"; v243+ "docker.service: start operation …";
  // v252 [lab] also "docker.service: start-pre operation timed out. Terminating." (ExecStartPre)
  [SIG.unitStartTimeout]: S(new RegExp(String.raw`^${UNIT}:? [Ss]tart(?:-pre|-post)? operation timed out\. Terminating\.`), PID1, 'operation timed out'),
  [SIG.unitScheduledRestart]: S(new RegExp(String.raw`^${UNIT}: Scheduled restart job, restart counter is at (\d+)\.`), PID1, 'Scheduled restart job'),
  // v219 "docker.service holdoff time over, scheduling restart."; v229 "docker.service: Service hold-off time over, scheduling restart."
  [SIG.unitHoldoff]: S(new RegExp(String.raw`^${UNIT}:? (?:Service )?hold-?off time over, scheduling restart\.`), PID1, 'time over, scheduling restart'),
  // journald (MESSAGE_ID f77379a8… / d93fb3c9…)
  [SIG.journaldStarted]: S(/^Journal started$/, ['systemd-journald'], 'Journal started'),
  [SIG.journaldStopped]: S(/^Journal stopped$/, ['systemd-journald'], 'Journal stopped'),
  [SIG.journaldCorrupt]: S(/^File (\S+) corrupted or uncleanly shut down, renaming and replacing\./, ['systemd-journald'], 'uncleanly shut down'),
  // firewalld unit lifecycle (§2: a firewalld restart wipes docker's iptables chains)
  [SIG.firewalld]: S(/^(Starting|Started|Stopping|Stopped|Reloading|Reloaded) (?:firewalld\.service - )?firewalld - dynamic firewall daemon/, PID1, 'firewalld'),
  // §5 clean-shutdown lines (for the timeline; the boot verdict reads boot tails)
  [SIG.systemShutdown]: S(/^(?:Reached target (?:Shutdown|System Shutdown|shutdown\.target - System Shutdown)\.|System is (?:powering down|rebooting)\.|Shutting down\.)$/, ['systemd']),
  // §5 corroboration of an unclean stop in the next boot
  [SIG.kernelFsRecovery]: S(/XFS \([^)]+\): Starting recovery|EXT4-fs \([^)]+\): recovery complete/, ['kernel'], 'recover'),
  [SIG.kernelPanicOom]: S(/Kernel panic - not syncing|Out of memory: Kill|invoked oom-killer|watchdog: BUG: soft lockup/, ['kernel']),
};

export const MODEL_SIGNALS: readonly NamedSignal[] = Object.entries(SPECS).map(([name, spec]) => ({ name, spec }));
