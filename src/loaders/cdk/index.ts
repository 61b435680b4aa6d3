import { dirname, join, resolve } from 'node:path';
import { cannotRead, diagnostic, InputError, inputErrorDiagnostic, type Diagnostic } from '../../diagnostic.js';
import type { Edge, ResourceNode } from '../../graph/resource.js';
import { isMap, type PropertyValue } from '../../graph/values.js';
import { parseTemplateText } from '../cloudformation/index.js';
import { loadTemplate } from '../cloudformation/template.js';
import { displayPath } from '../display-path.js';
import { parseJson, type Json } from '../json-with-lines.js';
import type { LoadedUnit } from '../types.js';
import { readTextFile } from '../read-file.js';

type JsonObject = { [key: string]: Json };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stages nest assemblies and nested stacks nest templates; real apps stay far below this. */
const MAX_DEPTH = 16;

/** One stack template of a cloud assembly, with what its manifest says about it: loaded on its own. */
export interface AssemblyStack {
  readonly templatePath: string;
  /** The stack's unit: `cdk.out#ArtifactId`. */
  readonly unit: string;
  /** `StackName/`: what the stack's resource addresses start with. */
  readonly prefix: string;
  /** Construct paths by logical ID, from the manifest's metadata. */
  readonly constructPaths: ReadonlyMap<string, string>;
}

/**
 * Loads a CDK cloud assembly (`cdk.out`): every stack template its `manifest.json` lists, the
 * nested stacks those templates point to through `aws:asset:path`, and nested assemblies (stages).
 * Addresses are `Stack/LogicalId`; findings show the construct path from `aws:cdk:path` metadata.
 */
export function loadCloudAssembly(manifestPath: string, cwd: string): LoadedUnit {
  const listed = assemblyStacks(manifestPath, cwd);
  const units = listed.stacks.map((stack) => loadAssemblyStack(stack, cwd));
  return {
    nodes: units.flatMap((u) => u.nodes),
    edges: units.flatMap((u) => u.edges),
    diagnostics: [...listed.diagnostics, ...units.flatMap((u) => u.diagnostics)],
  };
}

/** The stacks an assembly's manifests list, stages included, in the order they list them. */
export function assemblyStacks(manifestPath: string, cwd: string): { stacks: AssemblyStack[]; diagnostics: Diagnostic[] } {
  const stacks: AssemblyStack[] = [];
  const diagnostics: Diagnostic[] = [];
  const show = (p: string): string => displayPath(cwd, p);
  const readJson = (path: string): Json | undefined => {
    try {
      return parseJson(readTextFile(path)) as Json;
    } catch (error) {
      diagnostics.push(readFailure(show(path), error));
      return undefined;
    }
  };

  const visit = (path: string, depth: number): void => {
    const manifest = readJson(path);
    if (manifest === undefined) return;
    const artifacts = isObject(manifest) ? manifest['artifacts'] : undefined;
    if (!isObject(artifacts)) {
      diagnostics.push(
        diagnostic('error', 'invalid-assembly', show(path), { en: 'not a CDK cloud assembly manifest: artifacts is missing', ja: 'CDK のクラウドアセンブリのマニフェストではありません: artifacts がありません' }),
      );
      return;
    }
    const dir = dirname(path);
    for (const [artifactId, artifact] of Object.entries(artifacts)) {
      if (!isObject(artifact) || !isObject(artifact['properties'])) continue;
      const properties = artifact['properties'];
      if (artifact['type'] === 'aws:cloudformation:stack' && typeof properties['templateFile'] === 'string') {
        const name = typeof artifact['displayName'] === 'string' ? artifact['displayName'] : artifactId;
        // Newer assemblies (schema 44+) keep stack metadata in a file of its own.
        const metadataFile = artifact['additionalMetadataFile'];
        const metadata = typeof metadataFile === 'string' ? readJson(resolve(dir, metadataFile)) : artifact['metadata'];
        stacks.push({ templatePath: resolve(dir, properties['templateFile']), unit: `${show(dir)}#${artifactId}`, prefix: `${name}/`, constructPaths: logicalIdPaths(metadata) });
      } else if (artifact['type'] === 'cdk:cloud-assembly' && typeof properties['directoryName'] === 'string' && depth < MAX_DEPTH) {
        visit(resolve(dir, properties['directoryName'], 'manifest.json'), depth + 1);
      }
    }
  };
  visit(manifestPath, 0);
  return { stacks, diagnostics };
}

/** One stack of an assembly: its template and the nested stacks it points to. */
export function loadAssemblyStack(stack: AssemblyStack, cwd: string): LoadedUnit {
  const nodes: ResourceNode[] = [];
  const edges: Edge[] = [];
  const diagnostics: Diagnostic[] = [];
  const show = (p: string): string => displayPath(cwd, p);

  const loadStackTemplate = (templatePath: string, unit: string, prefix: string, constructPaths: ReadonlyMap<string, string>, parameters: Map<string, string> | undefined, depth: number): void => {
    let text: string;
    try {
      text = readTextFile(templatePath);
    } catch (error) {
      diagnostics.push(readFailure(show(templatePath), error));
      return;
    }
    let loaded: LoadedUnit;
    try {
      const parsed = parseTemplateText(text);
      loaded = loadTemplate({ file: show(templatePath), unit, addressPrefix: prefix, format: 'cdk', parsed, parameters, constructPaths });
    } catch (error) {
      diagnostics.push(readFailure(show(templatePath), error));
      return;
    }
    nodes.push(...loaded.nodes);
    edges.push(...loaded.edges);
    diagnostics.push(...loaded.diagnostics);
    for (const node of loaded.nodes) {
      const assetPath = node.type === 'AWS::CloudFormation::Stack' ? node.metadata?.['aws:asset:path'] : undefined;
      if (typeof assetPath !== 'string' || depth >= MAX_DEPTH) continue;
      const logicalId = node.address.slice(prefix.length);
      loadStackTemplate(join(dirname(templatePath), assetPath), `${unit}/${logicalId}`, `${prefix}${logicalId}/`, new Map(), knownParameters(node.properties['Parameters']), depth + 1);
    }
  };

  loadStackTemplate(stack.templatePath, stack.unit, stack.prefix, stack.constructPaths, undefined, 0);
  return { nodes, edges, diagnostics };
}

/** Construct paths by logical ID, from the `aws:cdk:logicalId` entries of a stack's manifest metadata. */
function logicalIdPaths(metadata: Json | undefined): Map<string, string> {
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

/** The nested stack's parameters that the parent passes as known strings. */
function knownParameters(parameters: PropertyValue | undefined): Map<string, string> | undefined {
  if (!isMap(parameters)) return undefined;
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(parameters)) if (typeof v === 'string' || typeof v === 'number') out.set(k, String(v));
  return out;
}

function readFailure(file: string, error: unknown): Diagnostic {
  if (error instanceof InputError) return inputErrorDiagnostic(file, error);
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
  return diagnostic('error', 'unreadable', file, missing ? { en: 'file listed in the cloud assembly is missing', ja: 'クラウドアセンブリに記載されたファイルがありません' } : cannotRead(error));
}
