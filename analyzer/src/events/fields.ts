/**
 * Event kind → the names of its typed captures. One line per kind; the declarations live in the
 * family files beside this one (systemd.ts, dockerd.ts, …) and catalog.ts lists them all.
 */
export interface EventFieldMap {
  // systemd (PID 1) about docker/containerd/firewalld units — systemd.ts
  'unit.starting': 'unit';
  'unit.started': 'unit';
  'unit.stopping': 'unit';
  'unit.stopped': 'unit';
  'unit.reloaded': 'unit';
  'unit.failed-to-start': 'unit';
  'unit.main-exited': 'unit' | 'code' | 'status';
  'unit.failed-result': 'unit' | 'result';
  'unit.failed-state': 'unit';
  'unit.start-limit': 'unit';
  'unit.start-timeout': 'unit' | 'phase';
  'unit.scheduled-restart': 'unit' | 'counter';
  'unit.holdoff': 'unit';
  'unit.mount-deactivated': 'mount';
  'system.shutdown': 'step';
  // journald — systemd.ts
  'journald.started': never;
  'journald.stopped': never;
  'journald.corrupt': 'file';
  // dockerd lifecycle — dockerd.ts
  'dockerd.starting': never;
  'dockerd.api-listen': 'address';
  'dockerd.init-done': never;
  'dockerd.signal': 'signal';
  'dockerd.shutdown-complete': never;
  'dockerd.start-error': 'cause';
  'dockerd.config-error': 'file' | 'cause';
  'dockerd.log-level-error': 'level';
  'dockerd.fatal': 'cause';
  'dockerd.loading-containers': 'phase';
  'dockerd.api-error': 'method' | 'container' | 'action';
  'dockerd.log-line': never;
  'go.panic': 'text';
  'go.fatal-error': 'text';
  'go.os-thread-failed': never;
  // containerd as dockerd sees it, and containerd itself — containerd.ts
  'containerd.booted': 'duration';
  'containerd.started-by-dockerd': never;
  'containerd.restarted-by-dockerd': never;
  'containerd.exit-failed': never;
  'containerd.connection-lost': never;
  'runtime.id-exists': 'id' | 'container';
  'containerd.task-exists': 'id';
  'dockerd.container-not-cleaned': never;
  // data loss after power-off — storage.ts
  'dockerd.cleanup-db': 'path';
  'dockerd.dblock-missing': never;
  'container.load-failed': 'container' | 'error';
  'container.remove-invalid': 'path';
  'bolt.corruption': 'error';
  'bolt.panic': 'error';
  'container.network-not-found': 'network';
  'dockerd.volume-store-timeout': never;
  // devicemapper / overlay2 / file systems — storage.ts
  'devmapper.cookie-failed': never;
  'devmapper.semaphore-limit': never;
  'devmapper.udev-wait-failed': 'cookie';
  'devmapper.uuid-verify-failed': 'cause';
  'devmapper.thinpool-low-free': 'free' | 'pool' | 'minimum';
  'overlay2.not-supported': 'fs';
  'overlay2.needs-kernel': 'fs';
  'overlay2.no-dtype': 'fs';
  'overlay2.remove-failed': 'container';
  'fs.cross-device-link': never;
  'fs.exdev': never;
  'fs.no-space': never;
  'proc.fork-eagain': never;
  'logrotate.file-error': 'path' | 'reason';
  // configuration — dockerd.ts
  'dockerd.graph-flag-deprecated': never;
  'dockerd.graph-option-deprecated': never;
  'dockerd.graph-option-fatal': never;
  'dockerd.umask-unsupported': 'value';
  // networking — network.ts
  'dockerd.default-bridge': 'bridge' | 'address';
  'dockerd.bridge-mismatch': 'address' | 'requested';
  'dockerd.network-ambiguous': 'network' | 'matches';
  'dockerd.port-programming-failed': 'endpoint' | 'id';
  'dockerd.chain-program-failed': 'table';
  'dockerd.setup-iptables': 'phase';
  'firewalld.command-failed': 'detail' | 'command' | 'verb' | 'table' | 'chain' | 'reason';
  'kernel.bridge-port-state': 'bridge' | 'port' | 'state';
  // kernel corroboration — kernel.ts
  'kernel.fs-recovery': 'device';
  'kernel.panic-or-oom': never;
}
