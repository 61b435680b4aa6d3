import { everyChoice, type Attr, type Evidence, type Model } from '../models/attr.js';
import type { ModelKind, ModelKinds } from '../models/index.js';
import type { MessageValue } from '../i18n/phrase.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
/** From least to most severe: a threshold keeps what is at or after it. */
export const SEVERITIES: readonly Severity[] = ['info', 'low', 'medium', 'high', 'critical'];

export type Lang = 'en' | 'ja';
export const LANGS: readonly Lang[] = ['en', 'ja'];

/** What a policy says to the person who must act: in both languages, every field. */
export interface PolicyText {
  readonly title: string;
  /** What the setting means. */
  readonly description: string;
  /** What goes wrong if it is left as it is. */
  readonly rationale: string;
  /** What to change, in one line: shown under each finding. */
  readonly fix: string;
  /** What to change, in full, with the example the snippets show. */
  readonly remediation: string;
}

/**
 * Categories of the Japanese government's guideline on configuring cloud services (DOMAIN.md):
 * 1 IAM, 2 logging and monitoring, 3 object storage, 4.1 virtual machines, 4.2 network,
 * 5 central security management, 6.1 key management, 6.2 PaaS applications, 6.3 databases,
 * 6.4 containers, 7 other (asset management, backup, …).
 */
export type GuidelineCategory = '1' | '2' | '3' | '4.1' | '4.2' | '5' | '6.1' | '6.2' | '6.3' | '6.4' | '7';

/** Control IDs a policy supports, per framework; verified against each publisher's documentation. */
export interface FrameworkMappings {
  readonly guideline: readonly GuidelineCategory[];
  /** ISO/IEC 27002:2013 controls as extended by ISO/IEC 27017:2015 (`9.4.1`, `CLD.9.5.2`). */
  readonly iso27017: readonly string[];
  /** AICPA 2017 Trust Services Criteria (`CC6.1`). */
  readonly soc2: readonly string[];
  /** CIS AWS Foundations Benchmark v3.0.0 recommendations. */
  readonly cisAwsV3?: readonly string[];
  /** CIS AWS Foundations Benchmark v5.0.0 recommendations. */
  readonly cisAwsV5?: readonly string[];
  /** AWS Foundational Security Best Practices controls (`S3.8`). */
  readonly fsbp?: readonly string[];
  /** CIS Google Cloud Platform Foundation Benchmark v1.3.0 recommendations. */
  readonly cisGcpV1?: readonly string[];
}

/** The formats a fix is shown in: Terraform (HCL), CloudFormation (YAML), CDK and Pulumi (TypeScript). */
export type SnippetFormat = 'terraform' | 'cloudformation' | 'cdk' | 'pulumi';

/**
 * The formats each cloud provider's resources are written in, and so the fixes a policy about them
 * shows: CloudFormation and CDK describe AWS resources only. A model kind's provider is its first
 * segment (`gcp.storage.Bucket`).
 */
export const PROVIDER_FORMATS = {
  aws: ['terraform', 'cloudformation', 'cdk', 'pulumi'],
  gcp: ['terraform', 'pulumi'],
  azure: ['terraform', 'pulumi'],
} as const satisfies Readonly<Record<string, readonly SnippetFormat[]>>;
type Provider = keyof typeof PROVIDER_FORMATS;
const ALL_FORMATS: readonly SnippetFormat[] = ['terraform', 'cloudformation', 'cdk', 'pulumi'];

/** The formats of a model kind's provider; every format for a kind of a provider not listed (a plugin's own). */
export type FormatsOf<K extends string> = K extends `${infer P}.${string}` ? (P extends Provider ? (typeof PROVIDER_FORMATS)[P][number] : SnippetFormat) : SnippetFormat;

export function formatsOf(kind: string): readonly SnippetFormat[] {
  const provider = kind.slice(0, kind.indexOf('.'));
  return Object.hasOwn(PROVIDER_FORMATS, provider) ? PROVIDER_FORMATS[provider as Provider] : ALL_FORMATS;
}

/** How to fix it in each format a policy's model is written in (`formatsOf`). */
export type RemediationSnippets = Readonly<Partial<Record<SnippetFormat, string>>>;

/**
 * Values interpolated into a message's `{{name}}` placeholders, or phrases for each language
 * where a value is not known. Never a secret from the input.
 */
export type MessageData = Readonly<Record<string, MessageValue>>;

export type Verdict<M extends string = string> =
  | { readonly status: 'fail'; readonly messageId: M; readonly at: Evidence; readonly data: MessageData; readonly severity?: Severity }
  | { readonly status: 'unknown'; readonly at: Evidence; readonly messageId?: M; readonly data?: MessageData }
  | { readonly status: 'pass' }
  | { readonly status: 'not-applicable' };

