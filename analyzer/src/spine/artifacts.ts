/**
 * The artifact registry: one stable logical id per artifact, and where each bundle layout keeps it.
 *
 * Parsers and rules only ever name artifact ids; this file is the single place that knows paths
 * (insights-core "specs" style). Paths are relative to the bundle's top folder and may be globs
 * (picomatch syntax). For sosreports the list is an ordered fallback: the first pattern that
 * matches at least one member wins, because sos moved files between versions (field guide §4).
 *
 * The collector (collector/docker-postmortem-collect.sh) writes exactly the `bundle` paths below;
 * docs/bundle-format.md documents them. test/spine/artifacts.test.ts keeps the three in step.
 */

export type ArtifactKind = 'command' | 'file' | 'listing';

export interface ArtifactSpec {
  readonly id: string;
  readonly title: string;
  readonly kind: ArtifactKind;
  /** Paths in our own bundle (and in a loose folder named like it). */
  readonly bundle: readonly string[];
  /** sosreport paths, ordered fallbacks: the first pattern with a match wins. Empty: sos never has it. */
  readonly sos: readonly string[];
  /**
   * The sos plugin that copies a file artifact (its `sos` paths name no `sos_commands/<plugin>/`):
   * what `sos report -o <plugin>` would run to collect it (sosPluginOf).
   */
  readonly sosPlugin?: string;
  /** True when several files together make the artifact (rotated logs, one file per semaphore). */
  readonly multi?: boolean;
  /** What to collect next time when the artifact is missing: shown in "not evaluated" verdicts. */
  readonly collectHint: string;
  /**
   * Non-zero exit codes that are a normal answer, not a failed collection: `systemctl status`
   * exits 3 when a listed unit is not active (systemctl(1), LSB), which sos and our collector record.
   */
  readonly normalExitCodes?: readonly number[];
}

/** One artifact, its id kept as a literal type so that `ArtifactId` is the union of every registered id. */
const spec = <const I extends string>(s: ArtifactSpec & { readonly id: I }): ArtifactSpec & { readonly id: I } => Object.freeze(s);

