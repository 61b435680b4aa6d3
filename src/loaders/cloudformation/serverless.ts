import { diagnostic, type Diagnostic } from '../../diagnostic.js';
import { childEntry, childrenOf, lineOfEntry, LineTree, type LineChildren, type LineEntry } from '../../graph/resource.js';
import { setOwn } from '../../graph/values.js';
import type { Json } from '../json-with-lines.js';
import type { TemplateResource } from './for-each.js';
import { valueCount } from './for-each-loop.js';
import { isIntrinsic, isMapping, isObject, type JsonObject } from './json-object.js';
import { apiDefinition, apiEvents, IMPLICIT_API, type ApiDefinition, type ApiEvent } from './serverless-api.js';
import { listIn } from '../../i18n/phrase.js';

const TRANSFORM = 'AWS::Serverless-2016-10-31';

/** Whether a template's `Transform` (one name or a list) asks for the AWS SAM transform. */
export function declaresServerless(transform: Json | undefined): boolean {
  return transform === TRANSFORM || (Array.isArray(transform) && transform.includes(TRANSFORM));
}

/**
 * AWS SAM resources in a template that does not declare the SAM transform. CloudFormation refuses
 * such a template (the `AWS::Serverless::*` types exist only through the transform), so they are not
 * expanded nor checked; one warning names them, instead of a scan that silently checks nothing.
 */
export function serverlessWithoutTransform(resources: readonly TemplateResource[], file: string): Diagnostic | undefined {
  const sam = resources.filter((r) => typeOf(r)?.startsWith('AWS::Serverless::'));
  if (sam.length === 0) return undefined;
  const listed = sam.map((r) => `${r.logicalId} (${typeOf(r)})`);
  return diagnostic(
    'warning',
    'serverless-without-transform',
    file,
    {
      en: `the template does not declare Transform: ${TRANSFORM}, so CloudFormation refuses these AWS SAM resources and they are not checked: ${listIn(listed, 'en')}`,
      ja: `テンプレートに Transform: ${TRANSFORM} の宣言がないため、CloudFormation は次の AWS SAM リソースを受け付けず、これらは検査していません: ${listIn(listed, 'ja')}`,
    },
    { line: sam[0]!.line },
  );
}

/** Resolves a value written in the template (a `!Ref` to a parameter) to a string, where it can. */
export type NameResolver = (value: Json) => string | undefined;

/** The `Globals` section each expanded type takes its defaults from. */
const GLOBALS: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

/**
 * The most values `Globals` may bring into the resources they apply to, in all: a value of
 * `Globals` is copied into every function (and its role), so 30,000 environment variables over
 * 300 functions would make nine million. Real templates stay far below (a function may hold 4 KB
 * of environment variables and 50 tags).
 */
const MAX_GLOBAL_VALUES = 250_000;

/**
 * The AWS SAM transform (`Transform: AWS::Serverless-2016-10-31`) applied as CloudFormation applies
 * it before deploying, for the resources sekisho's policies read: a function becomes an
 * `AWS::Lambda::Function` with its execution role (`<Id>Role`, the `Policies` as managed policy ARNs
 * and inline policies) and function URL (`<Id>Url`, public with `<Id>UrlPublicPermissions`); an API
 * an `AWS::ApiGateway::RestApi` with its stage (`<Id><StageName>Stage`), an HTTP API an
 * `AWS::ApiGatewayV2::Api` with its stage (`<Id>ApiGatewayDefaultStage`); functions' `Api` and
 * `HttpApi` events without an API make the implicit `ServerlessRestApi` (stage `Prod`) and
 * `ServerlessHttpApi`; a simple table an `AWS::DynamoDB::Table`; a state machine an
 * `AWS::StepFunctions::StateMachine` with its role; a layer an `AWS::Lambda::LayerVersion`.
 * `Globals` are merged in first, as SAM merges them (the resource's value wins, mappings are
 * merged, lists joined); the resources past `MAX_GLOBAL_VALUES` of them are left out and reported. Logical IDs are SAM's (a layer keeps its own, without SAM's hash), and each
 * resource made points at the lines of what it was made from.
 *
 * Left out: SAM policy templates (`S3ReadPolicy: {BucketName: …}`, each scoped to the resources it
 * names), event sources' permissions and subscriptions, deployments, aliases and versions. Other
 * `AWS::Serverless::*` types (`Application`, `Connector`, `GraphQLApi`) are kept as they are and
 * reported in one notice.
 */
