import { dirname, join } from 'node:path';
import { cannotRead, diagnostic, InputError, inputErrorDiagnostic, type Bilingual, type Diagnostic, type DiagnosticLevel } from '../../diagnostic.js';
import { childEntry, lineOfEntry, type Edge, type ResourceNode } from '../../graph/resource.js';
import type { PropertyValue } from '../../graph/values.js';
import { parseTemplateText } from '../cloudformation/index.js';
import { linkImports } from '../cloudformation/imports.js';
import { loadTemplate, NESTED_STACK_TYPE, nestedStackUnit, passedParameters, type ParameterOverrides } from '../cloudformation/template.js';
import { displayPath } from '../display-path.js';
import { DEFAULT_MAX_FILE_SIZE } from '../file.js';
import { parseJson, parseJsonWithLines, type Json } from '../json-with-lines.js';
import type { LoadedUnit, LoadOptions, StackExport } from '../types.js';
import { assemblyRoot, confined, readAssemblyFile, type AssemblyRoot, type ConfinedPath } from './files.js';

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stages nest assemblies and nested stacks nest templates; real apps stay far below this. */
const MAX_DEPTH = 16;

/**
 * The templates one stack and its nested stacks may load: each template is read once per stack
 * (the CDK gives every nested stack its own), so this bounds the distinct files a stack's nesting
 * reaches. Each stack is loaded on its own (maybe on another thread), so the bound is per stack.
 */
const MAX_TEMPLATES = 1000;

/** How an assembly is read: `cwd` for the paths shown, `maxFileSize` for every file it lists. */
export type AssemblyOptions = Pick<LoadOptions, 'cwd' | 'maxFileSize'>;

/** One stack template of a cloud assembly, with what its manifest says about it: loaded on its own. */
export interface AssemblyStack {
  /** Its template, checked to lie inside the assembly. */
  readonly template: ConfinedPath;
  /** The assembly it belongs to: no file outside it is read. */
  readonly root: AssemblyRoot;
  /** The stack's unit: `cdk.out#ArtifactId`. */
  readonly unit: string;
  /** `StackName/`: what the stack's resource addresses start with. */
  readonly prefix: string;
  /** The name CloudFormation deploys the stack under: the manifest's `stackName`, else the artifact ID. */
  readonly stackName: string;
  /** Construct paths by logical ID, from the manifest's metadata. */
  readonly constructPaths: ReadonlyMap<string, string>;
  /** The asset manifests of its assembly, where nested stacks' templates are found when their resources do not say (`nestedTemplates`). */
  readonly assetManifests: readonly ConfinedPath[];
  /** What its manifest's environment fixes: the account, the Region and the Region's partition (`environmentPseudoParameters`). */
  readonly pseudoParameters: ReadonlyMap<string, string>;
}

/**
 * Loads a CDK cloud assembly (`cdk.out`): every stack template its `manifest.json` lists, the
 * nested stacks those templates point to through `aws:asset:path`, and nested assemblies (stages).
 * Addresses are `Stack/LogicalId`; findings show the construct path from `aws:cdk:path` metadata.
 */
export function loadCloudAssembly(manifestPath: string, options: AssemblyOptions): LoadedUnit {
  const listed = assemblyStacks(manifestPath, options);
  // Stacks refer to each other's resources through exports: resolved once every stack is loaded.
  const units = linkImports(listed.stacks.map((stack) => loadAssemblyStack(stack, options)));
  return {
    nodes: units.flatMap((u) => u.nodes),
    edges: units.flatMap((u) => u.edges),
    diagnostics: [...listed.diagnostics, ...units.flatMap((u) => u.diagnostics)],
  };
}

