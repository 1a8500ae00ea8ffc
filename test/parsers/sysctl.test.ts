import { describe, expect, it } from 'vitest';
import type { SysctlOutput } from '../../analyzer/src/parsers/sysctl.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('sysctl parser', () => {
  it('reads `key = value`, keeping the TABs inside kernel.sem (real procps-ng 4.0)', () => {
    const v = okValue(parse<SysctlOutput>('sysctl', fixture('sysctl/procps-4.0-sem-pid-max.txt')));
    expect(v.values['kernel.sem']).toMatchObject({ value: '32000\t1024000000\t500\t32000', line: 1 });
    expect(v.values['kernel.pid_max']).toMatchObject({ value: '32768', line: 2 });
  });

  it('reads a whole real `sysctl -a` (as sos saves it)', () => {
    const text = fixture('sysctl/procps-4.0-a-full.txt');
    const r = parse<SysctlOutput>('sysctl', text);
    expect(r.problems).toEqual([]);
    const v = okValue(r);
    // 1304 lines, of which kernel.core_modes spans three (file, pipe, socket).
    expect(Object.keys(v.values)).toHaveLength(text.trimEnd().split('\n').length - 2);
    expect(v.values['kernel.core_modes']).toMatchObject({ value: 'file\npipe\nsocket', line: 73 });
    expect(v.values['kernel.pid_max']!.value).toBe('32768');
    expect(v.values['kernel.sem']!.value.split('\t')).toEqual(['32000', '1024000000', '500', '32000']);
  });

  it('keeps empty values and the last of a repeated key; error lines become problems', () => {
    const r = parse<SysctlOutput>('sysctl', 'kernel.sem = 250\t32000\t32\t128\nfs.binfmt_misc.status =\nsysctl: cannot stat /proc/sys/x: No such file or directory\nkernel.sem = 250\t32000\t32\t1024\nnot a sysctl line\n');
    const v = okValue(r);
    expect(v.values['kernel.sem']).toMatchObject({ value: '250\t32000\t32\t1024', line: 4 });
    expect(v.values['fs.binfmt_misc.status']!.value).toBe('');
    expect(r.problems.map((p) => p.line)).toEqual([3, 5]);
  });

  it('every real fixture parses with zero problems', () => {
    for (const f of fixtureFiles('sysctl')) expect(parse('sysctl', fixture(`sysctl/${f}`)).problems, f).toEqual([]);
  });

  it('is malformed without any key = value line, skipped when empty', () => {
    expect(parse('sysctl', 'hello\n').status).toBe('malformed');
    expect(parse('sysctl', '\n').status).toBe('skipped');
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('sysctl', [fixture('sysctl/procps-4.0-sem-pid-max.txt'), fixture('sysctl/procps-4.0-a-full.txt').slice(0, 4000)], 2000, 5);
  });
});
