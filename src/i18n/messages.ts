import type { DiagnosticLevel } from '../diagnostic.js';
import type { FrameworkMappings, GuidelineCategory, Lang, Severity } from '../engine/policy.js';

/** Every string the reporters and the CLI print besides the policies' own texts. */
export interface UiText {
  readonly severity: Readonly<Record<Severity, string>>;
  readonly unknownLabel: string;
  readonly suppressedLabel: string;
  /** Under a suppressed finding: why it is accepted, and until when. */
  readonly acceptedBecause: (reason: string, expires: string | undefined) => string;
  /** Under a finding whose exception ran out. */
  readonly exceptionExpired: (reason: string, expires: string) => string;
  /** For an undecidable value: `{{path}}` of `{{resource}}`, or the resource as a whole. */
  readonly unknownMessage: string;
  /** For a value the source marks sensitive: it is there, but not read. */
  readonly unknownSecretMessage: string;
  /** A value taken from a parameter or variable given no value: `{{input}}` names it. */
  readonly unknownInputMessage: string;
  /** A value taken from the outputs of modules `terraform init` has not installed: `{{module}}` names them (`moduleNotInstalled` each). */
  readonly unknownModuleMessage: string;
  /** A value taken both from such modules, `{{module}}`, and from inputs given no value, `{{input}}`. */
  readonly unknownModuleInputMessage: string;
  /** One module not installed, as the two messages above name it: its `{{address}}` and `{{source}}`. */
  readonly moduleNotInstalled: string;
  /** A value written in the source, but not in a shape the setting takes. */
  readonly unknownShapeMessage: string;
  /** A property not written that a transform, `{{transform}}`, may insert at deployment (`AWS::Include` in `Properties`). */
  readonly unknownInsertedMessage: string;
  /** A policy statement with no `Effect` (`{{statement}}` names it), which AWS refuses. */
  readonly unknownNoEffectMessage: string;
  /** A policy statement whose `Effect`, `{{effect}}`, is neither Allow nor Deny. */
  readonly unknownBadEffectMessage: string;
  /** An enumerated setting written as `{{value}}`, not one of the values it takes, `{{accepted}}`. */
  readonly unknownNotAcceptedMessage: string;
  /** A network ACL entry for `{{protocol}}` that does not write the port at `{{path}}`, which AWS requires for it. */
  readonly unknownMissingPortsMessage: string;
  readonly unknownResourceMessage: string;
  readonly fixLabel: string;
  readonly setAt: string;
  readonly deletedByChange: string;
  readonly constructLabel: string;
  /** What a Pulumi resource's path through its parent components is called. */
  readonly componentLabel: string;
  readonly noFindings: string;
  /** No findings but those a baseline holds. */
  readonly noNewFindings: string;
  readonly summary: (counts: { failed: number; unknown: number; suppressed: number; passed: number; resources: number; sources: number }) => string;
  readonly belowThreshold: (count: number, threshold: Severity) => string;
  /** Findings the baseline holds, left out of the list and the counts. */
  readonly baselined: (count: number) => string;
  readonly diagnosticsHeading: string;
  /** The heading when every diagnostic is only a note (`info`): everything was scanned. */
  readonly notesHeading: string;
  readonly diagnosticLevel: Readonly<Record<DiagnosticLevel, string>>;
  readonly policyHeadings: { readonly id: string; readonly severity: string; readonly title: string; readonly model: string };
  readonly explainHeadings: {
    readonly description: string;
    readonly rationale: string;
    readonly remediation: string;
    readonly frameworks: string;
    readonly examples: string;
  };
  readonly frameworkNames: Readonly<Record<keyof FrameworkMappings, string>>;
  /** The categories of the cloud configuration guideline, as the guideline names them. */
  readonly guidelineCategories: Readonly<Record<GuidelineCategory, string>>;
  /** The handover report (`--format markdown`). */
  readonly report: ReportText;
  readonly junit: {
    /** The suite of inputs that could not be scanned. */
    readonly inputsSuite: string;
    /** What a diagnostic about the command line, which names no file, is listed as. */
    readonly commandLine: string;
    /** Why a finding the baseline holds is skipped. */
    readonly inBaseline: string;
  };
}

