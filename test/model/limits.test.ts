import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

describe('model: limits', () => {
  it('applies limits.conf, then limits.d/*.conf by name: later wins; root has its own keys', () => {
    const l = modelFrom([
      // Deliberately out of order: the model must sort them like pam_limits.
      { artifact: 'limits', text: '*\tsoft\tnproc\t65535\n', path: 'files/etc/security/limits.d/90-raise.conf' },
      { artifact: 'limits', fixture: 'limits/openeuler-20-nproc-conf.txt', path: 'files/etc/security/limits.d/20-nproc.conf' },
      { artifact: 'limits', text: '* - nproc 1024\n* hard nofile 4096\n', path: 'files/etc/security/limits.conf' },
    ]).limits;
    expect(l.entries.map((e) => [e.file.split('/').pop(), e.domain, e.type, e.item, e.value])).toEqual([
      ['limits.conf', '*', '-', 'nproc', '1024'],
      ['limits.conf', '*', 'hard', 'nofile', '4096'],
      ['20-nproc.conf', '*', 'soft', 'nproc', '4096'],
      ['20-nproc.conf', 'root', 'soft', 'nproc', 'unlimited'],
      ['90-raise.conf', '*', 'soft', 'nproc', '65535'],
    ]);
    expect(l.effective.nproc).toMatchObject({ soft: '65535', hard: '1024' });
    expect(l.effective.nproc!.evidence.path).toBe('files/etc/security/limits.d/90-raise.conf');
    expect(l.effective.nofile).toMatchObject({ hard: '4096' });
    expect(l.effective.nofile!.soft).toBeUndefined();
    expect(l.effective['root:nproc']).toMatchObject({ soft: 'unlimited' });
  });

  it('reads pid_max and the sysctl map from a real sysctl -a', () => {
    const l = modelFrom([{ artifact: 'sysctl', fixture: 'sysctl/procps-4.0-a-full.txt' }]).limits;
    expect(l.pidMax).toMatchObject({ value: 32768, evidence: { artifact: 'sysctl', line: 139 } });
    expect(l.sysctl['kernel.sem']!.value).toBe('32000\t1024000000\t500\t32000');
  });

  it('is empty without artifacts', () => {
    expect(modelFrom([]).limits).toEqual({ entries: [], effective: {}, sysctl: {} });
  });
});