export function expandServerless(
  resources: readonly TemplateResource[],
  globals: Json | undefined,
  globalLines: LineTree,
  resolveName: NameResolver,
  file: string,
  diagnostics: Diagnostic[],
): TemplateResource[] {
  const out: TemplateResource[] = [];
  const notExpanded: TemplateResource[] = [];
  const events = apiEvents(resources);
  const eventsOf = (api: string): readonly ApiEvent[] => events.get(api) ?? [];
  const taken = new Set(resources.map((r) => r.logicalId));
  /** How many values `Globals` have brought into resources so far, and the resources left out past the bound. */
  let globalValues = 0;
  const tooMany: { readonly resource: TemplateResource; readonly section: string }[] = [];
  for (const r of resources) {
    const type = typeOf(r);
    if (type === undefined || !type.startsWith('AWS::Serverless::')) {
      out.push(r);
      continue;
    }
    const resource = r.resource as JsonObject;
    const section = GLOBALS[type];
    const own = isObject(resource['Properties']) ? resource['Properties'] : {};
    const fromGlobals = section !== undefined && isObject(globals) ? globals[section] : undefined;
    const ownLines = r.lines.entry('Properties');
    let properties = own;
    let propertyLines = ownLines;
    if (isMapping(fromGlobals)) {
      // Counted once per object however many resources take it: each check costs nothing after the first.
      const cost = valueCount(fromGlobals);
      if (globalValues + cost > MAX_GLOBAL_VALUES) {
        tooMany.push({ resource: r, section: section! });
        continue;
      }
      globalValues += cost;
      const [merged, lines] = mergeGlobal(fromGlobals, own, globalLines.entry(section!), ownLines);
      properties = merged as JsonObject; // two mappings merge into a mapping
      propertyLines = lines;
    }
    const made = new Made(r, resource, childrenOf(propertyLines));
    switch (type) {
      case 'AWS::Serverless::Function':
        lambdaFunction(made, properties);
        break;
      case 'AWS::Serverless::Api':
        restApi(made, r.logicalId, properties, resolveName, apiDefinition('rest', properties, eventsOf(r.logicalId), (path) => made.entry(path), r.line ?? 1));
        break;
      case 'AWS::Serverless::HttpApi':
        httpApi(made, r.logicalId, properties, resolveName, apiDefinition('http', properties, eventsOf(r.logicalId), (path) => made.entry(path), r.line ?? 1));
        break;
      case 'AWS::Serverless::SimpleTable':
        simpleTable(made, properties);
        break;
      case 'AWS::Serverless::StateMachine':
        stateMachine(made, properties);
        break;
      case 'AWS::Serverless::LayerVersion':
        layerVersion(made, properties);
        break;
      default:
        notExpanded.push(r);
        out.push(r);
        continue;
    }
    out.push(...made.resources);
  }
  // The API SAM makes for functions' events that name none, with the `Globals` API settings; it
  // points at the first such event, and a setting from `Globals` at its line there.
  const implicitApi = (section: string, line: number | undefined): Made => {
    const source: TemplateResource = { logicalId: '', resource: {}, line, lines: new LineTree({}) };
    return new Made(source, {}, childrenOf(globalLines.entry(section)));
  };
  const globalOf = (section: string): JsonObject => (isObject(globals) && isMapping(globals[section]) ? globals[section] : {});
  const implicitRest = eventsOf(IMPLICIT_API.rest);
  if (implicitRest.length > 0 && !taken.has(IMPLICIT_API.rest)) {
    const made = implicitApi('Api', implicitRest[0]!.line);
    const props = { ...globalOf('Api'), StageName: 'Prod' };
    restApi(made, IMPLICIT_API.rest, props, resolveName, apiDefinition('rest', props, implicitRest, (path) => made.entry(path), implicitRest[0]!.line ?? 1));
    out.push(...made.resources);
  }
  const implicitHttp = eventsOf(IMPLICIT_API.http);
  if (implicitHttp.length > 0 && !taken.has(IMPLICIT_API.http)) {
    const made = implicitApi('HttpApi', implicitHttp[0]!.line);
    const props = globalOf('HttpApi');
    httpApi(made, IMPLICIT_API.http, props, resolveName, apiDefinition('http', props, implicitHttp, (path) => made.entry(path), implicitHttp[0]!.line ?? 1));
    out.push(...made.resources);
  }
  if (tooMany.length > 0) {
    const [first] = tooMany;
    const id = first!.resource.logicalId;
    const more = tooMany.length - 1;
    const message = {
      en: `Globals would copy more than ${MAX_GLOBAL_VALUES} values into the resources they apply to: ${more > 0 ? `${id} and ${more} more are` : `${id} is`} not checked (keep Globals small: a function allows 4 KB of environment variables and 50 tags)`,
      ja: `Globals の設定を適用先のリソースにコピーすると値が ${MAX_GLOBAL_VALUES} 個を超えるため、${more > 0 ? `${id} ほか ${more} 個は` : `${id} は`}検査していません（Globals を小さくしてください。関数の環境変数は合計 4 KB、タグは 50 個までです）`,
    };
    diagnostics.push(diagnostic('warning', 'globals-limit', file, message, { line: globalLines.get(first!.section) ?? first!.resource.line }));
  }
  if (notExpanded.length > 0) {
    const listed = notExpanded.map((r) => `${r.logicalId} (${typeOf(r)})`);
    diagnostics.push(
      diagnostic(
        'info',
        'transform-not-expanded',
        file,
        { en: `AWS SAM resources of these types are not expanded, so what they create is not checked: ${listIn(listed, 'en')}`, ja: `次の種類の AWS SAM リソースは展開していないため、これらが作るものは検査していません: ${listIn(listed, 'ja')}` },
        { line: notExpanded[0]!.line },
      ),
    );
  }
  return out;
}