export interface ReportText {
  readonly title: string;
  readonly scannedAt: string;
  readonly checkedBy: string;
  readonly tool: string;
  readonly sources: string;
  readonly resources: string;
  readonly policiesRun: string;
  readonly thresholdLabel: string;
  readonly threshold: (severity: string) => string;
  readonly summaryHeading: string;
  readonly result: string;
  readonly count: string;
  readonly findings: string;
  readonly undecided: string;
  readonly accepted: string;
  readonly passed: string;
  readonly passedShort: string;
  readonly undecidedShort: string;
  readonly acceptedShort: string;
  readonly bySeverity: string;
  readonly belowThreshold: (count: number) => string;
  readonly notScanned: (count: number) => string;
  readonly byFramework: (framework: string) => string;
  readonly control: string;
  readonly policies: string;
  readonly policy: string;
  readonly severity: string;
  readonly notMapped: (framework: string) => string;
  readonly nothingToCheck: (controls: string) => string;
  readonly findingsHeading: string;
  readonly noFindings: string;
  readonly undecidedHeading: string;
  readonly undecidedNote: string;
  readonly acceptedHeading: string;
  readonly resource: string;
  readonly where: string;
  readonly detail: string;
  readonly reason: string;
  readonly until: string;
  readonly writtenAt: string;
  readonly controls: string;
  readonly fix: string;
  readonly setIn: string;
  readonly diagnosticsHeading: string;
  readonly level: string;
  readonly message: string;
}

