/**
 * Who the host is: hostname, kernel, OS, docker/containerd/runc versions and the docker flavor.
 * Flavor (field guide §0): openEuler's docker-engine is Docker 18.09 packaged as `docker-engine`
 * (rpm `docker-engine-18.09.0-…oe1…`) and prints `EulerVersion:` in `docker version`; anything else
 * with docker present is treated as upstream moby.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { DockerFlavor, Identity, PackageFact } from './host-model.js';
import type { Evidence } from '../spine/types.js';
import type { HostnameFacts } from '../parsers/hostname.js';
import type { UnameFacts } from '../parsers/uname.js';
import type { OsReleaseFacts } from '../parsers/os-release.js';
import type { DockerVersionFacts } from '../parsers/docker-version.js';
import type { DockerInfoFacts } from '../parsers/docker-info.js';
import type { JournalHeaders } from '../parsers/journal-header.js';
import { lineEvidence } from './source-evidence.js';

const DOCKER_PACKAGES = ['docker-engine', 'docker-ce', 'docker.io', 'moby-engine', 'docker', 'docker-ee'];
const CONTAINERD_PACKAGES = ['containerd', 'containerd.io', 'docker-containerd'];
const RUNC_PACKAGES = ['runc', 'docker-runc'];

function firstPackage(byName: Record<string, PackageFact>, names: readonly string[]): PackageFact | undefined {
  for (const n of names) if (byName[n]) return byName[n];
  return undefined;
}

function pkgText(p: PackageFact): string {
  return `${p.name}-${p.version}${p.release !== undefined ? `-${p.release}` : ''}${p.arch !== undefined ? `.${p.arch}` : ''}`;
}

export function buildIdentity(facts: FactStore, d: ModelDraft): Identity {
  const id: Identity = { flavor: 'unknown', flavorReason: 'no docker package, version output or daemon information' };
  const byName = d.packages?.byName ?? {};
  const info = facts.first<DockerInfoFacts>('docker.info');
  const ver = facts.first<DockerVersionFacts>('docker.version');
  const srv = info?.value.server ?? {};

  const host = facts.first<HostnameFacts>('hostname');
  const uname = facts.first<UnameFacts>('uname');
  id.hostname = host?.value.hostname ?? srv['Name'] ?? uname?.value.nodename;
  id.machineId = facts.first<JournalHeaders>('journal.header')?.value.files.find((f) => f.machineId)?.machineId;
  id.kernel = uname?.value.release ?? srv['Kernel Version'];
  if (uname?.value.release) id.kernelEvidence = lineEvidence(uname.source, uname.value, { match: uname.value.release });
  else if (srv['Kernel Version'] && info?.value.serverLines['Kernel Version']) id.kernelEvidence = lineEvidence(info.source, info.value.serverLines['Kernel Version']);
  const os = facts.first<OsReleaseFacts>('os-release');
  if (os) id.os = { id: os.value.id, versionId: os.value.versionId, prettyName: os.value.prettyName };
  else if (srv['Operating System']) id.os = { prettyName: srv['Operating System'] };

  // docker
  const dockerPkg = firstPackage(byName, DOCKER_PACKAGES);
  const engine = ver?.value.server['Engine'];
  let dockerVersion: string | undefined;
  let dockerEvidence: Evidence | undefined;
  if (engine?.['Version']) {
    dockerVersion = engine['Version'].value;
    dockerEvidence = lineEvidence(ver!.source, engine['Version']);
  } else if (srv['Server Version']) {
    dockerVersion = srv['Server Version'];
    dockerEvidence = lineEvidence(info!.source, info!.value.serverLines['Server Version']!);
  } else if (dockerPkg) {
    dockerVersion = dockerPkg.version;
    dockerEvidence = dockerPkg.evidence;
  } else if (ver?.value.client['Version']) {
    // Only the client answered (daemon down): the client usually comes from the same package.
    dockerVersion = ver.value.client['Version'].value;
    dockerEvidence = lineEvidence(ver.source, ver.value.client['Version']);
  }
  if (dockerVersion !== undefined || dockerPkg) {
    id.docker = {};
    if (dockerVersion !== undefined) id.docker.version = dockerVersion;
    if (dockerPkg) id.docker.package = pkgText(dockerPkg);
    if (dockerEvidence) id.docker.evidence = dockerEvidence;
  }

  // containerd / runc: docker version's component section, else docker info, else the package; with the line it came from.
  const componentVersion = (component: string, infoKey: string, pkg: PackageFact | undefined) => {
    const fromVersion = ver?.value.server[component]?.['Version'];
    const out: { version?: string; package?: string; evidence?: Evidence } = {};
    if (fromVersion) {
      out.version = fromVersion.value;
      out.evidence = lineEvidence(ver!.source, fromVersion);
    } else if (srv[infoKey] !== undefined) {
      out.version = srv[infoKey];
      const line = info?.value.serverLines[infoKey];
      if (line) out.evidence = lineEvidence(info!.source, line);
    } else if (pkg) {
      out.version = pkg.version;
      out.evidence = pkg.evidence;
    }
    if (pkg) out.package = pkgText(pkg);
    return out.version !== undefined || pkg ? out : undefined;
  };
  id.containerd = componentVersion('containerd', 'containerd version', firstPackage(byName, CONTAINERD_PACKAGES));
  id.runc = componentVersion('runc', 'runc version', firstPackage(byName, RUNC_PACKAGES));
  if (!id.containerd) delete id.containerd;
  if (!id.runc) delete id.runc;

  const systemd = byName['systemd'];
  const sv = systemd ? /^(\d+)/.exec(systemd.version) : null;
  if (sv) id.systemd = { version: Number(sv[1]) };

  // flavor
  const euler = engine?.['EulerVersion'] ?? ver?.value.client['EulerVersion'];
  const engineRpm = byName['docker-engine'];
  let flavor: DockerFlavor = 'unknown';
  let reason = id.flavorReason;
  if (engineRpm && /^18\.09/.test(engineRpm.version)) {
    flavor = 'openeuler-docker-engine';
    reason = `package ${pkgText(engineRpm)} (openEuler's Docker 18.09 build)`;
  } else if (euler) {
    flavor = 'openeuler-docker-engine';
    reason = `docker version prints EulerVersion: ${euler.value}`;
  } else if (engineRpm && /openeuler/i.test(os?.value.id ?? '')) {
    flavor = 'openeuler-docker-engine';
    reason = `package ${pkgText(engineRpm)} on ${os!.value.prettyName ?? os!.value.id}`;
  } else if (dockerPkg) {
    flavor = 'upstream';
    reason = `package ${pkgText(dockerPkg)}`;
  } else if (dockerVersion !== undefined) {
    flavor = 'upstream';
    reason = `docker ${dockerVersion} without openEuler's docker-engine package or EulerVersion`;
  }
  id.flavor = flavor;
  id.flavorReason = reason;
  for (const k of ['hostname', 'machineId', 'kernel'] as const) if (id[k] === undefined) delete id[k];
  return id;
}
