import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isArray, isObject, type JsonValue } from '../terraform-plan/schema.js';
import type { ModuleConfig } from './config.js';
import { parseFiles } from './parse.js';
import type { ModuleTree } from './modules.js';

/** `terraform init` writes it in the root module; a lock file this large is no lock file. */
const LOCK_FILE = '.terraform.lock.hcl';
const MAX_LOCK_FILE_SIZE = 1 << 20;

/**
 * The major version of each provider (by type: `aws`, `google`, `azurerm`) a root module is
 * planned with, where its sources pin it: the version `terraform init` recorded in
 * `.terraform.lock.hcl`, else the `required_providers` constraints of the root module and the
 * modules it calls when together they allow one major version only. A default that changed
 * between major versions of a provider (Redshift's `publicly_accessible` in the AWS provider v6)
 * is decided by it; without it, that default is unknown.
 */
export function providerMajorVersions(tree: ModuleTree): ReadonlyMap<string, number> {
  const locked = lockedVersions(tree.rootDir);
  const out = new Map<string, number>();
  const constrained = new Map<string, MajorRange>();
  for (const module of [tree.root, ...tree.calls.values()]) {
    for (const [type, constraint] of requiredProviders(module)) {
      const range = constraintRange(constraint);
      const before = constrained.get(type) ?? ANY_MAJOR;
      constrained.set(type, range ? { low: Math.max(before.low, range.low), high: Math.min(before.high, range.high) } : before);
    }
  }
  for (const [type, range] of constrained) if (range.low === range.high) out.set(type, range.low);
  for (const [type, major] of locked) out.set(type, major);
  return out;
}

/** Major versions allowed: `low` to `high`, both included. */
interface MajorRange {
  readonly low: number;
  readonly high: number;
}

const ANY_MAJOR: MajorRange = { low: 0, high: Infinity };

/** `provider "registry.terraform.io/hashicorp/aws" { version = "5.94.1" }` blocks of the lock file. */
function lockedVersions(rootDir: string): Map<string, number> {
  const out = new Map<string, number>();
  const path = join(rootDir, LOCK_FILE);
  let text: string;
  try {
    // A regular file only: a FIFO or a device named so would never end.
    const stat = statSync(path);
    if (!stat.isFile() || stat.size > MAX_LOCK_FILE_SIZE) return out;
    text = readFileSync(path, 'utf8');
  } catch {
    return out; // no lock file: the project has not been initialised, or does not commit it
  }
  const [parsed] = parseFiles([{ path, file: LOCK_FILE, text }]);
  for (const block of blocks(parsed?.body?.['provider'])) {
    for (const [address, bodies] of Object.entries(block)) {
      const body = isArray(bodies) ? bodies[0] : bodies;
      const version = isObject(body) ? body['version'] : undefined;
      const major = typeof version === 'string' ? /^(\d+)\./.exec(version)?.[1] : undefined;
      if (major !== undefined) out.set(providerType(address), Number(major));
    }
  }
  return out;
}

/** `terraform { required_providers { aws = { source = "hashicorp/aws", version = "~> 5.0" } } }`, by provider type. */
function requiredProviders(module: ModuleConfig): [string, string][] {
  const out: [string, string][] = [];
  for (const file of module.files) {
    for (const terraform of blocks(file.body?.['terraform'])) {
      for (const required of blocks(terraform['required_providers'])) {
        for (const [localName, spec] of Object.entries(required)) {
          if (!isObject(spec) || typeof spec['version'] !== 'string') continue;
          const source = typeof spec['source'] === 'string' ? spec['source'] : localName;
          out.push([providerType(source), spec['version']]);
        }
      }
    }
  }
  return out;
}

const blocks = (v: JsonValue | undefined): Record<string, JsonValue>[] => (isArray(v) ? v.filter(isObject) : isObject(v) ? [v] : []);

/** `registry.terraform.io/hashicorp/aws`, `hashicorp/aws`, `aws` → `aws`. */
const providerType = (source: string): string => source.slice(source.lastIndexOf('/') + 1).toLowerCase();

/**
 * The major versions a version constraint allows (`~> 5.0`, `>= 5.0, < 6.0`, `5.31.0`), or
 * `undefined` when it cannot be read. `~>` lets only the rightmost component written grow: `~> 5.0`
 * stays on 5, `~> 5` does not.
 */
export function constraintRange(constraint: string): MajorRange | undefined {
  let { low, high } = ANY_MAJOR;
  for (const part of constraint.split(',')) {
    const m = /^\s*(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:[-+][0-9A-Za-z.+-]*)?\s*$/.exec(part);
    if (!m) return undefined;
    const major = Number(m[2]);
    const minorOrPatch = m[3] !== undefined || m[4] !== undefined;
    const above = Number(m[3] ?? 0) > 0 || Number(m[4] ?? 0) > 0;
    switch (m[1] ?? '=') {
      case '=':
        low = Math.max(low, major);
        high = Math.min(high, major);
        break;
      case '>=':
      case '>':
        low = Math.max(low, major);
        break;
      case '<=':
        high = Math.min(high, major);
        break;
      case '<':
        // `< 6.0` ends before 6; `< 6.1` lets 6.0 in.
        high = Math.min(high, above ? major : major - 1);
        break;
      case '~>':
        low = Math.max(low, major);
        if (minorOrPatch) high = Math.min(high, major);
        break;
      default: // `!=` excludes one version, not a major
    }
  }
  return low <= high ? { low, high } : undefined;
}