function typeOf(r: TemplateResource): string | undefined {
  const type = isObject(r.resource) ? r.resource['Type'] : undefined;
  return typeof type === 'string' ? type : undefined;
}

/**
 * A `Globals` value merged under a resource's own, as SAM merges them: the resource wins, mappings
 * merge, lists join (the global items first). The lines are merged alike, so a setting taken from
 * `Globals` points at its line there.
 */
function mergeGlobal(global: Json, own: Json | undefined, globalEntry: LineEntry | undefined, ownEntry: LineEntry | undefined): [Json, LineEntry | undefined] {
  if (own === undefined) return [global, globalEntry];
  const line = lineOfEntry(ownEntry) ?? lineOfEntry(globalEntry) ?? 0;
  if (isMapping(global) && isMapping(own)) {
    const out: JsonObject = {};
    const lines: { [key: string]: LineEntry } = {};
    for (const key of new Set([...Object.keys(global), ...Object.keys(own)])) {
      const ownChild = childEntry(childrenOf(ownEntry), key);
      const [value, entry] = global[key] === undefined ? [own[key]!, ownChild] : mergeGlobal(global[key], own[key], childEntry(childrenOf(globalEntry), key), ownChild);
      setOwn(out, key, value);
      if (entry !== undefined) setOwn(lines, key, entry);
    }
    return [out, [line, lines]];
  }
  if (Array.isArray(global) && Array.isArray(own)) {
    const items = (entry: LineEntry | undefined, length: number): LineEntry[] => {
      const children = childrenOf(entry);
      return Array.from({ length }, (_, i) => (Array.isArray(children) ? children[i] : undefined) ?? line);
    };
    return [[...global, ...own], [line, [...items(globalEntry, global.length), ...items(ownEntry, own.length)]]];
  }
  return [own, ownEntry];
}

/**
 * The resources made from one SAM resource. Each keeps its `Condition`, `DependsOn` and `Metadata`
 * (a suppression written on the function applies to its role), and its lines: a property made
 * from a SAM property points at it, anything else at the SAM resource.
 */
class Made {
  readonly resources: TemplateResource[] = [];
  private readonly samLines: LineTree;

