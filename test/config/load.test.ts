import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfig, loadConfig, validateConfig } from '../../analyzer/src/config/load.js';
import { CONFIG_FILE_NAME } from '../../analyzer/src/config/types.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const validate = (raw: unknown, file = '/cfg/docker-postmortem.config.json') => validateConfig(raw, file, JSON.stringify(raw));

describe('team config validation', () => {
  it('accepts the three setting forms and a list of scoped settings, in file order', () => {
    const r = validate({
      rules: {
        'overlay2-redirect-dir': 'off',
        'start-limit-hit': 'warning',
        'veth-leak': [{ severity: 'info' }, { severity: 'off', when: { flavor: 'upstream', hosts: ['deb*'], caseIds: ['SR-1'] } }],
      },
    });
    expect(r.problems).toEqual([]);
    expect(r.config!.rules.map((e) => [e.rule, e.level, e.entry])).toEqual([
      ['overlay2-redirect-dir', 'off', 'rules["overlay2-redirect-dir"]'],
      ['start-limit-hit', 'warning', 'rules["start-limit-hit"]'],
      ['veth-leak', 'info', 'rules["veth-leak"][0]'],
      ['veth-leak', 'off', 'rules["veth-leak"][1]'],
    ]);
    expect(r.config!.rules[3]!.when).toEqual({ flavor: 'upstream', hosts: ['deb*'], caseIds: ['SR-1'] });
  });

  it('names the key of every problem: unknown rule, bad level, misspelt key, bad flavor, empty lists, unknown top-level key', () => {
    const r = validate({
      rule: {},
      rules: {
        'no-such-rule': 'off',
        'veth-leak': 'fatal',
        'start-limit-hit': { serverity: 'info' },
        'overlay2-redirect-dir': { severity: 'off', when: { flavor: 'debian', hosts: [] } },
        'semaphore-leak': { severity: 'off', when: { host: ['x'] } },
      },
    });
    expect(r.config).toBeUndefined();
    const p = r.problems.join('\n');
    expect(p).toContain('unknown key "rule"');
    expect(p).toContain('rules["no-such-rule"]: no rule has this id');
    expect(p).toContain('rules["veth-leak"]: expected one of off, critical, error, warning, info (got "fatal")');
    expect(p).toContain('rules["start-limit-hit"]: unknown key "serverity"');
    expect(p).toContain('rules["start-limit-hit"]: "severity" is required');
    expect(p).toContain('rules["overlay2-redirect-dir"].when.flavor: expected one of openeuler, upstream, unknown (got "debian")');
    expect(p).toContain('rules["overlay2-redirect-dir"].when.hosts: expected a non-empty list');
    expect(p).toContain('rules["semaphore-leak"].when: unknown key "host"');
    expect(r.problems).toHaveLength(8);
  });

  it('takes relative known-defect paths from the config folder and refuses missing ones', () => {
    const dir = makeTempDir('dpm-config-kd-');
    writeFileSync(join(dir, 'team.json'), '{}');
    const ok = validate({ knownDefects: ['team.json'] }, join(dir, CONFIG_FILE_NAME));
    expect(ok.config!.knownDefects).toEqual([join(dir, 'team.json')]);
    expect(validate({ knownDefects: ['nope.json'] }, join(dir, CONFIG_FILE_NAME)).problems).toEqual(["knownDefects: nope.json: no such file (relative paths start at the config file's folder)"]);
  });

  it('reports a JSON syntax error with its line and column, and finds the file only in the folder given', () => {
    const dir = makeTempDir('dpm-config-json-');
    const f = join(dir, CONFIG_FILE_NAME);
    expect(findConfig(dir)).toBeUndefined();
    writeFileSync(f, '{\n  "rules": {\n    "veth-leak": "off",\n  }\n}\n');
    expect(findConfig(dir)).toBe(f);
    const r = loadConfig(f);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^not valid JSON: .*\(line 4, column 3\)$/);
    expect(loadConfig(join(dir, 'missing.json')).problems).toEqual(['cannot read: ENOENT']);
  });

  it('hashes the file bytes: the same rules written differently are a different config for the cache', () => {
    const a = validateConfig({ rules: { 'veth-leak': 'off' } }, '/c.json', '{"rules":{"veth-leak":"off"}}');
    const b = validateConfig({ rules: { 'veth-leak': 'off' } }, '/c.json', '{ "rules": { "veth-leak": "off" } }');
    expect(a.config!.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(a.config!.hash).not.toBe(b.config!.hash);
  });
});
