import { describe, expect, it } from 'vitest';
import { daemonJsonKeyType, flagSpec, parseDockerdFlags } from '../../analyzer/src/parsers/util/dockerd-flags.js';
import { expandSystemdWords, shellSplit } from '../../analyzer/src/parsers/util/shell-words.js';

describe('dockerd flag reading', () => {
  it('long, short, joined and repeated flags map to daemon.json keys', () => {
    const { flags, positional } = parseDockerdFlags(['dockerd', '-Hfd://', '--host=unix:///x.sock', '-g', '/old', '--storage-opt', 'dm.fs=ext4', '--storage-opt=dm.basesize=20G', '-s', 'devicemapper', '-D', '--log-level=warn']);
    expect(flags.map((f) => [f.key, f.value])).toEqual([
      ['hosts', 'fd://'],
      ['hosts', 'unix:///x.sock'],
      ['graph', '/old'],
      ['storage-opts', 'dm.fs=ext4'],
      ['storage-opts', 'dm.basesize=20G'],
      ['storage-driver', 'devicemapper'],
      ['debug', true],
      ['log-level', 'warn'],
    ]);
    expect(positional).toEqual([]);
  });

  it('boolean flags take a value only with `=` (pflag): `--icc false` leaves false positional', () => {
    const r = parseDockerdFlags(['dockerd', '--icc', 'false', '--userland-proxy=false', '--selinux-enabled']);
    expect(r.flags.map((f) => [f.key, f.value])).toEqual([
      ['icc', true],
      ['userland-proxy', false],
      ['selinux-enabled', true],
    ]);
    expect(r.positional).toEqual(['false']);
  });

  it('--config-file is not a directive; unknown flags are kept under their name', () => {
    const r = parseDockerdFlags(['dockerd', '--config-file', '/etc/docker/x.json', '--made-up', 'v']);
    expect(r.flags.map((f) => [f.key, f.value, f.known])).toEqual([
      ['config-file', '/etc/docker/x.json', false],
      ['made-up', 'v', false],
    ]);
  });

  it('key table: flags and types', () => {
    expect(flagSpec('exec-opt')).toEqual({ key: 'exec-opts', type: 'array' });
    expect(flagSpec('default-ulimit')).toEqual({ key: 'default-ulimits', type: 'object' });
    expect(daemonJsonKeyType('icc')).toBe('boolean');
    expect(daemonJsonKeyType('storage-drive')).toBeUndefined();
  });
});

describe('shell words', () => {
  it('quotes and escapes; an open quote is reported', () => {
    expect(shellSplit(`a 'b c' "d \\"e\\"" f\\ g`).words).toEqual(['a', 'b c', 'd "e"', 'f g']);
    expect(shellSplit(`x "open`)).toEqual({ words: ['x', 'open'], error: 'unterminated " quote at column 3' });
  });

  it('systemd expansion: $VAR splits, ${VAR} stays one word, unset is empty', () => {
    expect(expandSystemdWords(['/usr/bin/dockerd', '$OPTIONS', '--x=${ONE}', '$UNSET'], { OPTIONS: '--a  --b', ONE: 'p q' })).toEqual(['/usr/bin/dockerd', '--a', '--b', '--x=p q']);
  });
});