  constructor(
    private readonly source: TemplateResource,
    private readonly sam: JsonObject,
    /** The lines of the SAM resource's properties, `Globals` merged in. */
    samProperties: LineChildren,
  ) {
    this.samLines = new LineTree(samProperties);
  }

  get logicalIdOfSource(): string {
    return this.source.logicalId;
  }

  get line(): number | undefined {
    return this.source.line;
  }

  /** The line entry of a SAM property, by its path below `Properties` (`Policies[2]`). */
  entry(path: string): LineEntry | undefined {
    return this.samLines.entry(path);
  }

  /**
   * Adds a resource. `lines` gives, for properties of the made resource, the SAM property each
   * comes from; properties of the same name are matched without being listed.
   */
  add(logicalId: string, type: string, properties: JsonObject, lines: Readonly<Record<string, LineEntry | undefined>> = {}): void {
    const resource: JsonObject = { Type: type, Properties: properties };
    for (const key of ['Condition', 'DependsOn', 'Metadata'] as const) if (this.sam[key] !== undefined) resource[key] = this.sam[key]!;
    const line = this.source.line;
    const propertyLines: { [key: string]: LineEntry } = {};
    for (const key of Object.keys(properties)) {
      const entry = Object.prototype.hasOwnProperty.call(lines, key) ? lines[key] : this.entry(key);
      if (entry !== undefined) setOwn(propertyLines, key, entry);
    }
    const own = this.source.lines;
    const children: { [key: string]: LineEntry } = {};
    for (const key of ['Type', 'Condition', 'DependsOn', 'Metadata']) {
      const entry = own.entry(key);
      if (entry !== undefined) children[key] = entry;
    }
    children['Properties'] = [own.get('Properties') ?? line ?? 0, propertyLines];
    this.resources.push({ logicalId, resource, line, lines: new LineTree(children) });
  }
}

/** Copies `keys` of `from` that are present. */
function pick(from: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (from[key] !== undefined) setOwn(out, key, from[key]!);
  return out;
}

