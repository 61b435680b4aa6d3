import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cannotRead, diagnostic, type Bilingual, type Diagnostic } from '../../diagnostic.js';
import { displayPath } from '../display-path.js';
import { isArray, isObject } from '../terraform-plan/schema.js';
import { moduleConfig, type ModuleConfig } from './config.js';
import { parseFiles, type SourceText } from './parse.js';
import { withoutUrlCredentials } from '../../redact.js';
import { isRegularFile, readTextFile, tooLarge } from '../read-file.js';

/** Modules nest deeper than this only by calling themselves. */
const MAX_MODULE_DEPTH = 16;
/** Module calls followed in one configuration, at most: calls that fan out at every level multiply. */
const MAX_MODULE_CALLS = 20_000;

/** Every module a root module calls, found and parsed before anything is evaluated. */
export interface ModuleTree {
  readonly rootDir: string;
  readonly root: ModuleConfig;
  /** The configuration a call leads to, by module key (`network`, `app.storage`); absent when not inspected. */
  readonly calls: ReadonlyMap<string, ModuleConfig>;
  /** The keys of the calls to a registry or Git source `terraform init` has not installed (`module-not-inspected`). */
  readonly notInstalled: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface TreeOptions {
  readonly cwd: string;
  readonly maxFileSize: number;
}

/** Whether a file name is Terraform configuration. */
export const isTerraformFile = (name: string): boolean => name.endsWith('.tf') || name.endsWith('.tf.json');

/** The `.tf` and `.tf.json` files of one directory (not its subdirectories), sorted. */
export function terraformFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => (e.isFile() || (e.isSymbolicLink() && isRegularFile(join(dir, e.name)))) && isTerraformFile(e.name))
      .map((e) => join(dir, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A module source as diagnostics show it, without the credentials a URL may carry: the user and
 * password (`git::https://user:token@host/…`) and query values other than `ref` (a signed S3 URL).
 */
export function shownSource(source: string): string {
  return withoutQueryValues(withoutUrlCredentials(source));
}

// Each query value but `ref`'s as `…`: what `/([?&])(?!ref=)([^=&#]+)=[^&#]*/g` replaced by
// `$1$2=…`, by a scan reading each character once. The pattern looked for an `=` again from each
// `?` of a name, in time quadratic in a long source of `?` without `=`.
function withoutQueryValues(source: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < source.length; i++) {
    if ((source[i] !== '?' && source[i] !== '&') || source.startsWith('ref=', i + 1)) continue;
    let eq = i + 1;
    while (eq < source.length && source[eq] !== '=' && source[eq] !== '&' && source[eq] !== '#') eq++;
    // No name, or none ending in `=`: nor has any `?` within it, whose name ends at the same place.
    if (eq === i + 1 || source[eq] !== '=') {
      i = eq - 1;
      continue;
    }
    let end = eq + 1;
    while (end < source.length && source[end] !== '&' && source[end] !== '#') end++;
    out += `${source.slice(last, eq + 1)}…`;
    last = end;
    i = end - 1;
  }
  return out + source.slice(last);
}

/** Parses a root module and every module it calls, local ones by path and others from `.terraform/modules`. */
export function loadModuleTree(rootDir: string, options: TreeOptions): ModuleTree {
  const diagnostics: Diagnostic[] = [];
  const configs = new Map<string, ModuleConfig>();
  const installed = installedModules(rootDir);
  const reported = new Set<string>();
  let limitReported = false;
  const calls = new Map<string, ModuleConfig>();
  const notInstalled = new Set<string>();

  const load = (dir: string): ModuleConfig => {
    let config = configs.get(dir);
    if (!config) {
      config = readModule(dir, options, diagnostics);
      configs.set(dir, config);
    }
    return config;
  };

  /** `callers`: the real directories of the modules whose calls led here (a symlink may lead back), the root's first and this one's last. */
  const visit = (config: ModuleConfig, prefix: string, callers: readonly string[]): void => {
    if (callers.length > MAX_MODULE_DEPTH + 1) return;
    for (const [name, call] of config.calls) {
      const key = prefix === '' ? name : `${prefix}.${name}`;
      const source = call.body['source'];
      if (typeof source !== 'string') continue;
      const dir = moduleDirectory(source, config.dir, key, installed);
      const where = { line: call.source?.line };
      if (calls.size === MAX_MODULE_CALLS) {
        if (limitReported) return;
        limitReported = true;
        const text = {
          en: `the modules call more than ${MAX_MODULE_CALLS} modules: the calls past them are not scanned`,
          ja: `モジュールの呼び出しが ${MAX_MODULE_CALLS} を超えています。それより後の呼び出しはスキャンしていません`,
        };
        diagnostics.push(diagnostic('warning', 'module-limit', call.file.file, text, where));
        return;
      }
      if (dir === undefined) {
        notInstalled.add(key);
        if (!reported.has(source)) {
          reported.add(source);
          const text = {
            en: `module source ${JSON.stringify(shownSource(source))} is not installed: its resources are not scanned (run \`terraform init\` to fetch it)`,
            ja: `モジュールのソース ${JSON.stringify(shownSource(source))} がインストールされていないため、そのリソースはスキャンしていません（\`terraform init\` を実行してモジュールを取得してから再度スキャンしてください）`,
          };
          diagnostics.push(diagnostic('warning', 'module-not-inspected', call.file.file, text, where));
        }
        continue;
      }
      const real = realDirectory(dir);
      if (callers.includes(real)) {
        const text = {
          en: `module ${key} calls a module that leads back to itself (${JSON.stringify(shownSource(source))}): Terraform cannot load it, and it is not followed`,
          ja: `モジュール ${key} の呼び出し先（${JSON.stringify(shownSource(source))}）をたどると自分自身に戻ります。Terraform はこの構成を読み込めないため、この呼び出しはたどっていません`,
        };
        diagnostics.push(diagnostic('error', 'module-cycle', call.file.file, text, where));
        continue;
      }
      if (terraformFiles(dir).length === 0) {
        diagnostics.push(diagnostic('warning', 'module-not-found', call.file.file, moduleNotFound(shownSource(source), existsSync(dir) ? undefined : displayPath(options.cwd, dir)), where));
        continue;
      }
      const child = load(dir);
      calls.set(key, child);
      visit(child, key, [...callers, real]);
    }
  };

  const root = load(rootDir);
  visit(root, '', [realDirectory(rootDir)]);
  return { rootDir, root, calls, notInstalled, diagnostics };
}

/**
 * Why a local module call is not followed: its directory holds no Terraform files, or (`missing`,
 * the directory as shown) there is no such directory, which `terraform init` refuses too.
 */
function moduleNotFound(source: string, missing: string | undefined): Bilingual {
  const shown = JSON.stringify(source);
  if (missing === undefined) {
    return {
      en: `module source ${shown} has no .tf files: its resources are not scanned`,
      ja: `モジュールのソース ${shown} に .tf ファイルがないため、そのリソースはスキャンしていません`,
    };
  }
  return {
    en: `module source ${shown} names a directory that does not exist (${missing}): terraform init fails on it, and its resources are not scanned`,
    ja: `モジュールのソース ${shown} が指すディレクトリ（${missing}）が存在しません。terraform init もこの呼び出しで失敗します。そのリソースはスキャンしていません`,
  };
}

/** A directory with symlinks resolved; as given when it cannot be (it is missing: the load says so). */
function realDirectory(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

/**
 * Where a module's source is on disk: a local path relative to the calling module, else the
 * directory `terraform init` recorded for the call's key in `.terraform/modules/modules.json`.
 */
function moduleDirectory(source: string, callerDir: string, key: string, installed: ReadonlyMap<string, string>): string | undefined {
  if (isLocalSource(source)) return resolve(callerDir, source);
  const dir = installed.get(key);
  return dir !== undefined && existsSync(dir) ? dir : undefined;
}

export function isLocalSource(source: string): boolean {
  return source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';
}

/** `.terraform/modules/modules.json`: `{"Modules": [{"Key": "vpc", "Source": "…", "Dir": ".terraform/modules/vpc"}]}`. */
export function installedModules(rootDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(rootDir, '.terraform', 'modules', 'modules.json');
  if (!existsSync(file)) return out;
  try {
    const doc: unknown = JSON.parse(readTextFile(file));
    const modules = isObject(doc) ? doc['Modules'] : undefined;
    for (const m of isArray(modules) ? modules : []) {
      if (isObject(m) && typeof m['Key'] === 'string' && typeof m['Dir'] === 'string' && m['Key'] !== '') out.set(m['Key'], resolve(rootDir, m['Dir']));
    }
  } catch {
    // An unreadable modules.json is as good as none: the calls are reported as not inspected.
  }
  return out;
}

/** Reads and parses the Terraform files of one directory. */
function readModule(dir: string, options: TreeOptions, diagnostics: Diagnostic[]): ModuleConfig {
  const sources: SourceText[] = [];
  for (const path of terraformFiles(dir)) {
    const file = displayPath(options.cwd, path);
    try {
      const size = statSync(path).size;
      if (size > options.maxFileSize) {
        diagnostics.push(diagnostic('error', 'too-large', file, tooLarge(size, options.maxFileSize)));
        continue;
      }
      sources.push({ path, file, text: readTextFile(path) });
    } catch (error) {
      diagnostics.push(diagnostic('error', 'unreadable', file, cannotRead(error)));
    }
  }
  return moduleConfig(dir, parseFiles(sources));
}