const en: UiText = {
  severity: { critical: 'CRITICAL', high: 'HIGH', medium: 'MEDIUM', low: 'LOW', info: 'INFO' },
  unknownLabel: 'UNKNOWN',
  suppressedLabel: 'SUPPRESSED',
  acceptedBecause: (reason, expires) => `Accepted: ${reason}${expires ? ` (until ${expires})` : ''}`,
  exceptionExpired: (reason, expires) => `Its exception expired on ${expires}: ${reason}`,
  unknownMessage:
    'Cannot be decided before deployment: {{path}} of {{resource}} is not known until then (the provider computes it, it comes from another resource not created yet, or from a variable or parameter given no value here).',
  unknownSecretMessage: 'Cannot be decided from the source: {{path}} of {{resource}} is marked sensitive (a secret), so sekisho does not read its value.',
  unknownInputMessage:
    'Cannot be decided before deployment: {{path}} of {{resource}} depends on {{input}}, given no value here. Give it one (--parameter for CloudFormation, --var or --var-file for Terraform) to decide.',
  unknownModuleMessage:
    'Cannot be decided before deployment: {{path}} of {{resource}} comes from the outputs of {{module}}, not installed here, so sekisho cannot tell what they give. Run `terraform init` so that the module is in .terraform/modules and scan again, or scan the plan (`terraform show -json`), to decide.',
  unknownModuleInputMessage:
    'Cannot be decided before deployment: {{path}} of {{resource}} comes from the outputs of {{module}}, not installed here, and from {{input}}, given no value here. Run `terraform init` so that the module is in .terraform/modules and give {{input}} a value (--var or --var-file), or scan the plan (`terraform show -json`), to decide.',
  moduleNotInstalled: '{{address}} (source {{source}})',
  unknownShapeMessage:
    'Cannot be decided from the source: {{path}} of {{resource}} is written in a shape this setting does not take (a list where one block is expected, text where a number is): check it against the provider\'s reference.',
  unknownInsertedMessage:
    'Cannot be decided from the source: {{path}} of {{resource}} is not written here, and its properties also come from {{transform}}, which CloudFormation inserts when it deploys the template. sekisho does not run the transform: write the setting in the template itself, or check the included snippet.',
  unknownNoEffectMessage:
    'Cannot be decided from the source: in {{path}} of {{resource}}, statement {{statement}} has no Effect. AWS takes a policy statement only with Effect "Allow" or "Deny" and refuses the policy as written: add the Effect the statement is meant to have.',
  unknownBadEffectMessage:
    'Cannot be decided from the source: in {{path}} of {{resource}}, statement {{statement}} has Effect "{{effect}}". AWS takes a policy statement only with Effect "Allow" or "Deny" and refuses the policy as written: write one of the two.',
  unknownNotAcceptedMessage:
    'Cannot be decided from the source: {{path}} of {{resource}} is "{{value}}", which is not a value this setting takes ({{accepted}}), so the provider refuses it: write one of those.',
  unknownMissingPortsMessage:
    'Cannot be decided from the source: {{resource}} allows {{protocol}} but writes no {{path}}. AWS requires a port range for a {{protocol}} entry and refuses the entry as written: write the ports it is meant to open.',
  unknownResourceMessage: 'Cannot be decided before deployment: {{resource}} holds values not known until then.',
  fixLabel: 'Fix',
  setAt: 'set in',
  deletedByChange: 'deleted by this change',
  constructLabel: 'construct',
  componentLabel: 'in components',
  noFindings: 'No findings.',
  noNewFindings: 'No new findings.',
  summary: (c) =>
    `${c.failed} finding${c.failed === 1 ? '' : 's'}, ${c.unknown} undecidable before deployment, ${c.suppressed} suppressed, ${c.passed} passed — ${c.resources} resource${c.resources === 1 ? '' : 's'} in ${c.sources} source${c.sources === 1 ? '' : 's'}`,
  belowThreshold: (n, t) => `${n} more below the ${t} threshold`,
  baselined: (n) => `${n} known from the baseline, not listed: they do not fail the scan`,
  diagnosticsHeading: 'Could not scan everything',
  notesHeading: 'Notes',
  diagnosticLevel: { error: 'error', warning: 'warning', info: 'info' },
  policyHeadings: { id: 'ID', severity: 'Severity', title: 'Title', model: 'Checks' },
  explainHeadings: {
    description: 'What it checks',
    rationale: 'Why it matters',
    remediation: 'How to fix',
    frameworks: 'Frameworks',
    examples: 'Examples',
  },
  frameworkNames: {
    guideline: 'Cloud configuration guideline category',
    iso27017: 'ISO/IEC 27017',
    soc2: 'SOC 2',
    cisAwsV3: 'CIS AWS Foundations v3.0.0',
    cisAwsV5: 'CIS AWS Foundations v5.0.0',
    fsbp: 'AWS Foundational Security Best Practices',
    cisGcpV1: 'CIS Google Cloud Platform Foundation v1.3.0',
  },
  guidelineCategories: {
    '1': 'Identity and access management (IAM)',
    '2': 'Logging and monitoring',
    '3': 'Object storage',
    '4.1': 'Virtual machines (VM, VPS)',
    '4.2': 'Network',
    '5': 'Central management of security',
    '6.1': 'Key management',
    '6.2': 'Applications provided by PaaS',
    '6.3': 'Databases',
    '6.4': 'Containers',
    '7': 'Other settings (asset management, backup, …)',
  },
  report: {
    title: 'Pre-deployment configuration check',
    scannedAt: 'Checked at',
    checkedBy: 'Checked by',
    tool: 'Tool',
    sources: 'Sources',
    resources: 'Resources checked',
    policiesRun: 'Policies run',
    thresholdLabel: 'Reported',
    threshold: (s) => `findings of severity ${s} and above`,
    summaryHeading: 'Summary',
    result: 'Result',
    count: 'Count',
    findings: 'Findings',
    undecided: 'Undecidable before deployment',
    accepted: 'Accepted exceptions',
    passed: 'Passed checks',
    passedShort: 'Passed',
    undecidedShort: 'Undecidable',
    acceptedShort: 'Accepted',
    bySeverity: 'Findings by severity',
    belowThreshold: (n) => `${n} finding(s) below the reporting threshold are not counted here.`,
    notScanned: (n) => `${n} input(s) could not be scanned: see “Inputs not scanned” at the end. The results below do not cover them.`,
    byFramework: (f) => `Results by ${f}`,
    control: 'Control',
    policies: 'Policies',
    policy: 'Policy',
    severity: 'Severity',
    notMapped: (f) => `Checks not mapped to ${f}`,
    nothingToCheck: (c) => `Controls with no resource of the kinds their policies check: ${c}.`,
    findingsHeading: 'Findings',
    noFindings: 'No findings.',
    undecidedHeading: 'Undecidable before deployment',
    undecidedNote: 'These depend on values known only at deployment (computed by the provider, taken from other resources not created yet, or inputs given no value here). Check them after deployment, or give the values and scan again.',
    acceptedHeading: 'Accepted exceptions',
    resource: 'Resource',
    where: 'Where',
    detail: 'Detail',
    reason: 'Reason',
    until: 'Until',
    writtenAt: 'Recorded at',
    controls: 'Controls',
    fix: 'How to fix',
    setIn: 'set in',
    diagnosticsHeading: 'Inputs not scanned, and notes',
    level: 'Level',
    message: 'Message',
  },
  junit: {
    inputsSuite: 'sekisho: inputs that could not be scanned',
    commandLine: '(command line)',
    inBaseline: 'In the baseline: a known finding, which does not fail the build',
  },
};