/** SAM's tags (a mapping) as most resource types write them: a list of `{Key, Value}`. */
function tagList(tags: Json | undefined): Json | undefined {
  if (!isMapping(tags)) return tags;
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** The letters and digits of a name, as SAM puts it into a logical ID. */
const alphanumeric = (name: string): string => name.replace(/[^A-Za-z0-9]/g, '');

/** Properties of `AWS::Serverless::Function` that SAM reads itself rather than pass to `AWS::Lambda::Function`. */
const FUNCTION_SAM_ONLY = new Set([
  'CodeUri',
  'InlineCode',
  'ImageUri',
  'Policies',
  'Events',
  'Tracing',
  'DeadLetterQueue',
  'AutoPublishAlias',
  'AutoPublishAliasAllProperties',
  'AutoPublishCodeSha256',
  'DeploymentPreference',
  'FunctionUrlConfig',
  'ProvisionedConcurrencyConfig',
  'EventInvokeConfig',
  'AssumeRolePolicyDocument',
  'PermissionsBoundary',
  'RolePath',
  'VersionDescription',
  'VersionDeletionPolicy',
  'PropagateTags',
  'Tags',
  'Role',
]);

function lambdaFunction(made: Made, props: JsonObject): void {
  const id = made.logicalIdOfSource;
  const fn: JsonObject = {};
  for (const [key, value] of Object.entries(props)) if (!FUNCTION_SAM_ONLY.has(key)) setOwn(fn, key, value);
  fn['Code'] = functionCode(props);
  fn['Role'] = props['Role'] ?? { 'Fn::GetAtt': [`${id}Role`, 'Arn'] };
  if (props['Tracing'] !== undefined) fn['TracingConfig'] = { Mode: props['Tracing'] };
  if (isObject(props['DeadLetterQueue'])) fn['DeadLetterConfig'] = { TargetArn: props['DeadLetterQueue']['TargetArn'] ?? null };
  const tags = tagList(props['Tags']);
  if (tags !== undefined) fn['Tags'] = tags;
  made.add(id, 'AWS::Lambda::Function', fn, {
    Code: made.entry('InlineCode') ?? made.entry('CodeUri') ?? made.entry('ImageUri'),
    TracingConfig: made.entry('Tracing'),
    DeadLetterConfig: made.entry('DeadLetterQueue'),
  });
  if (props['Role'] === undefined) {
    executionRole(made, props, 'lambda.amazonaws.com', [
      'service-role/AWSLambdaBasicExecutionRole',
      ...(props['Tracing'] === 'Active' ? ['AWSXrayWriteOnlyAccess'] : []),
    ]);
  }
  const url = props['FunctionUrlConfig'];
  if (isObject(url)) {
    const target = { Ref: id };
    made.add(`${id}Url`, 'AWS::Lambda::Url', { TargetFunctionArn: target, ...pick(url, ['AuthType', 'Cors', 'InvokeMode']) }, urlLines(made));
    if (url['AuthType'] === 'NONE') {
      const permission = { Action: 'lambda:InvokeFunctionUrl', FunctionName: target, Principal: '*', FunctionUrlAuthType: 'NONE' };
      made.add(`${id}UrlPublicPermissions`, 'AWS::Lambda::Permission', permission, urlLines(made));
    }
  }
}

/** A function URL and its permission point at `FunctionUrlConfig` and its `AuthType`. */
function urlLines(made: Made): Record<string, LineEntry | undefined> {
  const config = made.entry('FunctionUrlConfig');
  const authType = made.entry('FunctionUrlConfig.AuthType') ?? config;
  return { TargetFunctionArn: config, AuthType: authType, FunctionUrlAuthType: authType, Principal: authType, Action: config, FunctionName: config };
}

/** `CodeUri` (`s3://bucket/key` or `{Bucket, Key, Version}`), `InlineCode` or `ImageUri` as a function's `Code`. */
function functionCode(props: JsonObject): Json {
  if (props['InlineCode'] !== undefined) return { ZipFile: props['InlineCode'] };
  if (props['ImageUri'] !== undefined) return { ImageUri: props['ImageUri'] };
  const uri = props['CodeUri'];
  if (typeof uri === 'string') {
    const s3 = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    // A local path, which `sam package` uploads and rewrites before deployment.
    return s3 ? { S3Bucket: s3[1]!, S3Key: s3[2]! } : { S3Bucket: null, S3Key: uri };
  }
  if (isMapping(uri)) return { S3Bucket: uri['Bucket'] ?? null, S3Key: uri['Key'] ?? null, ...(uri['Version'] !== undefined && { S3ObjectVersion: uri['Version'] }) };
  return uri ?? null;
}

/**
 * The role SAM makes for a function or state machine without `Role`: trusted by `service`, with the
 * base managed policies, and `Policies` as SAM reads them — a managed policy's name or ARN, or an
 * IAM policy document (a mapping with `Statement`), alone or in a list. SAM's policy templates are
 * not expanded.
 */
function executionRole(made: Made, props: JsonObject, service: string, basePolicies: readonly string[]): void {
  const id = made.logicalIdOfSource;
  const managed: Json[] = basePolicies.map((name) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${name}` }));
  // The base policies are SAM's, written nowhere: they point at the function itself.
  const managedLines: LineEntry[] = basePolicies.map(() => made.line ?? 1);
  const inline: Json[] = [];
  const inlineLines: LineEntry[] = [];
  const written = props['Policies'];
  const list = written === undefined ? [] : Array.isArray(written) ? written : [written];
  list.forEach((policy, i) => {
    const entry = made.entry(Array.isArray(written) ? `Policies[${i}]` : 'Policies') ?? made.entry('Policies') ?? made.line ?? 1;
    if (typeof policy === 'string') {
      managedLines.push(entry);
      managed.push(policy.startsWith('arn:') ? policy : { 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${policy}` });
    } else if (isObject(policy) && isIntrinsic(policy)) {
      const branches = conditionalDocuments(policy);
      if (branches) {
        // `!If [Cond, {Statement: …}, !Ref AWS::NoValue]`: SAM keeps the choice, on an inline policy.
        const name = `${id}RolePolicy${inline.length}`;
        inlineLines.push(entry);
        inline.push({ 'Fn::If': branches.map((b, k) => (k > 0 && isObject(b) && b['Statement'] !== undefined ? { PolicyName: name, PolicyDocument: b } : b)) });
      } else {
        managedLines.push(entry);
        managed.push(policy);
      }
    } else if (isObject(policy) && policy['Statement'] !== undefined) {
      inlineLines.push([lineOfEntry(entry)!, { PolicyDocument: entry }]);
      inline.push({ PolicyName: `${id}RolePolicy${inline.length}`, PolicyDocument: policy });
    }
  });
  const role: JsonObject = {
    AssumeRolePolicyDocument: props['AssumeRolePolicyDocument'] ?? {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: [service] } }],
    },
    ManagedPolicyArns: managed,
  };
  if (inline.length > 0) role['Policies'] = inline;
  if (props['PermissionsBoundary'] !== undefined) role['PermissionsBoundary'] = props['PermissionsBoundary'];
  if (props['RolePath'] !== undefined) role['Path'] = props['RolePath'];
  const tags = tagList(props['Tags']);
  if (tags !== undefined) role['Tags'] = tags;
  const policiesLine = lineOfEntry(made.entry('Policies'));
  made.add(`${id}Role`, 'AWS::IAM::Role', role, {
    ManagedPolicyArns: policiesLine === undefined ? undefined : [policiesLine, managedLines],
    Policies: policiesLine === undefined ? undefined : [policiesLine, inlineLines],
    Path: made.entry('RolePath'),
  });
}

