/**
 * dockerd command-line flags and daemon.json keys (moby 18.09 and 20.10: cmd/dockerd/config*.go,
 * daemon/config/config*.go). A flag maps to the daemon.json key dockerd compares it with when it
 * looks for "directives are specified both as a flag and in the configuration file"; list flags
 * (NamedOption in moby) have a plural key: `--storage-opt` → `storage-opts`, `-H` → `hosts`.
 * Keys that openEuler's patches may add to 18.09 are not listed (UNVERIFIED): an unknown key there
 * is reported, and the rule should say it checked against upstream's list.
 */
import { lookupTable } from './dict.js';

export type JsonType = 'string' | 'boolean' | 'number' | 'array' | 'object';

interface FlagSpec {
  key: string;
  type: JsonType;
  /** Long names and shorthands, without dashes. */
  names: readonly string[];
}

const F = (key: string, type: JsonType, ...names: string[]): FlagSpec => ({ key, type, names: names.length ? names : [key] });

/** Flags with a daemon.json counterpart (and the key's JSON type). */
export const FLAGS: readonly FlagSpec[] = [
  F('data-root', 'string'),
  F('graph', 'string', 'graph', 'g'),
  F('exec-root', 'string'),
  F('storage-driver', 'string', 'storage-driver', 's'),
  F('storage-opts', 'array', 'storage-opt'),
  F('exec-opts', 'array', 'exec-opt'),
  F('hosts', 'array', 'host', 'H'),
  F('log-level', 'string', 'log-level', 'l'),
  F('debug', 'boolean', 'debug', 'D'),
  F('log-driver', 'string'),
  F('log-opts', 'object', 'log-opt'),
  F('bip', 'string'),
  F('bridge', 'string', 'bridge', 'b'),
  F('fixed-cidr', 'string'),
  F('fixed-cidr-v6', 'string'),
  F('default-gateway', 'string'),
  F('default-gateway-v6', 'string'),
  F('ip', 'string'),
  F('mtu', 'number'),
  F('icc', 'boolean'),
  F('iptables', 'boolean'),
  F('ip6tables', 'boolean'),
  F('ip-forward', 'boolean'),
  F('ip-masq', 'boolean'),
  F('ipv6', 'boolean'),
  F('userland-proxy', 'boolean'),
  F('userland-proxy-path', 'string'),
  F('userns-remap', 'string'),
  F('selinux-enabled', 'boolean'),
  F('default-ulimits', 'object', 'default-ulimit'),
  F('live-restore', 'boolean'),
  F('containerd', 'string'),
  F('containerd-namespace', 'string'),
  F('containerd-plugins-namespace', 'string'),
  F('insecure-registries', 'array', 'insecure-registry'),
  F('registry-mirrors', 'array', 'registry-mirror'),
  F('labels', 'array', 'label'),
  F('dns', 'array'),
  F('dns-opts', 'array', 'dns-opt'),
  F('dns-search', 'array'),
  F('cgroup-parent', 'string'),
  F('default-runtime', 'string'),
  F('runtimes', 'object', 'add-runtime'),
  F('pidfile', 'string', 'pidfile', 'p'),
  F('group', 'string', 'group', 'G'),
  F('init', 'boolean'),
  F('init-path', 'string'),
  F('max-concurrent-downloads', 'number'),
  F('max-concurrent-uploads', 'number'),
  F('max-download-attempts', 'number'),
  F('shutdown-timeout', 'number'),
  F('no-new-privileges', 'boolean'),
  F('seccomp-profile', 'string'),
  F('default-address-pools', 'array', 'default-address-pool'),
  F('authorization-plugins', 'array', 'authorization-plugin'),
  F('experimental', 'boolean'),
  F('tls', 'boolean'),
  F('tlsverify', 'boolean'),
  F('tlscacert', 'string'),
  F('tlscert', 'string'),
  F('tlskey', 'string'),
  F('default-shm-size', 'string'),
  F('oom-score-adjust', 'number'),
  F('raw-logs', 'boolean'),
  F('metrics-addr', 'string'),
  F('cluster-store', 'string'),
  F('cluster-store-opts', 'object', 'cluster-store-opt'),
  F('cluster-advertise', 'string'),
  F('swarm-default-advertise-addr', 'string'),
  F('network-control-plane-mtu', 'number'),
  F('cpu-rt-period', 'number'),
  F('cpu-rt-runtime', 'number'),
  F('default-ipc-mode', 'string'),
  F('default-cgroupns-mode', 'string'),
  F('node-generic-resources', 'array', 'node-generic-resource'),
  F('allow-nondistributable-artifacts', 'array'),
  F('api-cors-header', 'string'),
  F('rootless', 'boolean'),
  F('host-gateway-ip', 'string'),
];