const ja: UiText = {
  severity: { critical: '緊急', high: '高', medium: '中', low: '低', info: '情報' },
  unknownLabel: '判定不能',
  suppressedLabel: '抑止',
  acceptedBecause: (reason, expires) => `例外として承認済み: ${reason}${expires ? `（${expires} まで）` : ''}`,
  exceptionExpired: (reason, expires) => `この指摘の例外は ${expires} で期限切れです: ${reason}`,
  unknownMessage:
    'デプロイ前には判定できません。{{resource}} の {{path}} はデプロイするまで値が決まりません（プロバイダーが決める値、まだ作られていない別のリソースから取る値、またはここでは値が与えられていない変数・パラメーターから取る値です）。',
  unknownSecretMessage: 'ソースからは判定できません。{{resource}} の {{path}} は機密値（シークレット）として扱われているため、sekisho は値を読みません。',
  unknownInputMessage:
    'デプロイ前には判定できません。{{resource}} の {{path}} は {{input}} によって決まりますが、ここでは {{input}} に値が与えられていません。判定するには値を指定してください（CloudFormation は --parameter、Terraform は --var か --var-file）。',
  unknownModuleMessage:
    'デプロイ前には判定できません。{{resource}} の {{path}} は {{module}}の出力から取る値ですが、モジュールがインストールされていないため、sekisho には出力の値がわかりません。`terraform init` を実行して .terraform/modules にモジュールを取得してから再度スキャンするか、プラン（`terraform show -json` の出力）をスキャンしてください。',
  unknownModuleInputMessage:
    'デプロイ前には判定できません。{{resource}} の {{path}} は {{module}}の出力と {{input}} から決まりますが、モジュールはインストールされておらず、{{input}} にも値が与えられていません。`terraform init` を実行して .terraform/modules にモジュールを取得し、{{input}} に値を指定（--var か --var-file）してから再度スキャンするか、プラン（`terraform show -json` の出力）をスキャンしてください。',
  moduleNotInstalled: '{{address}}（ソース {{source}}）',
  unknownShapeMessage:
    'ソースからは判定できません。{{resource}} の {{path}} は、この設定が受け付けない形で書かれています（ブロック 1 つのはずがリストになっている、数値のはずが文字列になっているなど）。プロバイダーのリファレンスと照らし合わせて確認してください。',
  unknownInsertedMessage:
    'ソースからは判定できません。{{resource}} の {{path}} はここには書かれていませんが、このリソースのプロパティには {{transform}} の内容も加わります。これは CloudFormation がデプロイするときに挿入するもので、sekisho は Transform を実行しません。設定をテンプレート自体に書くか、読み込まれるスニペットを確認してください。',
  unknownNoEffectMessage:
    'ソースからは判定できません。{{resource}} の {{path}} で、ステートメント {{statement}} に Effect がありません。AWS がポリシーのステートメントとして受け付けるのは Effect が "Allow" か "Deny" のものだけで、このままではポリシー全体が拒否されます。そのステートメントの意図どおりの Effect を書き加えてください。',
  unknownBadEffectMessage:
    'ソースからは判定できません。{{resource}} の {{path}} で、ステートメント {{statement}} の Effect が "{{effect}}" になっています。AWS がポリシーのステートメントとして受け付けるのは Effect が "Allow" か "Deny" のものだけで、このままではポリシー全体が拒否されます。どちらかに直してください。',
  unknownNotAcceptedMessage:
    'ソースからは判定できません。{{resource}} の {{path}} に書かれた "{{value}}" は、この設定が受け付ける値ではないため、プロバイダーに拒否されます（受け付ける値: {{accepted}}）。このいずれかに直してください。',
  unknownMissingPortsMessage:
    'ソースからは判定できません。{{resource}} は {{protocol}} を許可していますが、{{path}} が書かれていません。AWS は {{protocol}} のエントリにポート範囲を必須としているため、このままではエントリが拒否されます。開けるつもりのポートを書いてください。',
  unknownResourceMessage: 'デプロイ前には判定できません。{{resource}} にはデプロイするまで決まらない値があります。',
  fixLabel: '対処',
  setAt: '設定箇所',
  deletedByChange: 'この変更で削除',
  constructLabel: 'コンストラクト',
  componentLabel: 'コンポーネント',
  noFindings: '指摘事項はありません。',
  noNewFindings: '新しい指摘事項はありません。',
  summary: (c) => `指摘 ${c.failed} 件、デプロイ前に判定できないもの ${c.unknown} 件、例外として抑止 ${c.suppressed} 件、合格 ${c.passed} 件（${c.sources} ソース中のリソース ${c.resources} 件）`,
  belowThreshold: (n, t) => `重大度「${ja.severity[t]}」未満のため表示していない指摘が ${n} 件あります`,
  baselined: (n) => `ベースラインに記録済みの既知の指摘が ${n} 件あります（一覧には出さず、終了コードにも数えません）`,
  diagnosticsHeading: 'スキャンできなかったもの',
  notesHeading: '補足',
  diagnosticLevel: { error: 'エラー', warning: '警告', info: '情報' },
  policyHeadings: { id: 'ID', severity: '重大度', title: 'タイトル', model: '対象' },
  explainHeadings: {
    description: '何を確認するか',
    rationale: 'なぜ問題か',
    remediation: '直し方',
    frameworks: '対応するフレームワーク',
    examples: '記述例',
  },
  frameworkNames: {
    guideline: 'クラウドサービスの設定ガイドラインの分類',
    iso27017: 'ISO/IEC 27017',
    soc2: 'SOC 2',
    cisAwsV3: 'CIS AWS Foundations v3.0.0',
    cisAwsV5: 'CIS AWS Foundations v5.0.0',
    fsbp: 'AWS Foundational Security Best Practices',
    cisGcpV1: 'CIS Google Cloud Platform Foundation v1.3.0',
  },
  guidelineCategories: {
    '1': 'ID とアクセス管理（IAM）',
    '2': 'ロギングとモニタリング',
    '3': 'オブジェクトストレージ',
    '4.1': '仮想マシン（VM、VPS）',
    '4.2': 'ネットワーク',
    '5': 'セキュリティ等の集中管理',
    '6.1': '鍵管理',
    '6.2': 'PaaS が提供するアプリケーション',
    '6.3': 'データベース',
    '6.4': 'コンテナ',
    '7': 'その他の設定項目（統合資産管理、バックアップなど）',
  },
  report: {
    title: 'デプロイ前の設定点検結果',
    scannedAt: '点検日時',
    checkedBy: '実施者',
    tool: 'ツール',
    sources: '点検対象',
    resources: '点検したリソース',
    policiesRun: '実行したポリシー',
    thresholdLabel: '報告の基準',
    threshold: (s) => `重大度「${s}」以上の指摘`,
    summaryHeading: '概要',
    result: '結果',
    count: '件数',
    findings: '指摘',
    undecided: 'デプロイ前に判定できないもの',
    accepted: '例外として承認済み',
    passed: '合格した点検',
    passedShort: '合格',
    undecidedShort: '判定不能',
    acceptedShort: '例外承認',
    bySeverity: '重大度別の指摘',
    belowThreshold: (n) => `報告の基準に満たない重大度の指摘 ${n} 件は、ここに数えていません。`,
    notScanned: (n) => `点検できなかった入力が ${n} 件あります（末尾の「点検できなかった入力と補足」を参照）。以下の結果はそれらを含みません。`,
    byFramework: (f) => `${beforeParticle(f)}別の結果`,
    control: '項目',
    policies: 'ポリシー',
    policy: 'ポリシー',
    severity: '重大度',
    notMapped: (f) => `${beforeParticle(f)}に対応付けのない点検`,
    nothingToCheck: (c) => `点検対象の種類のリソースがなかった管理策: ${c}`,
    findingsHeading: '指摘事項',
    noFindings: '指摘事項はありません。',
    undecidedHeading: 'デプロイ前に判定できないもの',
    undecidedNote: 'デプロイするまで値が決まらない（プロバイダーが決める値、まだ作られていない別のリソースから取る値、ここでは値が与えられていない入力）ため判定できなかったものです。デプロイ後に確認するか、値を与えて再度点検してください。',
    acceptedHeading: '例外として承認済みのもの',
    resource: 'リソース',
    where: '場所',
    detail: '内容',
    reason: '理由',
    until: '期限',
    writtenAt: '記載箇所',
    controls: '対応する項目',
    fix: '対処',
    setIn: '設定箇所',
    diagnosticsHeading: '点検できなかった入力と補足',
    level: '種別',
    message: '内容',
  },
  junit: {
    inputsSuite: 'sekisho: 点検できなかった入力',
    commandLine: '（コマンドライン）',
    inBaseline: 'ベースラインに記録済みの既知の指摘のため、ビルドを失敗させません',
  },
};

/** A name followed by a Japanese particle: a space after Latin letters or digits, none after kana or kanji. */
function beforeParticle(name: string): string {
  return /[\x21-\x7e]$/.test(name) ? `${name} ` : name;
}

export function uiText(lang: Lang): UiText {
  return lang === 'ja' ? ja : en;
}
