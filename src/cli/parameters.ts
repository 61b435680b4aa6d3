import { resolve } from 'node:path';
import { cannotRead, type Bilingual } from '../diagnostic.js';
import { UsageError } from './io.js';
import { readTextFile } from '../loaders/read-file.js';

/**
 * CloudFormation parameter values from a file, in any of the shapes the AWS tools write:
 * `aws cloudformation` (`[{"ParameterKey": "K", "ParameterValue": "V"}]`), a CodePipeline template
 * configuration (`{"Parameters": {"K": "V"}}`), or a plain `{"K": "V"}` object.
 */
export function readParameterFile(cwd: string, file: string): Map<string, string> {
  let doc: unknown;
  try {
    doc = JSON.parse(readTextFile(resolve(cwd, file)));
  } catch (error) {
    const why: Bilingual = (error as NodeJS.ErrnoException).code ? cannotRead(error) : { en: 'not valid JSON', ja: 'JSON として読めません' };
    throw new UsageError({ en: `parameters file ${file}: ${why.en}`, ja: `パラメーターファイル ${file}: ${why.ja}` });
  }
  const out = new Map<string, string>();
  if (Array.isArray(doc)) {
    for (const entry of doc) {
      const e = entry as { ParameterKey?: unknown; ParameterValue?: unknown };
      if (typeof e?.ParameterKey !== 'string' || e.ParameterValue === undefined) throw new UsageError({ en: `parameters file ${file}: each entry needs ParameterKey and ParameterValue`, ja: `パラメーターファイル ${file}: 各要素に ParameterKey と ParameterValue が必要です` });
      out.set(e.ParameterKey, String(e.ParameterValue));
    }
    return out;
  }
  if (typeof doc !== 'object' || doc === null) throw new UsageError({ en: `parameters file ${file}: expected a list or an object`, ja: `パラメーターファイル ${file}: リストかオブジェクトを書いてください` });
  const values = 'Parameters' in doc && typeof doc.Parameters === 'object' && doc.Parameters !== null ? doc.Parameters : doc;
  for (const [k, v] of Object.entries(values)) out.set(k, Array.isArray(v) ? v.join(',') : String(v));
  return out;
}

/** `Key=Value` from `--parameter`. */
export function parseParameterAssignment(text: string): [string, string] {
  return parseAssignment('--parameter', text);
}

/** `Key=Value` from `--parameter` or `--var`. */
export function parseAssignment(flag: string, text: string): [string, string] {
  const eq = text.indexOf('=');
  // The text is not quoted: without its `=` it may be the value alone, a secret.
  if (eq <= 0) throw new UsageError({ en: `${flag} expects NAME=VALUE`, ja: `${flag} は NAME=VALUE の形で指定してください` });
  return [text.slice(0, eq), text.slice(eq + 1)];
}
