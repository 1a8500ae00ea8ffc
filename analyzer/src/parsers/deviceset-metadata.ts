/**
 * devicemapper `deviceset-metadata` (`<data-root>/devicemapper/metadata/deviceset-metadata`): one JSON
 * object written by moby's devmapper DeviceSet (`next_device_id`, `BaseDeviceUUID`,
 * `BaseDeviceFilesystem`). A stale BaseDeviceUUID stops docker after the pool was rebuilt (field guide §2).
 * Sample (moby daemon/graphdriver/devmapper/deviceset.go field tags; fixture
 * test/fixtures/deviceset-metadata/moby-18.09-xfs-hand.txt):
 * ```
 * {"next_device_id":3,"BaseDeviceUUID":"7b1ab8d3-8a6b-4b6e-a0c7-4e4e9f1d4c2a","BaseDeviceFilesystem":"xfs"}
 * ```
 * A power cut can leave it empty, truncated or NUL-filled: then the UUID is recovered with a pattern
 * when possible and the JSON error becomes a problem.
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';

export interface DevicesetMetadata {
  /** False when the text is not valid JSON (the other fields may still come from a pattern). */
  validJson: boolean;
  baseDeviceUuid?: string;
  baseDeviceFilesystem?: string;
  nextDeviceId?: number;
  /** Line of `BaseDeviceUUID` (1 for the usual one-line file). */
  line: number;
  text: string;
}

/** Keeps memory bounded on a hostile file: the real one is ~120 bytes. */
const MAX_CHARS = 1 << 20;

interface State {
  chunks: string[];
  chars: number;
  uuidLine?: number;
  uuidText?: string;
  lines: number;
}

export const devicesetMetadataParser = lineParser<State, DevicesetMetadata>({
  name: 'deviceset-metadata',
  artifacts: ['devicemapper.deviceset-metadata'],
  init: () => ({ chunks: [], chars: 0, lines: 0 }),
  line(s, line) {
    s.lines = line.no;
    if (s.uuidLine === undefined && line.text.includes('BaseDeviceUUID')) {
      s.uuidLine = line.no;
      s.uuidText = line.text.slice(0, 500);
    }
    if (s.chars < MAX_CHARS) {
      s.chunks.push(line.text);
      s.chars += line.text.length + 1;
    }
  },
  finish(s, problems) {
    const text = s.chunks.join('\n');
    if (text.replace(/[\s\0]/g, '') === '') {
      if (text.includes('\0')) {
        problems.add(1, 'file holds only NUL bytes');
        return malformed('NUL-filled file', problems, 1);
      }
      return skipped('empty file', problems);
    }
    const line = s.uuidLine ?? 1;
    const excerpt = s.uuidText ?? text.slice(0, 500);
    let obj: unknown;
    try {
      obj = JSON.parse(text);
    } catch (e) {
      problems.add(line, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
      const o = obj as Record<string, unknown>;
      return ok(
        {
          validJson: true,
          baseDeviceUuid: typeof o.BaseDeviceUUID === 'string' ? o.BaseDeviceUUID : undefined,
          baseDeviceFilesystem: typeof o.BaseDeviceFilesystem === 'string' ? o.BaseDeviceFilesystem : undefined,
          nextDeviceId: typeof o.next_device_id === 'number' ? o.next_device_id : undefined,
          line,
          text: excerpt,
        },
        problems,
      );
    }
    if (obj !== undefined) problems.add(1, 'JSON is not an object');
    const uuid = /"BaseDeviceUUID"\s*:\s*"([^"\\]*)"/.exec(text)?.[1];
    const fs = /"BaseDeviceFilesystem"\s*:\s*"([^"\\]*)"/.exec(text)?.[1];
    const next = /"next_device_id"\s*:\s*(\d+)/.exec(text)?.[1];
    const value: DevicesetMetadata = { validJson: false, baseDeviceUuid: uuid, baseDeviceFilesystem: fs, nextDeviceId: next === undefined ? undefined : Number(next), line, text: excerpt };
    return malformed('deviceset-metadata is not a valid JSON object', problems, line, value);
  },
});