/** The stacks an assembly's manifests list, stages included, in the order they list them. */
export function assemblyStacks(manifestPath: string, options: AssemblyOptions): { stacks: AssemblyStack[]; diagnostics: Diagnostic[] } {
  const stacks: AssemblyStack[] = [];
  const diagnostics: Diagnostic[] = [];
  const show = (p: string): string => displayPath(options.cwd, p);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const read = <T>(path: string, parse: (text: string) => T): T | undefined => {
    try {
      return parse(readAssemblyFile(path, maxFileSize));
    } catch (error) {
      diagnostics.push(readFailure(show(path), error));
      return undefined;
    }
  };
  const root = assemblyRoot(dirname(manifestPath));
  // Real paths of the assembly directories read: a stage naming `.` (or an ancestor stage) is read once.
  const visited = new Set<string>();
  /** Real paths of the stack templates listed: the CDK gives each stack its own, so one listed again is read once. */
  const listedTemplates = new Set<string>();

  const visit = (dir: ConfinedPath, depth: number): void => {
    visited.add(dir.real);
    const path = join(dir.path, 'manifest.json');
    const manifest = read(path, parseJsonWithLines);
    if (manifest === undefined) return;
    const artifacts = isObject(manifest.value) ? manifest.value['artifacts'] : undefined;
    if (!isObject(artifacts)) {
      diagnostics.push(
        diagnostic(
          'error',
          'invalid-assembly',
          show(path),
          { en: 'not a CDK cloud assembly manifest: artifacts is missing', ja: 'CDK のクラウドアセンブリのマニフェストではありません: artifacts がありません' },
          // Where artifacts is written other than as a mapping; else the manifest's start.
          { line: manifest.lines.get('artifacts') ?? 1 },
        ),
      );
      return;
    }
    const lines = manifest.lines.under('artifacts').children;
    const assetManifests = Object.values(artifacts).flatMap((a) => {
      const file = isObject(a) && a['type'] === 'cdk:asset-manifest' && isObject(a['properties']) ? a['properties']['file'] : undefined;
      const confinedFile = typeof file === 'string' ? confined(root, dir.path, file) : undefined;
      return confinedFile ? [confinedFile] : [];
    });
    for (const [artifactId, artifact] of Object.entries(artifacts)) {
      const line = lineOfEntry(childEntry(lines, artifactId));
      const report = (level: DiagnosticLevel, code: string, message: Bilingual): void => void diagnostics.push(diagnostic(level, code, show(path), message, { line }));
      const problem = malformedArtifact(artifactId, artifact);
      if (problem) {
        report('error', 'invalid-assembly', problem);
        continue;
      }
      if (!isObject(artifact) || !isObject(artifact['properties'])) continue;
      const properties = artifact['properties'];
      if (artifact['type'] === 'aws:cloudformation:stack' && typeof properties['templateFile'] === 'string') {
        const template = confined(root, dir.path, properties['templateFile']);
        if (!template) {
          report('error', 'outside-assembly', outsideAssembly(`stack ${artifactId}: templateFile`, `スタック ${artifactId} の templateFile`, properties['templateFile']));
          continue;
        }
        if (listedTemplates.has(template.real)) {
          report('warning', 'template-listed-again', {
            en: `stack ${artifactId} names the template of a stack listed before; it is read once`,
            ja: `スタック ${artifactId} は、先に記載されたスタックと同じテンプレートを指しています。テンプレートは 1 回だけ読みます`,
          });
          continue;
        }
        listedTemplates.add(template.real);
        const name = typeof artifact['displayName'] === 'string' ? artifact['displayName'] : artifactId;
        // Newer assemblies (schema 44+) keep stack metadata in a file of its own.
        const metadataFile = artifact['additionalMetadataFile'];
        const metadataPath = typeof metadataFile === 'string' ? confined(root, dir.path, metadataFile) : undefined;
        if (typeof metadataFile === 'string' && !metadataPath) report('error', 'outside-assembly', outsideAssembly(`stack ${artifactId}: additionalMetadataFile`, `スタック ${artifactId} の additionalMetadataFile`, metadataFile));
        const metadata = metadataPath ? read(metadataPath.path, parseJson) : artifact['metadata'];
        const stackName = typeof properties['stackName'] === 'string' ? properties['stackName'] : artifactId;
        stacks.push({
          template,
          root,
          unit: `${show(dir.path)}#${artifactId}`,
          prefix: `${name}/`,
          stackName,
          constructPaths: logicalIdPaths(metadata),
          assetManifests,
          pseudoParameters: environmentPseudoParameters(artifact['environment']),
        });
      } else if (artifact['type'] === 'cdk:cloud-assembly' && typeof properties['directoryName'] === 'string' && depth < MAX_DEPTH) {
        const nested = confined(root, dir.path, properties['directoryName']);
        if (!nested) report('error', 'outside-assembly', outsideAssembly(`nested assembly ${artifactId}: directoryName`, `入れ子のアセンブリ ${artifactId} の directoryName`, properties['directoryName']));
        else if (visited.has(nested.real)) report('warning', 'assembly-cycle', { en: `nested assembly ${artifactId} names a directory already read; not read again`, ja: `入れ子のアセンブリ ${artifactId} は読み込み済みのディレクトリを指しています。再度は読みません` });
        else visit(nested, depth + 1);
      }
    }
  };
  visit({ path: root.dir, real: root.real }, 0);
  return { stacks, diagnostics };
}

