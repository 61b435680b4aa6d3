import { constants, isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { diagnostic, EMPTY_FILE, type Bilingual, type Diagnostic } from '../diagnostic.js';
import { loadCloudFormation } from './cloudformation/index.js';
import { NESTED_STACK_TYPE, nestedStackUnit, passedParameters, type StackOptions } from './cloudformation/template.js';
import { detectKind, isStoredTerraformState, SNIFF_LENGTH, unreadableReason, type FileKind } from './detect.js';
import type { DiscoveredFile } from './discover.js';
import { displayPath } from './display-path.js';
import { decodeUtf16, hasBom, notUtf8, utf16Order } from './encoding.js';
import { loadPulumiJson } from './pulumi/index.js';
import { loadTerraformJson } from './terraform-plan/index.js';
import type { LoadedUnit, LoadOptions } from './types.js';
import { formatSize, tooLarge } from './read-file.js';

/**
 * Files above this size are refused with a diagnostic rather than read into memory. A plan of
 * 100,000 existing resources, as Terraform writes it (every attribute, computed values included),
 * is about 350 MB; a 1 GB file is refused unless `--max-file-size` raises the limit.
 */
export const DEFAULT_MAX_FILE_SIZE = 512 * 1024 * 1024;

/**
 * Reads one file and loads it with the loader its content calls for; `undefined` when it is not
 * IaC (skipped silently unless it was named on the command line). A template is given `stack`:
 * the command line's parameters, or what the stack it is nested in passes it.
 */
export function loadFile(entry: DiscoveredFile, options: LoadOptions, stack: StackOptions = options): LoadedUnit | undefined {
  const file = displayPath(options.cwd, entry.path);
  const size = statSync(entry.path).size;
  const limit = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (size > limit) {
    return single('error', 'too-large', file, tooLarge(size, limit));
  }
  const head = readHead(entry.path, SNIFF_LENGTH);
  const utf16 = utf16Order(head);
  const reason = utf16 ? undefined : unreadableReason(head);
  if (reason === 'terraform-binary-plan') {
    const text = {
      en: 'this is a binary Terraform plan; convert it with `terraform show -json PLAN > plan.json` and scan that',
      ja: 'Terraform のバイナリ形式のプランです。`terraform show -json PLAN > plan.json` で JSON に変換し、それをスキャンしてください',
    };
    return entry.explicit ? single('error', 'binary-plan', file, text) : undefined;
  }
  // Only the head was looked at: a file that goes on past it is not empty.
  if (reason === 'binary' || (reason === 'empty' && size <= head.length)) {
    if (!entry.explicit) return undefined;
    return reason === 'empty'
      ? single('error', 'empty-file', file, EMPTY_FILE)
      : single('error', 'binary-file', file, { en: 'binary file, not IaC', ja: 'バイナリファイルで、IaC ではありません' });
  }
  const start = hasBom(head) ? 3 : 0;
  const headText = utf16 ? decodeUtf16(head, utf16) : head.toString('utf8', start);
  const kind = detectKind(headText);
  let unit: LoadedUnit | undefined;
  if (utf16 && kind !== undefined) {
    // Half the file's bytes in characters: under Node's longest string within the size limit.
    unit = loadKind(kind, decodeUtf16(readFileSync(entry.path), utf16), file, stack);
  } else if (kind === 'terraform-json') {
    unit = loadTerraformJson({ path: entry.path, start }, file);
  } else if (kind !== undefined && size - start > constants.MAX_STRING_LENGTH) {
    return single('error', 'too-large', file, {
      en: `file is ${formatSize(size)}: more than Node can hold as one string (${formatSize(constants.MAX_STRING_LENGTH)}), so it cannot be read as one document`,
      ja: `ファイルが ${formatSize(size)} あり、Node が 1 つの文字列として扱える大きさ（${formatSize(constants.MAX_STRING_LENGTH)}）を超えるため、1 つの文書として読めません`,
    });
  } else if (kind !== undefined) {
    const bytes = readFileSync(entry.path).subarray(start);
    const loaded = loadKind(kind, bytes.toString('utf8'), file, stack);
    unit = isUtf8(bytes) ? loaded : { ...loaded, diagnostics: [...loaded.diagnostics, notUtf8(file)] };
  }
  if (unit || !entry.explicit) return unit;
  if (isStoredTerraformState(headText)) {
    return single('error', 'stored-state', file, {
      en: 'this is a Terraform state as Terraform stores it; convert it with `terraform show -json terraform.tfstate > state.json` and scan that',
      ja: 'Terraform が保存する形式の state です。`terraform show -json terraform.tfstate > state.json` で JSON に変換し、それをスキャンしてください',
    });
  }
  return single('error', 'not-iac', file, {
    en: 'not a recognised IaC file (expected Terraform configuration or JSON from `terraform show -json`, a CloudFormation template, a CDK cloud assembly, or Pulumi JSON from `pulumi stack export` or `pulumi preview --json`)',
    ja: 'IaC のファイルとして認識できません（Terraform の構成か `terraform show -json` の JSON、CloudFormation テンプレート、CDK のクラウドアセンブリ、`pulumi stack export` か `pulumi preview --json` の Pulumi の JSON を読みます）',
  });
}

/** The first `length` bytes of a file (all of it if shorter). */
export function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.allocUnsafe(length);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < length; filled += n) n = readSync(fd, head, filled, length - filled, filled);
    return head.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/**
 * Loads IaC held in memory (a file's text, a template a test or a CDK app built), recognising its
 * format by content; `undefined` when it is no format sekisho reads. `file` is how findings name it.
 */
