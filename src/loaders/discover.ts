import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { cannotRead, diagnostic, NOT_REGULAR_FILE, type Diagnostic } from '../diagnostic.js';
import { displayPath } from './display-path.js';
import { localModuleSources } from './terraform-hcl/sources.js';
import { readTextFile } from './read-file.js';

/** What discovery hands to loading: files to read (format decided by content) and CDK assemblies. */
export interface Discovered {
  readonly files: readonly DiscoveredFile[];
  /** CDK cloud assemblies, by their `manifest.json`. */
  readonly assemblies: readonly DiscoveredFile[];
  /**
   * Root Terraform modules: directories holding `.tf`/`.tf.json` files, less those another found
   * module calls by a local path (they are loaded through the call, with its inputs bound).
   */
  readonly modules: readonly DiscoveredFile[];
  /** The directories given on the command line: each should hold some IaC. */
  readonly directories: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface DiscoveredFile {
  readonly path: string;
  /** Named on the command line: a file that is not IaC is then reported, not skipped. */
  readonly explicit: boolean;
  /** The directory given on the command line that the walk found it in. */
  readonly root?: string;
}

/** Directories that never hold the user's own IaC sources. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform', '.venv', '__pycache__']);
/** Extensions worth opening when walking a directory; anything else is skipped silently. */
const CANDIDATE_EXTENSIONS = /\.(json|ya?ml|template)$/i;
/** Terraform configuration, read as a module (its directory) rather than file by file. */
const TERRAFORM_FILE = /\.tf(\.json)?$/;

interface IgnoreScope {
  readonly dir: string;
  readonly rules: Ignore;
}

/**
 * Walks the paths given on the command line: directories recursively (honouring `.gitignore` from
 * the repository root down, and never following a symlink back into a directory already walked),
 * files as given. A directory holding a CDK `manifest.json` is one cloud assembly; one holding
 * `.tf` files is a Terraform module (`.terraform/` is never walked: the loader reads its
 * `modules/modules.json` itself). A `.tf` file named on the command line stands for its module.
 */
export function discover(paths: readonly string[], cwd: string): Discovered {
  const files: DiscoveredFile[] = [];
  const assemblies: DiscoveredFile[] = [];
  const modules = new Map<string, DiscoveredFile>();
  const directories: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<string>();

  const walk = (root: string, dir: string, scopes: readonly IgnoreScope[]): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a symlink loop, or a directory reached twice
    visited.add(real);
    if (isCloudAssembly(dir)) {
      assemblies.push({ path: join(dir, 'manifest.json'), explicit: false, root });
      return;
    }
    const own = readGitignore(dir);
    const active = own ? [...scopes, own] : scopes;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      diagnostics.push(diagnostic('error', 'unreadable', displayPath(cwd, dir), { en: `cannot read directory (${code})`, ja: `ディレクトリを読み込めません（${code}）` }));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(path);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir && SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (isIgnored(active, path, isDir) && !(isDir && isCdkOutput(dir, entry.name))) continue;
      if (isDir) walk(root, path, active);
      else if (isFile && TERRAFORM_FILE.test(entry.name)) {
        if (!modules.has(dir)) modules.set(dir, { path: dir, explicit: false, root });
      } else if (isFile && CANDIDATE_EXTENSIONS.test(entry.name)) files.push({ path, explicit: false, root });
    }
  };

  for (const given of paths) {
    const path = resolve(cwd, given);
    let isDir: boolean;
    let isFile: boolean;
    try {
      const st = statSync(path);
      isDir = st.isDirectory();
      isFile = st.isFile();
    } catch {
      diagnostics.push(diagnostic('error', 'not-found', given, { en: 'no such file or directory', ja: '指定されたファイルまたはディレクトリがありません' }));
      continue;
    }
    if (!isDir && !isFile) {
      diagnostics.push(diagnostic('error', 'unreadable', given, cannotRead({ code: NOT_REGULAR_FILE })));
      continue;
    }
    if (!isDir) {
      if (basename(path) === 'manifest.json' && isCloudAssembly(dirname(path))) assemblies.push({ path, explicit: true });
      else if (TERRAFORM_FILE.test(path)) modules.set(dirname(path), { path: dirname(path), explicit: true });
      else files.push({ path, explicit: true });
      continue;
    }
    directories.push(path);
    walk(path, path, parentIgnoreScopes(path));
    // A directory named on the command line that holds `.tf` files is a root module, called or not.
    const own = modules.get(path);
    if (own) modules.set(path, { ...own, explicit: true });
  }
  return { files, assemblies, modules: rootModules([...modules.values()]), directories, diagnostics };
}

/** The modules no other found module calls by a local path. Named ones are always roots. */
function rootModules(found: readonly DiscoveredFile[]): DiscoveredFile[] {
  const called = new Set<string>();
  for (const m of found) for (const dir of localModuleSources(m.path)) if (dir !== m.path) called.add(dir);
  return found.filter((m) => m.explicit || !called.has(m.path));
}

/**
 * The cloud assembly a CDK app in `dir` synthesizes into (`cdk.out`, or the `output` its `cdk.json`
 * names): scanned though `cdk init`'s `.gitignore` lists it, since it is what the app deploys.
 */
function isCdkOutput(dir: string, name: string): boolean {
  let config: unknown;
  try {
    config = JSON.parse(readTextFile(join(dir, 'cdk.json')));
  } catch {
    return false;
  }
  const output = (config as { output?: unknown } | null)?.output;
  return name === (typeof output === 'string' ? output : 'cdk.out') && isCloudAssembly(join(dir, name));
}

/** A CDK cloud assembly directory: a `manifest.json` that lists `artifacts`. */
function isCloudAssembly(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  try {
    const head = readTextFile(manifest).slice(0, 65_536);
    return /"artifacts"\s*:/.test(head) && /"version"\s*:/.test(head);
  } catch {
    return false;
  }
}

function readGitignore(dir: string): IgnoreScope | undefined {
  const file = join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  try {
    return { dir, rules: ignore().add(readTextFile(file)) };
  } catch {
    return undefined;
  }
}

/**
 * `.gitignore` files from the enclosing repository's root down to (not including) `dir`. One that
 * ignores `dir` itself is left out: naming an ignored directory (`cdk.out`) asks for it to be scanned.
 */
function parentIgnoreScopes(dir: string): IgnoreScope[] {
  const chain: string[] = [];
  for (let d = dirname(dir); ; d = dirname(d)) {
    chain.unshift(d);
    if (existsSync(join(d, '.git')) || dirname(d) === d) break;
  }
  if (!existsSync(join(chain[0]!, '.git'))) return []; // not inside a repository
  return chain.map(readGitignore).filter((s): s is IgnoreScope => s !== undefined && !isIgnored([s], dir, true));
}

function isIgnored(scopes: readonly IgnoreScope[], path: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = relative(scope.dir, path).split(sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    if (scope.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}