/** What is wrong with a stack or nested assembly artifact that cannot be read, if anything. */
function malformedArtifact(id: string, artifact: Json): Bilingual | undefined {
  if (!isObject(artifact)) return { en: `artifact ${id} is not an object; not read`, ja: `アーティファクト ${id} がオブジェクトではありません。読みません` };
  const field = artifact['type'] === 'aws:cloudformation:stack' ? 'templateFile' : artifact['type'] === 'cdk:cloud-assembly' ? 'directoryName' : undefined;
  if (field === undefined) return undefined;
  const properties = artifact['properties'];
  if (!isObject(properties)) return { en: `artifact ${id} has no properties object; not read`, ja: `アーティファクト ${id} に properties のオブジェクトがありません。読みません` };
  if (typeof properties[field] !== 'string') return { en: `artifact ${id}: ${field} is not a string; not read`, ja: `アーティファクト ${id} の ${field} が文字列ではありません。読みません` };
  return undefined;
}

/** Why a path an assembly names is not read. The file itself is never opened, so nothing of it is shown. */
function outsideAssembly(en: string, ja: string, path: string): Bilingual {
  return { en: `${en} ${path} is outside the cloud assembly; not read`, ja: `${ja}「${path}」はクラウドアセンブリの外にあるため、読みません` };
}

/** One stack of an assembly: its template and the nested stacks it points to. */
export function loadAssemblyStack(stack: AssemblyStack, options: AssemblyOptions): LoadedUnit {
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  const exports: StackExport[] = [];
  const importing: string[] = [];
  const show = (p: string): string => displayPath(options.cwd, p);
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  let templates = 0;
  let capped = false;
  let fromAssets: ReadonlyMap<string, string> | undefined;
  /** Template files by the object key the CDK uploads them under, from the asset manifests, read once when needed. */
  const templateAssets = (): ReadonlyMap<string, string> =>
    (fromAssets ??= templatesByObjectKey(stack.assetManifests, maxFileSize, (path, error) => diagnostics.push(readFailure(show(path), error))));
  /** Real paths of the nested templates read: the CDK gives each nested stack its own, so one named again is read once. */
  const nestedRead = new Set<string>();
  let reusedTold = false;

  /** `chain`: the real paths of the templates from the stack's own down to this one. */
  /** `stackName`: known for the stack itself, not for the nested stacks, whose names CloudFormation makes up. */
  const loadStackTemplate = (
    template: ConfinedPath,
    chain: readonly string[],
    unit: string,
    prefix: string,
    constructPaths: ReadonlyMap<string, string>,
    parameters: ParameterOverrides | undefined,
    stackName: string | undefined,
  ): void => {
    templates += 1;
    let loaded: LoadedUnit;
    let nested: Map<string, PropertyValue | undefined>;
    try {
      const parsed = parseTemplateText(readAssemblyFile(template.path, maxFileSize));
      nested = nestedTemplates(parsed.value, templateAssets);
      loaded = loadTemplate({
        file: show(template.path),
        unit,
        addressPrefix: prefix,
        format: 'cdk',
        parsed,
        parameters,
        constructPaths,
        stackName,
        // A nested stack deploys where its parent does.
        pseudoParameters: stack.pseudoParameters,
        nestedStacks: new Set(nested.keys()),
        nestedAs: chain.length > 0 ? unit : undefined,
      });
    } catch (error) {
      diagnostics.push(readFailure(show(template.path), error));
      return;
    }
    nodes.push(...loaded.nodes);
    edges.push(...loaded.edges);
    diagnostics.push(...loaded.diagnostics);
    exports.push(...(loaded.exports ?? []));
    importing.push(...(loaded.importing ?? []));
    const here = [...chain, template.real];
    for (const node of loaded.nodes) {
      if (node.type !== NESTED_STACK_TYPE) continue;
      const logicalId = node.address.slice(prefix.length);
      const child = nestedTemplate(stack.root, template, logicalId, nested.get(logicalId), here);
      if ('problem' in child) {
        diagnostics.push(diagnostic(child.code === 'nested-template-missing' ? 'warning' : 'error', child.code, show(template.path), child.problem, { line: node.source.line }));
      } else if (nestedRead.has(child.real)) {
        const text = {
          en: `nested stack ${logicalId} names the template of another nested stack of this stack; a template is read once per stack (further such nested stacks are not reported)`,
          ja: `入れ子のスタック ${logicalId} は、このスタックの別の入れ子のスタックと同じテンプレートを指しています。テンプレートはスタックごとに 1 回だけ読みます（同様の入れ子のスタックはこれ以上報告しません）`,
        };
        if (!reusedTold) diagnostics.push(diagnostic('warning', 'template-listed-again', show(template.path), text, { line: node.source.line }));
        reusedTold = true;
      } else if (templates >= MAX_TEMPLATES) {
        const text = { en: `the stack's nested stacks load more than ${MAX_TEMPLATES} templates; the rest are not read`, ja: `このスタックの入れ子のスタックが読み込むテンプレートが ${MAX_TEMPLATES} 個を超えました。残りは読みません` };
        if (!capped) diagnostics.push(diagnostic('warning', 'too-many-templates', show(stack.template.path), text));
        capped = true;
        return;
      } else {
        nestedRead.add(child.real);
        loadStackTemplate(child, here, nestedStackUnit(unit, logicalId), `${prefix}${logicalId}/`, new Map(), passedParameters(node.properties['Parameters']), undefined);
      }
    }
  };

  loadStackTemplate(stack.template, [], stack.unit, stack.prefix, stack.constructPaths, undefined, stack.stackName);
  return { nodes, edges, diagnostics, ...(exports.length > 0 && { exports }), ...(importing.length > 0 && { importing }) };
}

