import { describe, expect, it } from 'vitest';
import type { DevicesetMetadata } from '../../analyzer/src/parsers/deviceset-metadata.js';
import { fixture, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

const A = 'devicemapper.deviceset-metadata';

describe('deviceset-metadata parser', () => {
  it('reads BaseDeviceUUID, filesystem and next id (moby DeviceSet JSON, hand fixture)', () => {
    const v = okValue(parse<DevicesetMetadata>(A, fixture('deviceset-metadata/moby-18.09-xfs-hand.txt')));
    expect(v).toMatchObject({ validJson: true, baseDeviceUuid: '7b1ab8d3-8a6b-4b6e-a0c7-4e4e9f1d4c2a', baseDeviceFilesystem: 'xfs', nextDeviceId: 3, line: 1 });
  });

  it('a cleared UUID (the seed remediation) reads as an empty string', () => {
    expect(okValue(parse<DevicesetMetadata>(A, '{"next_device_id":3,"BaseDeviceUUID":"","BaseDeviceFilesystem":"xfs"}')).baseDeviceUuid).toBe('');
  });

  it('recovers the UUID from truncated JSON and reports the JSON error on its line', () => {
    const r = parse<DevicesetMetadata>(A, fixture('deviceset-metadata/moby-18.09-truncated-hand.txt'));
    expect(r.status).toBe('malformed');
    if (r.status !== 'malformed') return;
    expect(r.value).toMatchObject({ validJson: false, baseDeviceUuid: '7b1ab8d3-8a6b-4b6e-a0c7-4e4e9f1d4c2a', nextDeviceId: 3 });
    expect(r.problems[0]!.line).toBe(1);
  });

  it('NUL-filled is malformed, empty is skipped, a JSON array is malformed', () => {
    expect(parse(A, '\0\0\0\0').status).toBe('malformed');
    expect(parse(A, '').status).toBe('skipped');
    expect(parse(A, '[1,2]').status).toBe('malformed');
  });

  it('never throws on fuzzed input', () => {
    fuzzParser(A, [fixture('deviceset-metadata/moby-18.09-xfs-hand.txt'), '{\n "BaseDeviceUUID": "x"\n}\n'], 2000, 31);
  });
});
