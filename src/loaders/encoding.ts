import { diagnostic, type Diagnostic } from '../diagnostic.js';

/** Whether bytes start with a UTF-8 byte order mark (which editors on Windows like to write). */
export const hasBom = (b: Uint8Array): boolean => b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** The warning for a file read despite bytes that are not UTF-8. */
export function notUtf8(file: string): Diagnostic {
  return diagnostic('warning', 'not-utf8', file, {
    en: 'the file is not valid UTF-8: bytes that are not were read as replacement characters',
    ja: 'ファイルが正しい UTF-8 ではありません: UTF-8 として読めないバイトは置換文字（�）として読みました',
  });
}
