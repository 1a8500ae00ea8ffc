import type { Rule } from './types.js';
import bipPersisted from './bip-persisted.js';
import daemonConfigInvalid from './daemon-config-invalid.js';
import dockerRestartStorm from './docker-restart-storm.js';
import duplicateNetworkNames from './duplicate-network-names.js';
import firewalldRestart from './firewalld-restart.js';
import iccIcmpException from './icc-icmp-exception.js';
import journaldRestart from './journald-restart.js';
import knownDefect from './known-defect.js';
import nprocLimit from './nproc-limit.js';
import packageConflict from './package-conflict.js';
import seccompPerformance from './seccomp-performance.js';
import umaskSetting from './umask-setting.js';
import userlandProxyLoad from './userland-proxy-load.js';

/** host-hazards rules (field guide §2: config, network, service and limit hazards), sorted by id. rules/index.ts joins the lists. */
export const HOST_HAZARDS_RULES: readonly Rule[] = [bipPersisted, daemonConfigInvalid, dockerRestartStorm, duplicateNetworkNames, firewalldRestart, iccIcmpException, journaldRestart, knownDefect, nprocLimit, packageConflict, seccompPerformance, umaskSetting, userlandProxyLoad] as Rule[];