/**
 * The pseudo parameters a stack's environment fixes: `aws://123456789012/eu-west-1` for a stack
 * given an account and Region (`env`), which `cdk deploy` deploys there and nowhere else. An
 * environment-agnostic stack (`aws://unknown-account/unknown-region`) fixes none. The partition
 * and URL suffix follow from the Region where its name says it: `cn-` Regions are `aws-cn`,
 * `us-gov-` ones `aws-us-gov`, the commercial geographies `aws`; others (the ISO and sovereign
 * partitions) are left unknown.
 */
export function environmentPseudoParameters(environment: Json | undefined): ReadonlyMap<string, string> {
  const m = typeof environment === 'string' ? /^aws:\/\/([^/]*)\/(.*)$/.exec(environment) : null;
  const out = new Map<string, string>();
  if (!m) return out;
  const account = m[1]!;
  const region = m[2]!;
  if (/^\d{12}$/.test(account)) out.set('AWS::AccountId', account);
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return out;
  out.set('AWS::Region', region);
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : /^(af|ap|ca|eu|il|me|mx|sa|us)-[a-z]+-\d+$/.test(region) ? 'aws' : undefined;
  if (partition === undefined) return out;
  out.set('AWS::Partition', partition);
  out.set('AWS::URLSuffix', partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com');
  return out;
}

/** The metadata by which `cdk synth` names a nested stack's template in the assembly. */
const ASSET_PATH = 'aws:asset:path';

/**
 * The template of each nested stack of a template, as the assembly names it: the resource's
 * `aws:asset:path` metadata, else (an app synthesized without asset metadata, as `cdk synth
 * --no-asset-metadata` and a bare `app.synth()` write it) the file an asset manifest uploads under
 * the object key its `TemplateURL` ends with; `undefined` when neither says.
 */
function nestedTemplates(template: Json, assets: () => ReadonlyMap<string, string>): Map<string, PropertyValue | undefined> {
  const out = new Map<string, PropertyValue | undefined>();
  const resources = isObject(template) ? template['Resources'] : undefined;
  if (!isObject(resources)) return out;
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource['Type'] !== NESTED_STACK_TYPE) continue;
    const metadata = resource['Metadata'];
    if (isObject(metadata) && metadata[ASSET_PATH] !== undefined) {
      out.set(logicalId, metadata[ASSET_PATH] as PropertyValue);
      continue;
    }
    const url = isObject(resource['Properties']) ? resource['Properties']['TemplateURL'] : undefined;
    const key = url === undefined ? undefined : objectKey(url);
    out.set(logicalId, key === undefined ? undefined : assets().get(key));
  }
  return out;
}

/** A URL longer than this is no template's (CDK's are about 200 characters). */
const MAX_TEMPLATE_URL = 4096;

/**
 * The object key a `TemplateURL` ends with, built with Fn::Join or Fn::Sub around the bucket: the
 * last `….json` in it, back to the `/` or the quote before it.
 */
