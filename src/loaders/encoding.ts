import { diagnostic, type Diagnostic } from '../diagnostic.js';

/** Whether bytes start with a UTF-8 byte order mark (which editors on Windows like to write). */
export const hasBom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/**
 * The byte order of a file that starts with a UTF-16 byte order mark: Windows PowerShell 5 writes
 * `terraform show -json plan > plan.json` in UTF-16 (little-endian).
 */
export function utf16Order(b: Uint8Array): 'le' | 'be' | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'le';
  return b[0] === 0xfe && b[1] === 0xff ? 'be' : undefined;
}

/** UTF-16 bytes (their byte order mark first) as text; a last odd byte is dropped. */
export function decodeUtf16(b: Buffer, order: 'le' | 'be'): string {
  const units = b.subarray(2, 2 + ((b.length - 2) & ~1));
  return (order === 'le' ? units : Buffer.from(units).swap16()).toString('utf16le');
}

/** The warning for a file read despite bytes that are not UTF-8. */
export function notUtf8(file: string): Diagnostic {
  return diagnostic('warning', 'not-utf8', file, {
    en: 'the file is not valid UTF-8: bytes that are not were read as replacement characters',
    ja: 'ファイルが正しい UTF-8 ではありません: UTF-8 として読めないバイトは置換文字（�）として読みました',
  });
}
