/**
 * daemon.json: every [lab] case's error text must equal what dockerd 20.10.24 printed after
 * `unable to configure the Docker daemon with file …: ` (test/fixtures/docker.daemon-json/*.err).
 */
import { describe, expect, it } from 'vitest';
import type { DaemonJsonFacts } from '../../analyzer/src/parsers/daemon-json.js';
import { goJsonDecode, goQuoteChar } from '../../analyzer/src/parsers/util/go-json.js';
import { fixture, okValue, parse } from './host-helpers.js';

function dockerdCause(errFile: string): string {
  const line = fixture(errFile).split('\n').find((l) => l.startsWith('unable to configure the Docker daemon'))!;
  return line.replace(/^unable to configure the Docker daemon with file [^:]+: /, '');
}

describe('daemon-json parser', () => {
  for (const [name, line, column] of [
    ['truncated', 3, 26],
    ['misplaced', 3, 3],
    ['comment', 2, 3],
    ['trailing-comma', 4, 1],
  ] as const) {
    it(`${name}: same error as dockerd, at line ${line} column ${column}`, () => {
      const { value, problems } = okValue<DaemonJsonFacts>('docker.daemon-json', `docker.daemon-json/lab-${name}.json`);
      expect(value.valid).toBe(false);
      expect(value.error).toMatchObject({ message: dockerdCause(`docker.daemon-json/lab-${name}.dockerd-20.10.24.err`), line, column });
      expect(problems[0]).toMatchObject({ line });
      expect(value.recovered).toBe(true);
    });
  }

  it('empty file: dockerd says EOF', () => {
    const r = parse<DaemonJsonFacts>('docker.daemon-json', fixture('docker.daemon-json/lab-empty.json'));
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.value).toMatchObject({ empty: true, valid: false, error: { message: dockerdCause('docker.daemon-json/lab-empty.dockerd-20.10.24.err') } });
  });

  it('keys are recovered from broken files with their lines', () => {
    const t = okValue<DaemonJsonFacts>('docker.daemon-json', 'docker.daemon-json/lab-trailing-comma.json').value;
    expect(t.keys.map((k) => [k.key, k.line, k.type])).toEqual([
      ['log-level', 2, 'string'],
      ['storage-driver', 3, 'string'],
    ]);
    expect(t.trailingCommas).toEqual([3]);
    expect(okValue<DaemonJsonFacts>('docker.daemon-json', 'docker.daemon-json/lab-comment.json').value.comments).toEqual([2]);
  });

  it('syntactically valid files (unknown key, wrong type, bad level) are valid JSON: the model judges them', () => {
    for (const n of ['unknown-key', 'wrong-type', 'bad-level', 'conflict', 'graph', 'ok-lab']) {
      const { value, problems } = okValue<DaemonJsonFacts>('docker.daemon-json', `docker.daemon-json/lab-${n}.json`);
      expect(value.valid, n).toBe(true);
      expect(problems, n).toEqual([]);
    }
  });

  it('Go scanner messages for other mistakes', () => {
    const err = (s: string) => {
      const r = goJsonDecode(s);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(err('{"a" 1}')).toBe("invalid character '1' after object key");
    expect(err('{"a":1 "b":2}')).toBe("invalid character '\"' after object key:value pair");
    expect(err('{"a":[1 2]}')).toBe("invalid character '2' after array element");
    expect(err('{"a":tru}')).toBe("invalid character '}' in literal true (expecting 'e')");
    expect(err('{"a":"x\ny"}')).toBe("invalid character '\\n' in string literal");
    expect(err('{"a":-x}')).toBe("invalid character 'x' in numeric literal");
    expect(err("{'a':1}")).toBe("invalid character '\\'' looking for beginning of object key string");
    expect(err('\u0000{}')).toBe("invalid character '\\x00' looking for beginning of value");
    expect(err('{}}')).toBe('ok'); // json.Decoder reads one value and ignores the rest
    expect(goQuoteChar('\t')).toBe("'\\t'");
  });

  it('a top-level array is rejected like dockerd decoding into a map', () => {
    const r = parse<DaemonJsonFacts>('docker.daemon-json', '["a"]\n');
    expect(r.status === 'ok' && r.value.error?.message).toBe('json: cannot unmarshal array into Go value of type map[string]interface {}');
  });

  it('duplicate keys: reported, last one wins as in Go', () => {
    const r = parse<DaemonJsonFacts>('docker.daemon-json', '{\n "bip": "1.1.1.1/24",\n "bip": "2.2.2.2/24"\n}\n');
    expect(r.status === 'ok' && r.value.duplicates).toEqual([{ key: 'bip', line: 3 }]);
    expect(r.status === 'ok' && r.value.value['bip']).toBe('2.2.2.2/24');
  });
});
