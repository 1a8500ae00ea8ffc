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


