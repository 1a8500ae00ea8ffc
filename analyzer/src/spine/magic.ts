/**
 * Format sniffing by magic bytes. File names lie (a `.tar.gz` that is really xz, a sosreport renamed
 * by a mail gateway), so the reader never looks at the extension.
 */
import type { ContainerFormat } from './types.js';

export type Sniffed = { format: Exclude<ContainerFormat, 'directory'> } | { unreadable: string };

/** How many leading bytes `sniff` wants (one tar header block). */
export const SNIFF_BYTES = 512;

const GZIP = [0x1f, 0x8b];
const XZ = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const BZIP2 = [0x42, 0x5a, 0x68]; // 'BZh'
const ZSTD = [0x28, 0xb5, 0x2f, 0xfd];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  if (buf.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (buf[i] !== magic[i]) return false;
  return true;
}

/** A tar header block: `ustar` at offset 257 (POSIX and GNU), or a valid v7 header checksum. */
export function looksLikeTarHeader(block: Uint8Array): boolean {
  if (block.length < 512) return false;
  const ustar = Buffer.from(block.subarray(257, 262)).toString('latin1');
  if (ustar === 'ustar') return true;
  return v7ChecksumOk(block);
}

/** Old (v7) tar has no magic; its header checksum (offset 148, 8 octal bytes) is the only tell. */
function v7ChecksumOk(block: Uint8Array): boolean {
  if (block[0] === 0) return false; // an empty name: not a header
  const field = Buffer.from(block.subarray(148, 156)).toString('latin1').replace(/[\0 ]+$/g, '').trim();
  if (!/^[0-7]{1,7}$/.test(field)) return false;
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === parseInt(field, 8);
}

/** Identify the container format from the first bytes of the file. */
export function sniff(head: Uint8Array): Sniffed {
  if (head.length === 0) return { unreadable: 'empty file' };
  if (startsWith(head, GZIP)) return { format: 'tar.gz' };
  if (startsWith(head, XZ)) return { format: 'tar.xz' };
  if (startsWith(head, BZIP2)) return { format: 'tar.bz2' };
  if (looksLikeTarHeader(head)) return { format: 'tar' };
  if (startsWith(head, ZSTD)) return { unreadable: 'zstd-compressed file: not supported, unpack it first (tar --zstd -xf) and pass the folder' };
  if (startsWith(head, ZIP)) return { unreadable: 'zip archive: not supported, unpack it and pass the folder' };
  return { unreadable: 'not a bundle: no gzip, xz or tar signature (expected a .tar.gz, .tar.xz, .tar or an unpacked folder)' };
}