/** daemon.json keys without a flag of the same meaning (or whose flag is not a config directive). */
const FILE_ONLY = lookupTable<JsonType>({ features: 'object', builder: 'object', 'disable-legacy-registry': 'boolean', 'log-format': 'string', proxies: 'object' });

const BY_FLAG = new Map<string, FlagSpec>();
for (const f of FLAGS) for (const n of f.names) BY_FLAG.set(n, f);
/** The first flag of each daemon.json key, as `FLAGS.find` gave it. */
const BY_KEY = new Map<string, FlagSpec>();
for (const f of FLAGS) if (!BY_KEY.has(f.key)) BY_KEY.set(f.key, f);

/** Flags that are not config directives: they say where the config is, or are not persisted. */
const NON_CONFIG = new Set(['config-file', 'validate', 'version', 'v', 'help']);

/** Canonical daemon.json key and JSON type for a flag name (without dashes). */
export function flagSpec(name: string): { key: string; type: JsonType } | undefined {
  const f = BY_FLAG.get(name);
  return f ? { key: f.key, type: f.type } : undefined;
}

/** Expected JSON type of a daemon.json key; undefined for a key dockerd does not know. */
export function daemonJsonKeyType(key: string): JsonType | undefined {
  return BY_KEY.get(key)?.type ?? FILE_ONLY[key];
}

export interface ParsedFlag {
  /** Canonical daemon.json key, or the flag name when dockerd has no such config key. */
  key: string;
  flag: string;
  value: string | boolean;
  known: boolean;
  /** Index in argv of the flag word. */
  index: number;
}

/**
 * Reads dockerd flags from argv (argv[0] is the program). pflag rules: `--x=v`, `--x v`, `-H v`,
 * `-Hv`; boolean flags take a value only with `=` (`--icc=false`), never from the next word.
 * Unknown flags take the next word when it does not look like a flag.
 */
export function parseDockerdFlags(argv: readonly string[]): { flags: ParsedFlag[]; positional: string[] } {
  const flags: ParsedFlag[] = [];
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i]!;
    const at = i;
    if (w === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    let name: string;
    let inline: string | undefined;
    if (w.startsWith('--')) {
      const eq = w.indexOf('=');
      name = eq >= 0 ? w.slice(2, eq) : w.slice(2);
      inline = eq >= 0 ? w.slice(eq + 1) : undefined;
    } else if (w.startsWith('-') && w.length > 1) {
      name = w[1]!;
      const rest = w.slice(2);
      inline = rest === '' ? undefined : rest.startsWith('=') ? rest.slice(1) : rest;
    } else {
      positional.push(w);
      continue;
    }
    if (NON_CONFIG.has(name)) {
      if (inline === undefined && name === 'config-file' && i + 1 < argv.length) inline = argv[++i];
      flags.push({ key: name, flag: name, value: inline ?? true, known: false, index: at });
      continue;
    }
    const spec = BY_FLAG.get(name);
    const isBool = spec?.type === 'boolean';
    let value: string | boolean;
    if (inline !== undefined) value = isBool ? inline !== 'false' && inline !== '0' : inline;
    else if (isBool) value = true;
    else if (i + 1 < argv.length && (spec !== undefined || !argv[i + 1]!.startsWith('-'))) value = argv[++i]!;
    else value = true;
    flags.push({ key: spec?.key ?? name, flag: name, value, known: spec !== undefined, index: at });
  }
  return { flags, positional };
}