/** The arguments of an `Fn::If` whose branches hold a policy document rather than a managed policy. */
function conditionalDocuments(policy: JsonObject): readonly Json[] | undefined {
  const args = policy['Fn::If'];
  if (!Array.isArray(args) || args.length !== 3) return undefined;
  return args.slice(1).some((b) => isObject(b) && b['Statement'] !== undefined) ? args : undefined;
}

/** An API's definition: the one SAM makes, else `DefinitionBody` or `DefinitionUri` as written. */
function setBody(api: JsonObject, props: JsonObject, definition: ApiDefinition | undefined): void {
  if (definition !== undefined) api['Body'] = definition.body;
  else if (props['DefinitionBody'] !== undefined) api['Body'] = props['DefinitionBody'];
  if (props['DefinitionUri'] !== undefined) api['BodyS3Location'] = props['DefinitionUri'];
}

const STAGE_PROPERTIES = ['AccessLogSetting', 'MethodSettings', 'CacheClusterEnabled', 'CacheClusterSize', 'TracingEnabled', 'Variables', 'CanarySetting'];
const REST_API_PROPERTIES = ['Name', 'Description', 'BinaryMediaTypes', 'MinimumCompressionSize', 'DisableExecuteApiEndpoint', 'Mode', 'ApiKeySourceType', 'FailOnWarnings'];

function restApi(made: Made, id: string, props: JsonObject, resolveName: NameResolver, definition: ApiDefinition | undefined): void {
  const api = pick(props, REST_API_PROPERTIES);
  setBody(api, props, definition);
  const endpoint = props['EndpointConfiguration'];
  if (typeof endpoint === 'string') api['EndpointConfiguration'] = { Types: [endpoint] };
  else if (isMapping(endpoint)) {
    api['EndpointConfiguration'] = { ...(endpoint['Type'] !== undefined && { Types: [endpoint['Type']] }), ...pick(endpoint, ['VPCEndpointIds']) };
  }
  const tags = tagList(props['Tags']);
  if (tags !== undefined) api['Tags'] = tags;
  made.add(id, 'AWS::ApiGateway::RestApi', api, { Body: definition?.lines ?? made.entry('DefinitionBody'), BodyS3Location: made.entry('DefinitionUri') });
  const stageName = props['StageName'] ?? null;
  const stage: JsonObject = { RestApiId: { Ref: id }, StageName: stageName, ...pick(props, STAGE_PROPERTIES) };
  if (tags !== undefined) stage['Tags'] = tags;
  const resolved = resolveName(stageName);
  made.add(`${id}${resolved === undefined ? '' : alphanumeric(resolved)}Stage`, 'AWS::ApiGateway::Stage', stage, { RestApiId: undefined });
}

