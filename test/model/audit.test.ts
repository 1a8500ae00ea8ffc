import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

describe('audit section', () => {
  it('joins rules and sums rotations; keeps docker events under the data-root or with a docker key', () => {
    const m = modelFrom([
      { artifact: 'audit.rules', fixture: 'audit-rules/auditctl-3.0-docker-watches-hand.txt' },
      { artifact: 'audit.rules-files', fixture: 'audit-rules/rules-d-openeuler-docker-hand.txt' },
      { artifact: 'audit.log', fixture: 'audit-log/auditd-3.0-docker-watch-hand.txt', path: 'var/log/audit/audit.log' },
      { artifact: 'audit.log', fixture: 'audit-log/auditd-3.0-docker-watch-hand.txt', path: 'var/log/audit/audit.log.1' },
    ]);
    const a = m.audit;
    expect(a.available).toBe(true);
    expect(a.rules.filter((r) => r.watch?.path.startsWith("/var/lib/docker"))).toHaveLength(4);
    expect(a.totalEvents).toBe(14);
    expect(a.keyCounts.docker!.count).toBe(8);
    expect(a.events).toHaveLength(8);
    expect(a.events.map((e) => e.time)).toEqual([...a.events.map((e) => e.time)].sort((x, y) => x - y));
  });
  it('an event on a custom data-root path without a docker key is dropped when the root differs', () => {
    const log = 'type=SYSCALL msg=audit(1.000:1): syscall=2 success=yes pid=9 comm="x" exe="/x" key=(null)\ntype=PATH msg=audit(1.000:1): item=0 name="/srv/docker-data/containers/a" nametype=NORMAL\n';
    const m = modelFrom([{ artifact: 'audit.log', text: log }]);
    expect(m.audit.totalEvents).toBe(1);
    expect(m.audit.events).toEqual([]); // default data-root /var/lib/docker
  });
  it('nothing collected: not available', () => {
    expect(modelFrom([]).audit).toEqual({ available: false, rules: [], events: [], keyCounts: {}, totalEvents: 0 });
  });
});