const LIST = [
  // --- journal and logs -------------------------------------------------------------------------
  spec({
    id: 'journal',
    title: 'systemd journal (docker, containerd, systemd, kernel, journald, firewalld, auditd)',
    kind: 'command',
    bundle: ['cmd/journal.json'],
    sos: [
      'sos_commands/logs/journalctl_--no-pager',
      'sos_commands/logs/journalctl_--no-pager_--boot',
      'sos_commands/logs/journalctl_--no-pager_--catalog_--boot',
      'sos_commands/logs/journalctl_--all_--this-boot_--no-pager',
    ],
    collectHint: "journalctl -o json --all --no-pager (or the collector's journal item)",
  }),
  spec({
    id: 'journal.previous-boot',
    title: 'journal of the previous boot (sosreport)',
    kind: 'command',
    bundle: [],
    sos: [
      'sos_commands/logs/journalctl_--no-pager_--boot_-1',
      'sos_commands/logs/journalctl_--no-pager_--catalog_--boot_-1',
    ],
    collectHint: 'journalctl --no-pager --boot -1',
  }),
  spec({
    id: 'journal.docker',
    title: 'docker.service journal (sosreport docker plugin)',
    kind: 'command',
    bundle: [],
    sos: ['sos_commands/docker/journalctl_--no-pager_--unit_docker'],
    collectHint: 'journalctl --no-pager --unit docker',
  }),
  spec({
    id: 'journal.containerd',
    title: 'containerd.service journal (sosreport containerd plugin)',
    kind: 'command',
    bundle: [],
    sos: ['sos_commands/containerd/journalctl_--no-pager_--unit_containerd'],
    collectHint: 'journalctl --no-pager --unit containerd',
  }),
  spec({
    id: 'journal.boots',
    title: 'journalctl --list-boots',
    kind: 'command',
    bundle: ['cmd/journalctl-list-boots.txt'],
    sos: ['sos_commands/systemd/journalctl_--list-boots', 'sos_commands/logs/journalctl_--list-boots'],
    collectHint: 'journalctl --list-boots',
  }),
  spec({
    id: 'journal.boot-tails',
    title: 'last entries of each recent boot, unfiltered (journalctl -b <id> -n 40)',
    kind: 'command',
    multi: true,
    bundle: ['cmd/journal-boot-tails/*.json'],
    sos: [],
    collectHint: 'journalctl -o json --all -b <boot id> -n 40 for each recent boot (tells clean shutdowns from power loss)',
  }),
  spec({
    id: 'journal.header',
    title: 'journalctl --header',
    kind: 'command',
    bundle: ['cmd/journalctl-header.txt'],
    sos: ['sos_commands/logs/journalctl_--header'],
    collectHint: 'journalctl --header',
  }),
  spec({
    id: 'syslog',
    sosPlugin: 'logs',
    title: 'syslog files (/var/log/messages*, /var/log/syslog*, --log-file)',
    kind: 'file',
    multi: true,
    bundle: ['files/var/log/messages*', 'files/var/log/syslog*', 'logs/*'],
    sos: ['var/log/messages*', 'var/log/syslog*'],
    collectHint: '/var/log/messages* or /var/log/syslog* when journald keeps no persistent journal',
  }),
  spec({
    id: 'dmesg',
    title: 'kernel ring buffer (dmesg)',
    kind: 'command',
    bundle: ['cmd/dmesg.txt'],
    sos: ['sos_commands/kernel/dmesg', 'sos_commands/logs/dmesg'],
    collectHint: 'dmesg',
  }),

  // --- audit ------------------------------------------------------------------------------------
  spec({
    id: 'audit.log',
    sosPlugin: 'auditd',
    title: 'audit.log and its rotations',
    kind: 'file',
    multi: true,
    bundle: ['files/var/log/audit/audit.log*'],
    sos: ['var/log/audit/audit.log*'],
    collectHint: '/var/log/audit/audit.log*',
  }),
  spec({
    id: 'audit.rules',
    title: 'loaded audit rules (auditctl -l)',
    kind: 'command',
    bundle: ['cmd/auditctl-l.txt'],
    sos: ['sos_commands/auditd/auditctl_-l'],
    collectHint: 'auditctl -l',
  }),
  spec({
    id: 'audit.rules-files',
    sosPlugin: 'auditd',
    title: 'audit rule files (/etc/audit/rules.d, audit.rules)',
    kind: 'file',
    multi: true,
    bundle: ['files/etc/audit/rules.d/*.rules', 'files/etc/audit/audit.rules'],
    sos: ['etc/audit/rules.d/*.rules', 'etc/audit/audit.rules'],
    collectHint: '/etc/audit/rules.d/*.rules',
  }),

  // --- mounts, IPC, devicemapper ------------------------------------------------------------------
  spec({
    id: 'mountinfo',
    sosPlugin: 'filesys',
    title: '/proc/self/mountinfo',
    kind: 'file',
    bundle: ['files/proc/self/mountinfo', 'files/proc/1/mountinfo'],
    sos: ['proc/self/mountinfo', 'proc/1/mountinfo'],
    collectHint: 'cat /proc/self/mountinfo',
  }),
  spec({
    id: 'mount.l',
    title: 'mount -l (fallback for mountinfo)',
    kind: 'command',
    bundle: ['cmd/mount-l.txt'],
    sos: ['sos_commands/filesys/mount_-l', 'mount'],
    collectHint: 'mount -l',
  }),
  spec({
    id: 'ipcs.sem',
    title: 'ipcs -s',
    kind: 'command',
    bundle: ['cmd/ipcs-s.txt'],
    sos: ['sos_commands/sysvipc/ipcs_-s', 'sos_commands/sysvipc/ipcs'],
    collectHint: 'ipcs -s',
  }),
  spec({
    id: 'ipcs.sem-times',
    title: 'ipcs -s -t',
    kind: 'command',
    bundle: ['cmd/ipcs-s-t.txt'],
    sos: [],
    collectHint: 'ipcs -s -t',
  }),
  spec({
    id: 'ipcs.sem-info',
    title: 'ipcs -s -i ID, one per 0x0d4d semaphore',
    kind: 'command',
    multi: true,
    bundle: ['cmd/ipcs-s-i/*.txt'],
    sos: [],
    collectHint: 'ipcs -s -i <semid> for each semaphore whose key starts with 0x0d4d',
  }),
  spec({
    id: 'ipcs.limits',
    title: 'ipcs -l',
    kind: 'command',
    bundle: ['cmd/ipcs-l.txt'],
    sos: ['sos_commands/sysvipc/ipcs_-l'],
    collectHint: 'ipcs -l',
  }),
  spec({
    id: 'ipcs.summary',
    title: 'ipcs -u',
    kind: 'command',
    bundle: ['cmd/ipcs-u.txt'],
    sos: ['sos_commands/sysvipc/ipcs_-u'],
    collectHint: 'ipcs -u',
  }),
  spec({
    id: 'proc.sysvipc-sem',
    sosPlugin: 'sysvipc',
    title: '/proc/sysvipc/sem',
    kind: 'file',
    bundle: ['files/proc/sysvipc/sem'],
    sos: ['proc/sysvipc/sem'],
    collectHint: 'cat /proc/sysvipc/sem',
  }),
  spec({
    id: 'kernel.sem',
    sosPlugin: 'system',
    title: '/proc/sys/kernel/sem (SEMMSL SEMMNS SEMOPM SEMMNI)',
    kind: 'file',
    bundle: ['files/proc/sys/kernel/sem'],
    sos: ['proc/sys/kernel/sem'],
    collectHint: 'cat /proc/sys/kernel/sem',
  }),
  spec({
    id: 'sysctl',
    title: 'sysctl values (kernel.pid_max, kernel.sem, …)',
    kind: 'command',
    bundle: ['cmd/sysctl.txt'],
    sos: ['sos_commands/kernel/sysctl_-a'],
    collectHint: 'sysctl kernel.pid_max kernel.sem',
  }),
  spec({
    id: 'dmsetup.udevcookies',
    title: 'dmsetup udevcookies',
    kind: 'command',
    bundle: ['cmd/dmsetup-udevcookies.txt'],
    sos: ['sos_commands/devicemapper/dmsetup_udevcookies'],
    collectHint: 'dmsetup udevcookies',
  }),
  spec({
    id: 'dmsetup.info',
    title: 'dmsetup info -c',
    kind: 'command',
    bundle: ['cmd/dmsetup-info-c.txt'],
    sos: ['sos_commands/devicemapper/dmsetup_info_-c'],
    collectHint: 'dmsetup info -c',
  }),
  spec({
    id: 'dmsetup.status',
    title: 'dmsetup status',
    kind: 'command',
    bundle: ['cmd/dmsetup-status.txt'],
    sos: ['sos_commands/devicemapper/dmsetup_status'],
    collectHint: 'dmsetup status',
  }),
  spec({
    id: 'dmsetup.table',
    title: 'dmsetup table',
    kind: 'command',
    bundle: ['cmd/dmsetup-table.txt'],
    sos: ['sos_commands/devicemapper/dmsetup_table'],
    collectHint: 'dmsetup table',
  }),
  spec({
    id: 'lvm.thinpool-profile',
    sosPlugin: 'lvm2',
    title: '/etc/lvm/profile/docker-thinpool.profile',
    kind: 'file',
    bundle: ['files/etc/lvm/profile/docker-thinpool.profile'],
    sos: ['etc/lvm/profile/docker-thinpool.profile'],
    collectHint: 'cat /etc/lvm/profile/docker-thinpool.profile',
  }),
  spec({
    id: 'devicemapper.deviceset-metadata',
    title: 'devicemapper deviceset-metadata (BaseDeviceUUID)',
    kind: 'file',
    multi: true,
    bundle: ['files/**/devicemapper/metadata/deviceset-metadata'],
    sos: [],
    collectHint: '<data-root>/devicemapper/metadata/deviceset-metadata',
  }),

  // --- network ------------------------------------------------------------------------------------
  spec({
    id: 'ip.link',
    title: 'ip -d -o link',
    kind: 'command',
    bundle: ['cmd/ip-d-o-link.txt'],
    sos: ['sos_commands/networking/ip_-d_-o_link', 'sos_commands/networking/ip_-s_-d_link', 'sos_commands/networking/ip_-o_link', 'sos_commands/networking/ip_link'],
    collectHint: 'ip -d -o link',
  }),
  spec({
    id: 'ip.addr',
    title: 'ip -o addr',
    kind: 'command',
    bundle: ['cmd/ip-o-addr.txt'],
    sos: ['sos_commands/networking/ip_-o_addr', 'sos_commands/networking/ip_addr'],
    collectHint: 'ip -o addr',
  }),
  spec({
    id: 'bridge.link',
    title: 'bridge link',
    kind: 'command',
    bundle: ['cmd/bridge-link.txt'],
    sos: ['sos_commands/networking/bridge_-s_-s_-d_link_show', 'sos_commands/networking/bridge_link'],
    collectHint: 'bridge link',
  }),
  spec({
    id: 'ip.netns',
    title: 'ip netns list',
    kind: 'command',
    bundle: ['cmd/ip-netns-list.txt'],
    sos: ['sos_commands/networking/ip_netns', 'sos_commands/networking/ip_netns_list'],
    collectHint: 'ip netns list',
  }),
  spec({
    id: 'iptables.filter',
    title: 'iptables-save -t filter',
    kind: 'command',
    bundle: ['cmd/iptables-save-filter.txt'],
    sos: ['sos_commands/firewall_tables/iptables-save', 'sos_commands/networking/iptables-save'],
    collectHint: 'iptables-save -t filter',
  }),
  spec({
    id: 'iptables.nat',
    title: 'iptables-save -t nat',
    kind: 'command',
    bundle: ['cmd/iptables-save-nat.txt'],
    sos: ['sos_commands/firewall_tables/iptables_-t_nat_-nvL'],
    collectHint: 'iptables-save -t nat',
  }),
  spec({
    id: 'firewalld.state',
    title: 'firewall-cmd --state',
    kind: 'command',
    bundle: ['cmd/firewall-cmd-state.txt'],
    sos: ['sos_commands/firewalld/firewall-cmd_--state'],
    collectHint: 'firewall-cmd --state',
  }),

  // --- docker configuration and state -----------------------------------------------------------
  spec({
    id: 'docker.daemon-json',
    sosPlugin: 'docker',
    title: '/etc/docker/daemon.json',
    kind: 'file',
    bundle: ['files/etc/docker/daemon.json'],
    sos: ['etc/docker/daemon.json'],
    collectHint: 'cat /etc/docker/daemon.json',
  }),
  spec({
    id: 'sysconfig.docker',
    sosPlugin: 'system',
    title: '/etc/sysconfig/docker*',
    kind: 'file',
    multi: true,
    bundle: ['files/etc/sysconfig/docker*', 'files/etc/default/docker'],
    sos: ['etc/sysconfig/docker*', 'etc/default/docker'],
    collectHint: 'cat /etc/sysconfig/docker /etc/sysconfig/docker-storage /etc/sysconfig/docker-network',
  }),
  spec({
    id: 'systemd.docker',
    title: 'systemctl show docker.service',
    kind: 'command',
    bundle: ['cmd/systemctl-show-docker.txt'],
    sos: ['sos_commands/systemd/systemctl_show_service_--all', 'sos_commands/docker/systemctl_show_docker'],
    collectHint: 'systemctl show docker.service',
  }),
  spec({
    id: 'systemd.containerd',
    title: 'systemctl show containerd.service',
    kind: 'command',
    bundle: ['cmd/systemctl-show-containerd.txt'],
    sos: ['sos_commands/systemd/systemctl_show_service_--all'],
    collectHint: 'systemctl show containerd.service',
  }),
  spec({
    id: 'systemd.journald',
    title: 'systemctl show systemd-journald.service',
    kind: 'command',
    bundle: ['cmd/systemctl-show-journald.txt'],
    sos: ['sos_commands/systemd/systemctl_show_service_--all'],
    collectHint: 'systemctl show systemd-journald.service',
  }),
  spec({
    id: 'systemd.status',
    title: 'systemctl status -l docker containerd systemd-journald',
    kind: 'command',
    bundle: ['cmd/systemctl-status.txt'],
    sos: ['sos_commands/systemd/systemctl_status_--all'],
    collectHint: 'systemctl status -l docker containerd systemd-journald',
    normalExitCodes: [3],
  }),
  spec({
    id: 'systemd.cat-docker',
    title: 'systemctl cat docker (unit and drop-ins), or the unit files a sosreport copies',
    kind: 'command',
    // sos copies unit files as they are (no `# /path` header): each is a file of the unit, and
    // model/docker-unit.ts layers them as systemd does when there is no `systemctl cat` output.
    multi: true,
    bundle: ['cmd/systemctl-cat-docker.txt'],
    sos: [
      'sos_commands/docker/systemctl_cat_docker',
      'etc/systemd/system/docker.service',
      'etc/systemd/system/docker.service.d/*.conf',
      'usr/lib/systemd/system/docker.service',
      'usr/lib/systemd/system/docker.service.d/*.conf',
      'lib/systemd/system/docker.service',
    ],
    collectHint: 'systemctl cat docker',
  }),
  spec({
    id: 'process.daemons',
    title: 'dockerd/containerd command lines and redacted environment',
    kind: 'listing',
    bundle: ['cmd/daemon-processes.txt'],
    sos: [],
    collectHint: "the collector's daemon-processes item (/proc/<pid>/cmdline and environ of dockerd and containerd)",
  }),
  spec({
    id: 'ps',
    title: 'process list (ps -eo pid,ppid,user,lstart,stat,args)',
    kind: 'command',
    bundle: ['cmd/ps.txt'],
    sos: ['sos_commands/process/ps_auxwww', 'ps', 'sos_commands/process/ps_auxfwww'],
    collectHint: 'ps -eo pid,ppid,user,lstart,stat,args',
  }),
  spec({
    id: 'docker.info',
    title: 'docker info',
    kind: 'command',
    bundle: ['cmd/docker-info.txt'],
    sos: ['sos_commands/docker/docker_info'],
    collectHint: 'docker info',
  }),
  spec({
    id: 'docker.ps',
    title: 'docker ps -a --no-trunc',
    kind: 'command',
    bundle: ['cmd/docker-ps-a.txt'],
    sos: ['sos_commands/docker/docker_ps_-a', 'sos_commands/docker/docker_ps_-a_--no-trunc'],
    collectHint: 'docker ps -a --no-trunc',
  }),
  spec({
    id: 'docker.network-ls',
    title: 'docker network ls --no-trunc',
    kind: 'command',
    bundle: ['cmd/docker-network-ls.txt'],
    sos: ['sos_commands/docker/docker_network_ls'],
    collectHint: 'docker network ls --no-trunc',
  }),
  spec({
    id: 'docker.version',
    title: 'docker version',
    kind: 'command',
    bundle: ['cmd/docker-version.txt'],
    sos: ['sos_commands/docker/docker_version'],
    collectHint: 'docker version',
  }),

  // --- host ---------------------------------------------------------------------------------------
  spec({
    id: 'rpm.qa',
    title: 'rpm -qa',
    kind: 'command',
    bundle: ['cmd/rpm-qa.txt'],
    sos: ['installed-rpms', 'sos_commands/rpm/sh_-c_rpm_--nodigest_-qa_--qf_NAME_-_VERSION_-_RELEASE_._ARCH_INSTALLTIME_date_awk_-F_printf_-59s_s_n_1_2_sort_-V'],
    collectHint: 'rpm -qa',
  }),
  spec({
    id: 'dpkg.l',
    title: 'dpkg -l',
    kind: 'command',
    bundle: ['cmd/dpkg-l.txt'],
    sos: ['installed-debs', 'sos_commands/dpkg/dpkg_-l'],
    collectHint: 'dpkg -l',
  }),
  spec({
    id: 'uname',
    title: 'uname -a',
    kind: 'command',
    bundle: ['cmd/uname-a.txt'],
    sos: ['uname', 'sos_commands/kernel/uname_-a'],
    collectHint: 'uname -a',
  }),
  spec({
    id: 'os-release',
    sosPlugin: 'release',
    title: '/etc/os-release',
    kind: 'file',
    bundle: ['files/etc/os-release', 'files/usr/lib/os-release'],
    sos: ['etc/os-release', 'usr/lib/os-release'],
    collectHint: 'cat /etc/os-release',
  }),
  spec({
    id: 'hostname',
    title: 'hostname',
    kind: 'command',
    bundle: ['cmd/hostname.txt'],
    // sos 3.x copies /etc/hostname without running `hostname`: the same name (hostname(5)).
    sos: ['hostname', 'sos_commands/host/hostname', 'etc/hostname'],
    collectHint: 'hostname',
  }),
  spec({
    id: 'limits',
    sosPlugin: 'pam',
    title: '/etc/security/limits.conf and limits.d/*.conf',
    kind: 'file',
    multi: true,
    bundle: ['files/etc/security/limits.conf', 'files/etc/security/limits.d/*.conf'],
    sos: ['etc/security/limits.conf', 'etc/security/limits.d/*.conf'],
    collectHint: '/etc/security/limits.conf /etc/security/limits.d/*.conf',
  }),
  spec({
    id: 'overlay.params',
    sosPlugin: 'kernel',
    title: '/sys/module/overlay/parameters/*',
    kind: 'file',
    multi: true,
    bundle: ['files/sys/module/overlay/parameters/*'],
    sos: ['sys/module/overlay/parameters/*'],
    collectHint: 'grep . /sys/module/overlay/parameters/*',
  }),
  spec({
    id: 'df.h',
    title: 'df -h (data-root)',
    kind: 'command',
    bundle: ['cmd/df-h.txt'],
    sos: ['sos_commands/filesys/df_-al_-x_autofs', 'df'],
    collectHint: 'df -h <data-root>',
  }),
  spec({
    id: 'df.i',
    title: 'df -i (data-root)',
    kind: 'command',
    bundle: ['cmd/df-i.txt'],
    sos: ['sos_commands/filesys/df_-ali_-x_autofs'],
    collectHint: 'df -i <data-root>',
  }),

  // --- data-root and exec-root --------------------------------------------------------------------
  spec({
    id: 'dataroot.listing',
    title: 'data-root listing (type, mode, owner, size, mtime)',
    kind: 'listing',
    bundle: ['cmd/dataroot-listing.tsv'],
    sos: [],
    collectHint: "the collector's data-root listing (sosreport never lists /var/lib/docker)",
  }),
  spec({
    id: 'dataroot.json-health',
    title: 'config.v2.json / hostconfig.json health (size, empty, NUL-filled, truncated)',
    kind: 'listing',
    bundle: ['cmd/dataroot-json-health.tsv'],
    sos: [],
    collectHint: "the collector's JSON-health item (sosreport does not check container configs)",
  }),
  spec({
    id: 'execroot.listing',
    title: 'exec-root (/run/docker) and /run/containerd listing',
    kind: 'listing',
    bundle: ['cmd/execroot-listing.tsv'],
    sos: [],
    collectHint: "the collector's exec-root listing",
  }),
] as const;

