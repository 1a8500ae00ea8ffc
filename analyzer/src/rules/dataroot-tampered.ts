/**
 * dataroot-tampered: audit events showing processes other than Docker's own (dockerd, containerd,
 * containerd-shim*, runc, docker-runc, docker-init) creating, deleting, chmod-ing or linking files under
 * the data-root or exec-root. The guide forbids modifying these private directories.
 * Field guide §2 (Private dirs, audit watches), §3 (audit.log); openEuler guide "Do Not Modify Private
 * Directory of Docker Daemon".
 */
import type { AuditEvent } from '../model/host-model.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, listSome } from './util-evidence.js';
import { isUnder } from '../model/paths.js';
import { dataRootPath, execRootPath } from './util-storage.js';
import { lookupTable } from '../parsers/util/dict.js';

/** Docker's own processes (openEuler names its bundled ones docker-containerd*, docker-runc). */
const DOCKER_PROCS = /^(dockerd|containerd|containerd-shim.*|docker-containerd.*|runc|docker-runc|docker-init|runc:\[\d:INIT\])$/;
/** Syscalls that change names, modes, owners or links (ENRICHED names). */
const CHANGING = new Set([
  'chmod', 'fchmod', 'fchmodat', 'fchmodat2', 'chown', 'fchown', 'lchown', 'fchownat', 'link', 'linkat', 'symlink', 'symlinkat',
  'rename', 'renameat', 'renameat2', 'unlink', 'unlinkat', 'rmdir', 'mkdir', 'mkdirat', 'creat', 'setxattr', 'lsetxattr', 'removexattr',
]);
/** The same on x86_64 by number (raw logs carry only `syscall=N`; other architectures are named only when ENRICHED). */
const X86_64 = lookupTable<string>({
  '90': 'chmod', '91': 'fchmod', '268': 'fchmodat', '452': 'fchmodat2', '92': 'chown', '93': 'fchown', '94': 'lchown', '260': 'fchownat',
  '86': 'link', '265': 'linkat', '88': 'symlink', '266': 'symlinkat', '82': 'rename', '264': 'renameat', '316': 'renameat2',
  '87': 'unlink', '263': 'unlinkat', '84': 'rmdir', '83': 'mkdir', '258': 'mkdirat', '85': 'creat',
});

function procName(e: AuditEvent): string {
  const exe = e.exe?.replace(/ \(deleted\)$/, '');
  return exe ? exe.slice(exe.lastIndexOf('/') + 1) : (e.comm ?? 'unknown');
}

function operation(e: AuditEvent, roots: string[]): string | undefined {
  const mine = e.paths.filter((p) => roots.some((r) => isUnder(p.name, r)));
  if (mine.length === 0) return undefined;
  const sc = e.syscall ? (X86_64[e.syscall] ?? e.syscall) : undefined;
  if (mine.some((p) => p.nametype === 'DELETE')) return sc ?? 'delete';
  if (mine.some((p) => p.nametype === 'CREATE')) return sc ?? 'create';
  if (sc && CHANGING.has(sc)) return sc;
  return undefined;
}

export default defineRule({
  meta: {
    id: 'dataroot-tampered',
    title: 'Files under the Docker data-root or exec-root changed by other processes',
    category: 'security',
    severity: 'warning',
    requires: ['audit.log', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons', ...LOG_ARTIFACTS],
    // The logs alone can show a host logrotate job working on Docker's files (the rule then says audit.log was missing).
    essential: ['audit.log', ...LOG_ARTIFACTS],
    explanation:
      'The data-root (/var/lib/docker) and exec-root (/run/docker) are private to Docker: their layout, owners and modes are what ' +
      'dockerd, containerd and runc expect. Files created, deleted, re-moded or linked there by other programs (scripts, backups, ' +
      'administrators) break container state in ways that show up later as load or start failures. Audit records name the process.',
    guideSection: 'Installation and Deployment › Do Not Modify Private Directory of Docker Daemon',
    messages: {
      tampered: '{{count, plural, one{# change} other{# changes}}} under {{roots}} by processes other than Docker\'s: {{processes}}',
      logrotate: 'a host logrotate job works on {{count, plural, one{# file} other{# files}}} under {{roots}} (Docker\'s private files), e.g. {{path}}',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Do not modify files under the Docker data-root or exec-root; if a change is needed, ask the container team.', source: 'openEuler guide: Do Not Modify Private Directory of Docker Daemon' },
      { kind: 'check', text: 'Find who made the changes and stop them.', commands: ['ausearch -k docker -i | grep -v -e dockerd -e containerd -e runc'], source: 'general practice' },
    ],
    events: ['logrotate.file-error'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const roots = [...new Set([dataRootPath(model), execRootPath(model)])];
    const hits: { e: AuditEvent; op: string; proc: string }[] = [];
    for (const e of model.audit.events) {
      if (e.success === false) continue;
      const proc = procName(e);
      if (DOCKER_PROCS.test(proc) || DOCKER_PROCS.test(e.comm ?? '')) continue;
      const op = operation(e, roots);
      if (op) hits.push({ e, op, proc });
    }
    // logrotate names the files its configuration covers even when it fails on them (SELinux denies the stat).
    const rotations = ctx.events('logrotate.file-error').filter((e) => roots.some((r) => isUnder(e.fields.path ?? '', r)));
    if (rotations.length > 0) {
      const files = [...new Set(rotations.map((e) => e.fields.path!))];
      ctx.report({
        messageId: 'logrotate',
        data: { count: files.length, roots: roots.filter((r) => files.some((f) => isUnder(f, r))).join(' and '), path: files[0]! },
        evidence: rotations.slice(-10).map((e) => ({ ...e.evidence, match: 'logrotate' })),
        confidence: 'medium',
        confidenceReason: 'logrotate\'s own error names the file; whether it changed files (copytruncate, rename) is not in the logs',
        detail: 'Docker rotates its json-file logs itself (log-opts max-size/max-file); a host logrotate rule on /var/lib/docker/containers truncates or renames files dockerd holds open.',
      });
    }
    if (hits.length === 0) {
      if (rotations.length === 0 && model.collection.health['audit.log']?.state !== 'present') {
        ctx.insufficient('audit.log was not collected: only logrotate\'s errors in the logs were looked at', ['ausearch -k docker -i', 'cat /var/log/audit/audit.log']);
      }
      return;
    }
    const procs = [...new Set(hits.map((h) => h.proc))];
    const touched = roots.filter((r) => hits.some((h) => h.e.paths.some((p) => isUnder(p.name, r))));
    ctx.report({
      messageId: 'tampered',
      data: { count: hits.length, roots: touched.join(' and '), processes: listSome(procs, 5) },
      evidence: hits.map((h) => ({ ...h.e.evidence, ...(h.e.evidence.excerpt.includes(h.proc) ? { match: h.proc } : {}) })),
      confidence: 'high',
      confidenceReason: 'audit records name the process and the path',
      detail: `Changes: ${listSome(hits.map((h) => `${h.proc} ${h.op} ${h.e.paths.find((p) => roots.some((r) => isUnder(p.name, r)) && p.nametype !== 'PARENT')?.name ?? h.e.paths[0]?.name ?? ''}`), 8)}.`,
    });
  },
});