function loadText(text: string, file: string, options: StackOptions = {}): LoadedUnit | undefined {
  const kind = detectKind(text);
  return kind && loadKind(kind, text, file, options);
}

/** IaC held in memory, as `scanText` is given it. */
export interface TextSource {
  /** How findings name the source. */
  readonly file: string;
  readonly text: string;
  /** A CloudFormation template's stack name, where it is known: export names built from `AWS::StackName` then resolve. */
  readonly stackName?: string;
  /** A nested stack of a CDK app: the source of the stack it belongs to, and the logical ID of its resource there. */
  readonly nestedIn?: { readonly file: string; readonly logicalId: string };
}

/**
 * Sources held in memory, each loaded as `loadText` does, a nested stack after the stack it belongs
 * to and given what that stack passes it: its parameters, and its outputs linked to the parent's
 * `Fn::GetAtt [Stack, Outputs.Name]`, as in a CDK assembly.
 */
export function loadTexts(sources: readonly TextSource[], parameters: StackOptions['parameters']): (LoadedUnit | undefined)[] {
  const byFile = new Map(sources.map((s) => [s.file, s]));
  const nestedStacks = new Map<string, Set<string>>();
  for (const { nestedIn } of sources) if (nestedIn) nestedStacks.set(nestedIn.file, (nestedStacks.get(nestedIn.file) ?? new Set()).add(nestedIn.logicalId));
  const units = new Map<TextSource, LoadedUnit | undefined>();
  const load = (source: TextSource): LoadedUnit | undefined => {
    if (units.has(source)) return units.get(source);
    units.set(source, undefined); // a stack said to be nested in itself is then loaded as a stack of its own
    const { nestedIn } = source;
    const parent = nestedIn && byFile.get(nestedIn.file);
    const stack = nestedIn && parent && load(parent)?.nodes.find((n) => n.type === NESTED_STACK_TYPE && n.address === nestedIn.logicalId);
    const unit = loadText(source.text, source.file, {
      parameters: stack ? passedParameters(stack.properties['Parameters']) : parameters,
      stackName: source.stackName,
      nestedStacks: nestedStacks.get(source.file),
      nestedAs: stack ? nestedStackUnit(nestedIn.file, nestedIn.logicalId) : undefined,
    });
    units.set(source, unit);
    return unit;
  };
  return sources.map(load);
}

function loadKind(kind: FileKind, text: string, file: string, options: StackOptions): LoadedUnit {
  switch (kind) {
    case 'terraform-json':
      return loadTerraformJson(text, file);
    case 'cloudformation':
      return loadCloudFormation(text, file, options);
    case 'pulumi':
      return loadPulumiJson(text, file);
  }
}

export function single(level: Diagnostic['level'], code: string, file: string, message: Bilingual): LoadedUnit {
  return { nodes: [], edges: [], diagnostics: [diagnostic(level, code, file, message)] };
}
