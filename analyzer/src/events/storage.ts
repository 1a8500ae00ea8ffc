/**
 * Storage: power-off data loss (field guide §1.1), devicemapper semaphores and thin pools (§1.2, §2),
 * overlay2 refusals and file-system errors.
 */
import { defineEvent } from './types.js';

const DOCKER = ['docker', 'dockerd'];
const DAEMONS = ['docker', 'dockerd', 'containerd'];

export const STORAGE_EVENTS = [
  defineEvent({
    kind: 'dockerd.cleanup-db',
    title: 'dockerd deleted a database file',
    nearMiss: 'time="2021-03-01T12:55:55Z" level=info msg="cleanup network sandboxes"',
    fields: ['path'],
    wordings: [{ re: /cleanup DB (?<path>\S+) error=/, hint: 'cleanup DB', versions: 'openEuler docker-engine 18.09 (patches 0122/0135/0209)', source: 'field guide §1.1', sample: 'time="2021-03-01T12:55:55.546134668+08:00" level=info msg="cleanup DB /var/lib/docker/network/files/local-kv.db error=<nil>"' }],
  }),
  defineEvent({
    kind: 'dockerd.dblock-missing',
    title: 'first dockerd start since boot (dblock missing)',
    nearMiss: 'time="2021-03-01T12:55:55Z" level=info msg="stat /var/run/docker/dblock ok"',
    fields: [],
    wordings: [{ re: /stat dblock failed/, hint: 'stat dblock failed', versions: 'openEuler docker-engine 18.09', source: 'field guide §1.1', sample: 'time="2021-03-01T12:55:55.5Z" level=error msg="stat dblock failed stat /var/run/docker/dblock: no such file or directory"' }],
  }),
  defineEvent({
    kind: 'container.load-failed',
    title: 'dockerd could not load a container',
    nearMiss: 'time="2023-11-15T00:13:21Z" level=info msg="loaded container" container=5d0b7f8d5c5e',
    fields: ['container', 'error'],
    wordings: [
      { re: /msg="failed to load container" container=(?<container>[0-9a-f]{12,64}) error="?(?<error>[^"]*)"?/, hint: 'failed to load container', versions: 'docker 20.10+', source: '[lab] nspawn container-config-damage', sample: 'time="2023-11-15T00:13:21Z" level=error msg="failed to load container" container=5d0b7f8d5c5e6f3a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182 error=EOF' },
      { re: /Failed to load container (?<container>[0-9a-f]{12,64}): (?<error>.*?)(?:\. Try to remove it)?"?$/, hint: 'Failed to load container', versions: 'docker 18.09–19.03; openEuler adds ". Try to remove it" (patch 0020)', source: 'field guide §1.1 (moby/moby daemon/daemon.go v18.09.0)', sample: 'time="2021-03-01T12:55:56Z" level=error msg="Failed to load container 5d0b7f8d5c5e6f3a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182: unexpected EOF. Try to remove it"' },
    ],
  }),
  defineEvent({
    kind: 'container.remove-invalid',
    title: 'dockerd deleted a damaged container',
    nearMiss: 'time="2021-03-01T12:55:56Z" level=info msg="remove container data: /var/lib/docker/containers/x"',
    fields: ['path'],
    wordings: [{ re: /remove invalid container data: (?<path>[^\s"]+)/, hint: 'remove invalid container data', versions: 'openEuler docker-engine 18.09 (patch 0020)', source: 'field guide §1.1', sample: 'time="2021-03-01T12:55:56Z" level=warning msg="remove invalid container data: /var/lib/docker/containers/5d0b7f8d5c5e6f3a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607182"' }],
  }),
  defineEvent({
    kind: 'bolt.corruption',
    title: 'bolt database damaged',
    fields: ['error'],
    wordings: [
      { re: /(?<error>invalid database|version mismatch|checksum error|file size too small)/, hint: ['invalid database', 'version mismatch', 'checksum error', 'file size too small'], versions: 'go.etcd.io/bbolt errors.go (docker, containerd)', source: 'field guide §1.1 ([lab] local-kv.db cut to 4096 B)', sample: 'failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to get bridge network configurations from store: error while populating kmap: file size too small' },
    ],
    nearMiss: 'time="2023-11-15T00:13:21Z" level=error msg="stat dblock failed stat /var/run/docker/dblock: no such file or directory"',
  }),
  defineEvent({
    kind: 'bolt.panic',
    title: 'bolt database panic (damaged pages)',
    fields: ['error'],
    wordings: [
      { re: /panic: (?<error>invalid page type: \S+|page \d+ already freed|freepages: .*|assertion failed: Page expected to be: \d+, but self identifies as \d+)/, hint: ['panic: invalid page type: ', 'panic: page ', 'panic: freepages: ', 'panic: assertion failed: Page expected'], versions: 'bbolt panics (docker, containerd)', source: 'moby/moby#37238, etcd-io/bbolt#883', sample: 'panic: invalid page type: 0: 4' },
    ],
    nearMiss: 'panic: runtime error: invalid memory address or nil pointer dereference',
  }),
  defineEvent({
    kind: 'container.network-not-found',
    title: 'container lost its network',
    nearMiss: 'Error response from daemon: network web not found',
    fields: ['network'],
    wordings: [{ re: /network (?<network>[0-9a-f]{12,64}) not found/, hint: 'not found', versions: 'docker 18.09+', source: '[lab] nspawn power-off-kv-empty', sample: 'time="2023-11-15T00:13:22Z" level=error msg="failed to start container" container=5d0b7f8d5c5e error="network 284bbd745a8311ce0fb0fde0878dfa182f29b188492a4e36c0d87300b032249a not found"' }],
  }),
  defineEvent({
    kind: 'dockerd.volume-store-timeout',
    title: 'volume store locked by another dockerd',
    nearMiss: 'Error starting daemon: error while opening volume store metadata database: permission denied',
    from: DOCKER,
    fields: [],
    wordings: [
      { re: /error while opening volume store metadata database: timeout/, hint: 'volume store metadata database', versions: 'docker 1.12+', source: 'moby/moby#29519, docker/for-linux#162', sample: 'Error starting daemon: error while opening volume store metadata database: timeout' },
      // 1.11/1.12 said only "timeout" (the flock on volumes/metadata.db, moby/moby#29519). A bare
      // "timeout" has other causes, so only the whole message counts: nothing before or after it.
      { re: /^(?:FATA\[\d+\] |time="[^"]*" level=fatal msg=")?Error starting daemon: timeout"?\s*$/, hint: 'Error starting daemon: timeout', versions: 'docker 1.11–1.12', source: 'docker/compose#3416 (cause: moby/moby#29519)', sample: 'FATA[0001] Error starting daemon: timeout' },
    ],
  }),
  defineEvent({
    kind: 'devmapper.cookie-failed',
    title: 'devicemapper could not get a udev cookie',
    nearMiss: 'devicemapper: udev cookie set',
    fields: [],
    wordings: [{ re: /devicemapper: Can(?:'t| not) set cookie:? dm_task_set_cookie failed/, hint: 'dm_task_set_cookie failed', versions: 'docker 1.12–18.09 (pkg/devicemapper)', source: 'moby/moby#33603', sample: "Error starting daemon: error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: devicemapper: Can't set cookie dm_task_set_cookie failed" }],
  }),
  defineEvent({
    kind: 'devmapper.semaphore-limit',
    title: 'semaphore limit reached',
    nearMiss: 'Limit for the number of open files reached',
    fields: [],
    wordings: [{ re: /Limit for the maximum number of semaphores reached/, hint: 'maximum number of semaphores', versions: 'libdevmapper (dm.libdm_log_level ≥ 3)', source: 'field guide §1.2', sample: 'libdevmapper(3): Limit for the maximum number of semaphores reached. You can check and set the limits in /proc/sys/kernel/sem.' }],
  }),
  defineEvent({
    kind: 'devmapper.udev-wait-failed',
    title: 'udev cookie wait failed',
    nearMiss: 'Waiting for udev cookie 223163224 to complete',
    fields: ['cookie'],
    wordings: [{ re: /Failed to (?:wait on|complete) udev cookie (?<cookie>\d+)/, hint: 'udev cookie', versions: 'openEuler docker-engine 18.09 (patches 0032/0071)', source: 'field guide §1.2', sample: 'time="2021-03-01T12:55:56Z" level=error msg="Failed to wait on udev cookie 223163224: timeout"' }],
  }),
  defineEvent({
    kind: 'devmapper.uuid-verify-failed',
    title: 'devicemapper base device verification failed',
    nearMiss: 'devmapper: Base Device UUID verified',
    fields: ['cause'],
    wordings: [
      { re: /Base Device UUID and Filesystem verification failed(?::\s*(?<cause>[^"]*))?/, hint: 'Base Device UUID', versions: 'docker 1.13+', source: 'moby/moby#33603', sample: "Error starting daemon: error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: devicemapper: Can't set cookie dm_task_set_cookie failed" },
      // Upstream 1.7–1.9 spelled it "then last invocation" (moby/moby#15721); later copies say "than".
      { re: /Base Device UUID verification failed\. Possibly using a different thin pool th[ae]n last invocation:?\s*(?<cause>[^"]*)/, hint: 'Base Device UUID', versions: 'docker 1.x', source: 'moby/moby daemon/graphdriver/devmapper/deviceset.go (1.x), moby/moby#15721', sample: 'time="2017-05-30T09:40:31.546134668+08:00" level=fatal msg="Base Device UUID verification failed. Possibly using a different thin pool than last invocation:Unknown Device"' },
    ],
  }),
  defineEvent({
    kind: 'devmapper.thinpool-low-free',
    title: 'thin pool nearly full',
    nearMiss: 'Thin Pool has plenty of free data blocks',
    fields: ['free', 'pool', 'minimum'],
    wordings: [{ re: /Thin Pool has (?<free>\d+) free (?<pool>data|metadata) blocks which is less than minimum required (?<minimum>\d+) free (?:data|metadata) blocks/, hint: 'Thin Pool has', versions: 'docker 1.12+', source: 'field guide §2', sample: 'Error response from daemon: devmapper: Thin Pool has 162 free data blocks which is less than minimum required 163 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior' }],
  }),
  defineEvent({
    kind: 'overlay2.not-supported',
    title: 'overlay2 refused by the backing file system',
    nearMiss: "'overlay2' is supported over xfs",
    fields: ['fs'],
    wordings: [
      // `(?<fs>[^\s"]+)`: inside logrus `msg="…"` the closing quote is not part of the file system name.
      { re: /'overlay2' is not supported over (?<fs>[^\s"]+)/, hint: 'is not supported over', versions: 'docker 17.06+', source: 'field guide §2', sample: "failed to start daemon: error initializing graphdriver: driver not supported: 'overlay2' is not supported over btrfs" },
      // 20.10+ without the file system (ZFS, kernels without overlay): the driver's probe failed.
      { re: /error initializing graphdriver: driver not supported: overlay2\b/, hint: 'driver not supported: overlay2', versions: 'docker 20.10+', source: 'moby/moby#51546, mgksu/dockerd#5', sample: 'failed to start daemon: error initializing graphdriver: driver not supported: overlay2' },
    ],
  }),
  defineEvent({
    kind: 'overlay2.needs-kernel',
    title: 'overlay2 needs a newer kernel',
    nearMiss: "'overlay2' works on kernel 5.10",
    fields: ['fs'],
    wordings: [{ re: /'overlay2' requires kernel 4\.7 to use on (?<fs>\S+)/, hint: 'requires kernel 4.7', versions: 'docker 17.06+', source: 'field guide §2', sample: "Error starting daemon: error initializing graphdriver: 'overlay2' requires kernel 4.7 to use on xfs" }],
  }),
  defineEvent({
    kind: 'overlay2.no-dtype',
    title: 'backing file system lacks d_type',
    nearMiss: 'overlay2: the backing xfs filesystem is formatted with d_type support',
    fields: ['fs'],
    wordings: [{ re: /overlay2: the backing (?<fs>\S+) filesystem is formatted without d_type support/, hint: 'without d_type support', versions: 'docker 17.06+', source: 'field guide §2', sample: 'Error starting daemon: error initializing graphdriver: overlay2: the backing xfs filesystem is formatted without d_type support, which leads to incorrect behavior. Reformat the filesystem with ftype=1 to enable d_type support. Running without d_type is not supported.' }],
  }),
  defineEvent({
    kind: 'overlay2.remove-failed',
    title: 'container root file system could not be removed',
    nearMiss: 'driver "overlay2" removed root filesystem for 1348136d32',
    fields: ['container'],
    wordings: [{ re: /driver \\?"overlay2\\?" failed to remove root filesystem(?: for (?<container>[0-9a-f]+))?: (?=.*invalid argument)/, hint: 'failed to remove root filesystem', versions: 'docker 18.09+', source: 'field guide §2', sample: 'Error response from daemon: driver "overlay2" failed to remove root filesystem for 1348136d32: error while removing /var/lib/docker/overlay2/5f0c0a9e3b1d: invalid argument' }],
  }),
  defineEvent({
    kind: 'fs.cross-device-link',
    title: 'rename across devices refused',
    nearMiss: 'mv: cannot move: Invalid argument',
    fields: [],
    wordings: [{ re: /[Ii]nvalid cross-device link/, hint: 'nvalid cross-device link', versions: 'any', source: 'field guide §2 (overlay2 redirect_dir)', sample: 'mv: cannot move \'/a\' to \'/b\': Invalid cross-device link' }],
  }),
  defineEvent({
    kind: 'fs.exdev',
    title: 'EXDEV from rename',
    nearMiss: 'rename /a /b: EXDEVICE busy',
    fields: [],
    wordings: [{ re: /\bEXDEV\b/, hint: 'EXDEV', versions: 'any', source: 'field guide §2 (overlay2 redirect_dir)', sample: 'rename /a /b: EXDEV' }],
  }),
  defineEvent({
    kind: 'fs.no-space',
    title: 'no space left on device',
    from: DAEMONS,
    fields: [],
    // Not ENOSPC from mount(2) of an overlay (moby/moby#45760, df showed 46 %): that is the mount data or a
    // kernel limit, not a full data-root.
    nearMiss: 'time="2023-06-15T22:50:27.527366454+02:00" level=error msg="Handler for POST /v1.41/containers/create returned error: error creating overlay mount to /var/lib/docker/overlay2/ee44d26ac805f38253380b99a17bccc8b22b7ea9394de1b9158113100ad7c9e6-init/merged: no space left on device"',
    wordings: [{ re: /(?<!error creating overlay mount to \S+: )no space left on device/i, hint: ['space left on device', 'SPACE LEFT ON DEVICE'], versions: 'any', source: 'field guide §2 (overlay2 copy-up)', sample: 'time="2023-11-15T00:13:22Z" level=error msg="Handler for POST /v1.41/containers/create returned error: write /var/lib/docker/overlay2/x/committed: no space left on device"' }],
  }),
  defineEvent({
    kind: 'proc.fork-eagain',
    title: 'process creation refused (EAGAIN)',
    nearMiss: 'read tcp 10.0.0.1:80: read: resource temporarily unavailable',
    fields: [],
    wordings: [
      { re: /fork\/exec \S+: resource temporarily unavailable/i, hint: ['emporarily unavailable', 'EMPORARILY UNAVAILABLE'], versions: 'Go daemons', source: 'field guide §2', sample: 'fork/exec /usr/bin/containerd: resource temporarily unavailable' },
      { re: /fork: (?:retry: )?Resource temporarily unavailable/i, hint: ['emporarily unavailable', 'EMPORARILY UNAVAILABLE'], versions: 'bash', source: '[lab] ulimit -u', sample: 'bash: fork: retry: Resource temporarily unavailable' },
      { re: /pthread_create failed: Resource temporarily unavailable/i, hint: ['emporarily unavailable', 'EMPORARILY UNAVAILABLE'], versions: 'Go runtime (cgo)', source: 'moby/moby#21298', sample: 'runtime/cgo: pthread_create failed: Resource temporarily unavailable' },
    ],
  }),
  defineEvent({
    kind: 'logrotate.file-error',
    title: 'logrotate failed on a file',
    nearMiss: 'error: skipping "/var/log/app.log" because parent directory has insecure permissions',
    from: ['logrotate'],
    fields: ['path', 'reason'],
    // logrotate only stats files its configuration names: a path under the data-root means a host job rotates Docker's files.
    wordings: [{ re: /error: stat of (?<path>\/\S+) failed: (?<reason>.+)/, hint: 'error: stat of', versions: 'logrotate 3.x', source: 'nextcloud/all-in-one#2846', sample: 'error: stat of /var/lib/docker/containers/2dcf7d17700cc547d82a2e1f2c1c439f3584160436ead3482a80c84ca93bf326/2dcf7d17700cc547d82a2e1f2c1c439f3584160436ead3482a80c84ca93bf326-json.log failed: Permission denied' }],
  }),
];
