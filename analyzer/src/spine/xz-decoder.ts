/**
 * xz decoding for the tar source. Two decoders behind one shape (bytes in → bytes out):
 *
 * - `system`: a spawned `xz -dc` (xz-utils' liblzma, about 3× faster than WASM and on its own core,
 *   so it decodes while JavaScript parses). Chosen when `xz` is on PATH.
 * - `wasm`: xz-decompress (xz-embedded in WASM) in this thread, the fallback. Its decoder holds a
 *   process-wide mutex until the stream ends or is cancelled, so `stop()` always cancels it;
 *   otherwise the next .tar.xz in a batch would wait forever.
 *
 * `DPM_XZ=wasm` (or `system`) forces the choice; tests use it to run the hostile-archive cases on
 * both. Either decoder reports a truncated or corrupt stream as one XzError after the bytes it
 * could decode, so the reader keeps what was readable plus one clear problem.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export type XzDecoderKind = 'system' | 'wasm';

/** A decode error in one line a support engineer understands. */
export class XzError extends Error {}

export interface XzDecoder {
  kind: XzDecoderKind;
  /** Decoded bytes. Ends after the last decodable byte; `onError` is called first when the input was bad. */
  output: Readable;
  /** Stop decoding now (early end, closed source): kills the child / cancels the WASM decoder. Safe to call twice. */
  stop(): void;
}

let systemXzFound: boolean | undefined;

/** Is an executable `xz` on PATH? Checked once per process, without running it. */
function haveSystemXz(): boolean {
  if (systemXzFound === undefined) {
    systemXzFound = (process.env['PATH'] ?? '').split(':').some((dir) => {
      if (!dir) return false;
      try {
        accessSync(join(dir, 'xz'), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  }
  return systemXzFound;
}

export function chooseXzDecoder(requested?: XzDecoderKind): XzDecoderKind {
  const want = requested ?? (process.env['DPM_XZ'] === 'wasm' ? 'wasm' : 'system');
  return want === 'system' && haveSystemXz() ? 'system' : 'wasm';
}

/** Most of xz's stderr we keep for the message (it writes one line per error). */
const MAX_STDERR = 4096;

/** xz's own words → the reader's wording (same as the WASM decoder's errors get). */
function describeXzStderr(stderr: string, code: number | null): string {
  const line = stderr.split('\n').find((l) => l.trim())?.replace(/^xz: \(stdin\): /, '').trim() ?? '';
  if (/unexpected end of input/i.test(line)) return 'the xz stream ends early (truncated file?)';
  if (/corrupt|format not recognized|unsupported options|memory usage limit/i.test(line)) return `corrupt or truncated xz data (xz: ${line})`;
  return `xz failed (${line || `exit ${code}`})`;
}

/**
 * `input` is piped into a spawned `xz -dc`. The output ends only once xz has exited, so a
 * failure is always reported (onError) before the consumer sees the end of the data.
 */
export function systemXz(input: Readable, onError: (e: XzError) => void): XzDecoder {
  const child = spawn('xz', ['-dc'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const output = new PassThrough({ highWaterMark: 1 << 17 });
  let stopped = false;
  let stderr = '';
  let settled = false;
  const settle = (e?: XzError) => {
    if (settled) return;
    settled = true;
    if (e && !stopped) onError(e);
    if (!output.writableEnded) output.end();
  };
  // EPIPE when xz exits on bad data while we still write: its exit status tells the story.
  child.stdin.on('error', () => undefined);
  child.stdout.on('error', () => undefined);
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < MAX_STDERR) stderr += d.toString('utf8');
  });
  child.on('error', (e) => settle(new XzError(`cannot run xz: ${e.message}`)));
  child.on('close', (code, signal) => settle(code === 0 ? undefined : new XzError(signal ? `xz was stopped (${signal})` : describeXzStderr(stderr, code))));
  input.pipe(child.stdin);
  child.stdout.pipe(output, { end: false });
  return {
    kind: 'system',
    output,
    stop() {
      if (stopped) return;
      stopped = true;
      input.unpipe(child.stdin);
      child.stdin.destroy();
      child.stdout.destroy();
      // By PID, through our own handle; libuv reaps it (no zombie) when the exit is seen.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (!output.destroyed) output.destroy();
    },
  };
}

/**
 * The WASM fallback, loaded only when used (100 KB of WASM and a mutex). Loading is separate from
 * starting so the caller can load before its input starts flowing.
 */
export async function loadWasmXz(): Promise<(input: Readable, onError: (e: XzError) => void) => XzDecoder> {
  // xz-decompress is a CommonJS (webpack UMD) bundle: Node puts it under `default`, tsx's loader at the top.
  const mod = (await import('xz-decompress')) as unknown as { default?: typeof import('xz-decompress') } & typeof import('xz-decompress');
  const { XzReadableStream } = mod.default ?? mod;
  return (input, onError) => wasmXz(XzReadableStream, input, onError);
}

function wasmXz(XzReadableStream: typeof import('xz-decompress').XzReadableStream, input: Readable, onError: (e: XzError) => void): XzDecoder {
  const web = new XzReadableStream(Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>);
  const output = Readable.fromWeb(web as unknown as WebReadableStream<Uint8Array>);
  output.on('error', (e) => onError(new XzError(describeWasmError(e))));
  return {
    kind: 'wasm',
    output,
    stop() {
      if (!output.destroyed) output.destroy(); // cancels the web stream, releasing the WASM mutex
    },
  };
}

function describeWasmError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/get_next_output failed with error code (\d+)/.test(msg)) return `corrupt or truncated xz data (xz-embedded error ${RegExp.$1})`;
  if (/byteLength|undefined/.test(msg)) return 'the xz stream ends early (truncated file?)';
  return msg;
}