function objectKey(url: Json): string | undefined {
  const text = JSON.stringify(url);
  if (text.length > MAX_TEMPLATE_URL) return undefined;
  const end = text.lastIndexOf('.json"');
  if (end === -1) return undefined;
  let start = end;
  while (start > 0 && text[start - 1] !== '/' && text[start - 1] !== '"') start--;
  return start === end ? undefined : text.slice(start, end + '.json'.length);
}

/** The files of the asset manifests, by the object key each is uploaded under. */
function templatesByObjectKey(manifests: readonly ConfinedPath[], maxFileSize: number, failed: (path: string, error: unknown) => void): Map<string, string> {
  const out = new Map<string, string>();
  for (const manifest of manifests) {
    let files: Json | undefined;
    try {
      const parsed = parseJson(readAssemblyFile(manifest.path, maxFileSize));
      files = isObject(parsed) ? parsed['files'] : undefined;
    } catch (error) {
      failed(manifest.path, error);
      continue;
    }
    for (const file of isObject(files) ? Object.values(files) : []) {
      const path = isObject(file) && isObject(file['source']) ? file['source']['path'] : undefined;
      if (typeof path !== 'string' || !isObject(file) || !isObject(file['destinations'])) continue;
      for (const destination of Object.values(file['destinations'])) {
        if (isObject(destination) && typeof destination['objectKey'] === 'string') out.set(destination['objectKey'], path);
      }
    }
  }
  return out;
}

/**
 * The template a nested stack's asset path names, or why it is not read: not found in the
 * assembly, not a path, outside the assembly, one of the templates that contain it (which would
 * nest itself without end), or nested too deep.
 */
function nestedTemplate(root: AssemblyRoot, parent: ConfinedPath, logicalId: string, assetPath: PropertyValue | undefined, chain: readonly string[]): ConfinedPath | { code: string; problem: Bilingual } {
  if (assetPath === undefined) {
    return {
      code: 'nested-template-missing',
      problem: {
        en: `nested stack ${logicalId}: the cloud assembly does not say which of its files is the template (no aws:asset:path metadata, no asset manifest entry for its TemplateURL); its resources are not checked`,
        ja: `入れ子のスタック ${logicalId} のテンプレートがクラウドアセンブリのどのファイルか分かりません（aws:asset:path メタデータも、TemplateURL に対応するアセットマニフェストのエントリもありません）。そのリソースは検査していません`,
      },
    };
  }
  if (typeof assetPath !== 'string') {
    return { code: 'invalid-asset-path', problem: { en: `nested stack ${logicalId}: aws:asset:path is not a string; its template is not read`, ja: `入れ子のスタック ${logicalId} の aws:asset:path が文字列ではありません。そのテンプレートは読みません` } };
  }
  const nested = confined(root, dirname(parent.path), assetPath);
  // The path comes from the resource's aws:asset:path or from an asset manifest: said without naming either.
  if (!nested) return { code: 'outside-assembly', problem: outsideAssembly(`nested stack ${logicalId}: the template path`, `入れ子のスタック ${logicalId} のテンプレートのパス`, assetPath) };
  if (chain.includes(nested.real)) {
    return { code: 'nested-stack-cycle', problem: { en: `nested stack ${logicalId} leads back to ${assetPath}, a template that contains it; not followed`, ja: `入れ子のスタック ${logicalId} は、自身を含むテンプレート ${assetPath} に戻ります。たどりません` } };
  }
  if (chain.length >= MAX_DEPTH) {
    return { code: 'too-deep', problem: { en: `nested stack ${logicalId} is nested more than ${MAX_DEPTH} levels deep; its template is not read`, ja: `入れ子のスタック ${logicalId} は ${MAX_DEPTH} 階層より深く入れ子になっています。そのテンプレートは読みません` } };
  }
  return nested;
}

/** Construct paths by logical ID, from the `aws:cdk:logicalId` entries of a stack's manifest metadata. */
function logicalIdPaths(metadata: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isObject(metadata)) return out;
  for (const [path, entries] of Object.entries(metadata)) {
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) {
      if (isObject(entry) && entry['type'] === 'aws:cdk:logicalId' && typeof entry['data'] === 'string') out.set(entry['data'], path);
    }
  }
  return out;
}


function readFailure(file: string, error: unknown): Diagnostic {
  if (error instanceof InputError) return inputErrorDiagnostic(file, error);
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  return diagnostic('error', 'unreadable', file, missing ? { en: 'file listed in the cloud assembly is missing', ja: 'クラウドアセンブリに記載されたファイルがありません' } : cannotRead(error));
}