const HTTP_STAGE_PROPERTIES = ['AccessLogSettings', 'DefaultRouteSettings', 'RouteSettings', 'StageVariables', 'Tags'];

function httpApi(made: Made, id: string, props: JsonObject, resolveName: NameResolver, definition: ApiDefinition | undefined): void {
  const api = pick(props, ['Name', 'Description', 'DisableExecuteApiEndpoint', 'FailOnWarnings', 'Tags']);
  setBody(api, props, definition);
  made.add(id, 'AWS::ApiGatewayV2::Api', api, { Body: definition?.lines ?? made.entry('DefinitionBody'), BodyS3Location: made.entry('DefinitionUri') });
  const stageName = props['StageName'];
  const resolved = stageName === undefined ? undefined : resolveName(stageName);
  const stage: JsonObject = { ApiId: { Ref: id }, StageName: stageName ?? '$default', AutoDeploy: true, ...pick(props, HTTP_STAGE_PROPERTIES) };
  const logicalId = stageName === undefined ? `${id}ApiGatewayDefaultStage` : `${id}${resolved === undefined ? '' : alphanumeric(resolved)}Stage`;
  made.add(logicalId, 'AWS::ApiGatewayV2::Stage', stage, { ApiId: undefined, AutoDeploy: undefined });
}

/** `PrimaryKey.Type` as DynamoDB's attribute type. */
const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = { String: 'S', Number: 'N', Binary: 'B' };

function simpleTable(made: Made, props: JsonObject): void {
  const key = isMapping(props['PrimaryKey']) ? props['PrimaryKey'] : {};
  const name = key['Name'] ?? 'id';
  const keyType = key['Type'] ?? 'String';
  const table: JsonObject = {
    AttributeDefinitions: [{ AttributeName: name, AttributeType: typeof keyType === 'string' ? (ATTRIBUTE_TYPES[keyType] ?? keyType) : keyType }],
    KeySchema: [{ AttributeName: name, KeyType: 'HASH' }],
    BillingMode: props['ProvisionedThroughput'] === undefined ? 'PAY_PER_REQUEST' : 'PROVISIONED',
    ...pick(props, ['ProvisionedThroughput', 'SSESpecification', 'TableName', 'PointInTimeRecoverySpecification']),
  };
  const tags = tagList(props['Tags']);
  if (tags !== undefined) table['Tags'] = tags;
  made.add(made.logicalIdOfSource, 'AWS::DynamoDB::Table', table, { AttributeDefinitions: made.entry('PrimaryKey'), KeySchema: made.entry('PrimaryKey') });
}

function layerVersion(made: Made, props: JsonObject): void {
  const layer = pick(props, ['LayerName', 'Description', 'CompatibleRuntimes', 'CompatibleArchitectures', 'LicenseInfo']);
  layer['Content'] = functionCode({ CodeUri: props['ContentUri'] ?? null });
  made.add(made.logicalIdOfSource, 'AWS::Lambda::LayerVersion', layer, { Content: made.entry('ContentUri') });
}

function stateMachine(made: Made, props: JsonObject): void {
  const id = made.logicalIdOfSource;
  const machine: JsonObject = {
    ...pick(props, ['Definition', 'DefinitionString', 'DefinitionSubstitutions']),
    RoleArn: props['Role'] ?? { 'Fn::GetAtt': [`${id}Role`, 'Arn'] },
  };
  const renamed: [string, string][] = [
    ['Name', 'StateMachineName'],
    ['Type', 'StateMachineType'],
    ['DefinitionUri', 'DefinitionS3Location'],
    ['Logging', 'LoggingConfiguration'],
    ['Tracing', 'TracingConfiguration'],
  ];
  const lines: Record<string, LineEntry | undefined> = { RoleArn: made.entry('Role') };
  for (const [sam, cfn] of renamed) {
    if (props[sam] === undefined) continue;
    machine[cfn] = props[sam]!;
    lines[cfn] = made.entry(sam);
  }
  const tags = tagList(props['Tags']);
  if (tags !== undefined) machine['Tags'] = tags;
  made.add(id, 'AWS::StepFunctions::StateMachine', machine, lines);
  if (props['Role'] === undefined) executionRole(made, props, 'states.amazonaws.com', []);
}