/** The verdict builders a check receives. */
export interface CheckContext<M extends string> {
  /** Fails at the offending value (or resource); `severity` overrides the policy's for this finding. */
  fail(messageId: M, at: Evidence | Attr<unknown>, data?: MessageData, severity?: Severity): Verdict<M>;
  /**
   * The value that decides is not known before deployment. Without a message id the finding says
   * so in general terms; with one, the policy explains why (a setting inherited from a snapshot).
   */
  unknown(at: Evidence | Attr<unknown>, messageId?: M, data?: MessageData): Verdict<M>;
  pass(): Verdict<M>;
  notApplicable(): Verdict<M>;
  /**
   * The usual shape of a check: pass if `ok(value)`, unknown if the value is, fail otherwise. A
   * value that is only a choice made at deployment (`Fn::If`) passes or fails when every choice
   * does, and is unknown when they differ.
   */
  expect<T>(attr: Attr<T>, ok: (value: T | undefined) => boolean, messageId: M, data?: MessageData): Verdict<M>;
}

export interface PolicySpec<K extends ModelKind, M extends string> {
  /** Stable, kebab-case, equal to the file name: `aws-s3-bucket-public-acl`. */
  readonly id: string;
  readonly severity: Severity;
  readonly model: K;
  readonly frameworks: FrameworkMappings;
  readonly text: Readonly<Record<Lang, PolicyText>>;
  /** Finding messages by id; Japanese must have exactly the English ids. */
  readonly messages: { readonly en: Readonly<Record<M, string>>; readonly ja: Readonly<Record<NoInfer<M>, string>> };
  /** One per format of the model's provider, no more: a CloudFormation fix for a Google Cloud bucket does not build. */
  readonly snippets: Readonly<Record<FormatsOf<K>, string>>;
  readonly tags?: readonly string[];
  check(model: ModelKinds[K], context: CheckContext<M>): Verdict<M> | readonly Verdict<M>[];
}

/** A policy as the engine, reporters and front ends see it. */
export interface Policy {
  readonly id: string;
  readonly severity: Severity;
  readonly model: ModelKind;
  readonly frameworks: FrameworkMappings;
  readonly text: Readonly<Record<Lang, PolicyText>>;
  readonly messages: Readonly<Record<Lang, Readonly<Record<string, string>>>>;
  readonly snippets: RemediationSnippets;
  /** The formats its model is written in, and its snippets cover (`formatsOf`). */
  readonly formats: readonly SnippetFormat[];
  readonly tags: readonly string[];
  /** Where the policy's reference documentation is. */
  readonly docs: string;
  evaluate(model: Model): readonly Verdict[];
}

const evidenceOf = (at: Evidence | Attr<unknown>): Evidence => ('at' in at ? at.at : at);

/**
 * The verdict builders. For an orphan model (its resource is not in the sources, only settings of
 * it are) a failing value that is only the provider's default is not applicable: the resource
 * may well set it where it is defined.
 */
function context<M extends string>(orphan: boolean): CheckContext<M> {
  const ctx: CheckContext<M> = {
    fail: (messageId, at, data = {}, severity) =>
      orphan && 'origin' in at && at.origin === 'default'
        ? ctx.notApplicable()
        : { status: 'fail', messageId, at: evidenceOf(at), data, ...(severity && { severity }) },
    unknown: (at, messageId, data) => ({ status: 'unknown', at: evidenceOf(at), ...(messageId !== undefined && { messageId, data: data ?? {} }) }),
    pass: () => ({ status: 'pass' }),
    notApplicable: () => ({ status: 'not-applicable' }),
    expect: (attr, ok, messageId, data) => {
      // A choice made at deployment is decided when every choice is alike.
      const answers = everyChoice(attr)?.map((a) => ok(a.value));
      if (answers === undefined || (answers.includes(true) && answers.includes(false))) return ctx.unknown(attr);
      return answers[0] ? ctx.pass() : ctx.fail(messageId, attr, data);
    },
  };
  return ctx;
}

/**
 * Declares a policy. Message ids are checked at compile time (a `fail` with an id the policy does
 * not define does not build), and the engine gets one uniform shape whatever the model.
 */
export function definePolicy<K extends ModelKind, M extends string>(spec: PolicySpec<K, M>): Policy {
  const contexts = { owned: context<M>(false), orphan: context<M>(true) };
  return {
    id: spec.id,
    severity: spec.severity,
    model: spec.model,
    frameworks: spec.frameworks,
    text: spec.text,
    messages: spec.messages,
    snippets: spec.snippets,
    formats: formatsOf(spec.model),
    tags: spec.tags ?? [],
    docs: `docs/policies.md#${spec.id}`,
    evaluate(model) {
      const verdicts = spec.check(model as ModelKinds[K], model.orphan ? contexts.orphan : contexts.owned);
      return Array.isArray(verdicts) ? (verdicts as readonly Verdict[]) : [verdicts as Verdict];
    },
  };
}