/** Every registered artifact, in registry order; `id` is typed as the union below. */
export const ARTIFACTS: readonly (ArtifactSpec & { readonly id: ArtifactId })[] = Object.freeze(LIST);

/** A registered artifact id: a typo in a rule's `requires` or a test overlay does not compile. */
export type ArtifactId = (typeof LIST)[number]['id'];

const BY_ID: ReadonlyMap<string, ArtifactSpec & { readonly id: ArtifactId }> = new Map(ARTIFACTS.map((a) => [a.id, a]));

export function artifactSpec(id: ArtifactId): ArtifactSpec & { readonly id: ArtifactId } {
  const s = BY_ID.get(id);
  if (!s) throw new Error(`unknown artifact id: ${id}`);
  return s;
}

/** The sos plugin that collects an artifact: `sosPlugin`, else the first `sos_commands/<plugin>/` path; none when sos never has it. */
export function sosPluginOf(spec: ArtifactSpec): string | undefined {
  if (spec.sosPlugin) return spec.sosPlugin;
  for (const p of spec.sos) {
    const m = /^sos_commands\/([^/]+)\//.exec(p);
    if (m) return m[1];
  }
  return undefined;
}

export function isArtifactId(id: string): id is ArtifactId {
  return BY_ID.has(id);
}

/** A string from outside the type system (a test table, a manifest) as an ArtifactId; unknown ids throw. */
export function toArtifactId(id: string): ArtifactId {
  if (!isArtifactId(id)) throw new Error(`unknown artifact id: ${id}`);
  return id;
}
