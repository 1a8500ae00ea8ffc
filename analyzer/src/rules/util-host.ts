/**
 * Helpers shared by the host-hazard rules (not a rule: the catalog test skips `util-*` files).
 */
import type { ConfigValue, HostModel, LifecycleEvent, ProcessFact } from '../model/host-model.js';

/** `docker-proxy` processes (one per published port and address family while userland-proxy is on). */
export function dockerProxies(model: Readonly<HostModel>): ProcessFact[] {
  // RHEL's docker 1.12/1.13 packages name it docker-proxy-current.
  return model.processes.list.filter((p) => /(?:^|\/)docker-proxy(?:-current)?(?:\s|$)/.test(p.args));
}

/** Published port mappings in `docker ps` PORTS (`127.0.0.1:32768->80/tcp, :::8080->80/tcp`): one per `->`. */
export function publishedPorts(model: Readonly<HostModel>): { count: number; containers: HostModel['containers'] } {
  let count = 0;
  const containers: HostModel['containers'] = [];
  for (const c of model.containers) {
    const n = (c.ports ?? '').split('->').length - 1;
    if (n > 0 && c.state !== 'exited' && c.state !== 'created' && c.state !== 'dead') {
      count += n;
      containers.push(c);
    }
  }
  return { count, containers };
}

/** A boolean daemon option from the model (daemon.json true/false, or a flag's "true"/"false" text); undefined when unset. */
export function boolOption(model: Readonly<HostModel>, key: string): { value: boolean; source: ConfigValue } | undefined {
  const v = model.config.values[key];
  if (!v) return undefined;
  if (typeof v.value === 'boolean') return { value: v.value, source: v };
  if (v.value === 'true' || v.value === 'false') return { value: v.value === 'true', source: v };
  return undefined;
}

/** dockerd start/stop lifecycle events (unit or process), in model order. */
export function daemonEvents(model: Readonly<HostModel>): LifecycleEvent[] {
  return model.lifecycle.filter((e) => e.actor === 'dockerd' || e.actor === 'docker.service');
}

/**
 * Was dockerd (or docker.service) running at time t in boot b? The last dockerd start/ready/stop-ish event of that
 * boot before t decides; undefined when the journal shows no dockerd event before t.
 */
export function dockerdRunningAt(model: Readonly<HostModel>, t: number, bootIndex: number | undefined): boolean | undefined {
  let state: boolean | undefined;
  for (const e of daemonEvents(model)) {
    if (e.time === undefined || e.time > t) continue;
    if (bootIndex !== undefined && e.bootIndex !== undefined && e.bootIndex !== bootIndex) continue;
    if (e.kind === 'start' || e.kind === 'ready') state = true;
    else if (['stop', 'crash', 'killed', 'start-failed', 'timeout', 'start-limit'].includes(e.kind)) state = false;
  }
  return state;
}

/** The first dockerd (re)start after t in the same boot, if any. */
export function dockerdStartAfter(model: Readonly<HostModel>, t: number, bootIndex: number | undefined): LifecycleEvent | undefined {
  return daemonEvents(model).find(
    (e) => e.kind === 'start' && e.time !== undefined && e.time > t && (bootIndex === undefined || e.bootIndex === undefined || e.bootIndex === bootIndex),
  );
}
