import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { builtinPolicies } from '../../policies/index.js';
import { LANGS, SEVERITIES, type FrameworkMappings, type Lang, type Policy, type Severity } from '../engine/policy.js';
import { langFromEnvironment } from '../i18n/lang.js';
import { DEFAULT_MAX_FILE_SIZE } from '../loaders/file.js';
import type { VariableInput } from '../loaders/types.js';
import { explainText, policyJson, policyMarkdown, policyTable } from '../reporters/catalogue.js';
import { TOOL_VERSION } from '../version.js';
import { UnknownPolicyName, withoutSkipped } from '../policy-selection.js';
import { EXIT, UsageError, type CliIo } from './io.js';
import { parseAssignment, parseParameterAssignment, readParameterFile } from './parameters.js';
import { loadPlugins } from './plugins.js';
import { SCAN_FORMATS, scanCommand, type ScanFormat } from './scan-command.js';

const MAX_FILE_SIZE_MIB = DEFAULT_MAX_FILE_SIZE / 2 ** 20;

const USAGE: Readonly<Record<Lang, string>> = {
  en: `sekisho — checks Infrastructure as Code before it is deployed

Usage:
  sekisho scan [PATH...] [options]     scan Terraform plan/state JSON, CloudFormation, CDK cloud assemblies,
                                       Pulumi stack exports and previews
  sekisho policies [--format text|json|markdown] [--lang en|ja]
  sekisho explain POLICY-ID [--lang en|ja]

Every command takes --plugin MODULE (repeatable): a JavaScript or TypeScript module whose default
export is a sekisho plugin, whose policies then run beside the built-in ones.

Scan options:
  --format text|json|sarif|junit|markdown|html
                            output format (default text); sarif is SARIF 2.1.0 for code scanning; junit is
                            JUnit XML for CI test reports (a case per resource checked); markdown and html are
                            a handover report: what was checked, the results by the controls of one framework,
                            findings, exceptions
  --framework NAME          the framework a handover report is organised by: guideline (the Japanese cloud
                            configuration guideline's categories, default), iso27017, soc2, cis-aws-v3,
                            cis-aws-v5, fsbp, cis-gcp-v1
  --checked-by NAME         who ran the check, recorded in a handover report
  --lang en|ja              language of messages (default from the locale)
  --severity LEVEL          report findings at or above LEVEL: info, low, medium, high, critical (default low)
  --skip POLICY             do not run POLICY (an ID, or a tag: --skip optional leaves out the stricter,
                            optional checks); repeatable
  --output FILE             write the report to FILE instead of standard output
  --parameters FILE         CloudFormation parameter values (aws cloudformation JSON, or {"Key": "Value"})
  --parameter KEY=VALUE     one CloudFormation parameter value (repeatable)
  --var-file FILE           Terraform variable values for .tf sources (repeatable; after terraform.tfvars)
  --var NAME=VALUE          one Terraform variable value (repeatable; with --var-file, a later value wins)
  --source DIR              the .tf source of the Terraform plans scanned, for findings on .tf lines
  --max-file-size BYTES     refuse files larger than this (default ${DEFAULT_MAX_FILE_SIZE}, ${MAX_FILE_SIZE_MIB} MiB)
  --jobs N                  threads to read sources on, used when that saves time (default: one per CPU)
  --show-unknown            list results that cannot be decided before deployment
  --show-suppressed         list findings covered by an accepted exception, with its reason
  --fail-on-unknown         exit 1 when such results exist
  --baseline FILE           findings recorded in FILE are known: reported, but they do not fail the scan
  --write-baseline FILE     record every finding of this scan in FILE (to adopt sekisho on existing code)
  --color / --no-color      force colour on or off (default: on for a terminal)

Exit codes: 0 no findings at or above the threshold, 1 findings, 2 could not scan.
`,
  ja: `sekisho — Infrastructure as Code をデプロイ前に検査します

使い方:
  sekisho scan [パス...] [オプション]  Terraform のプラン／state の JSON、CloudFormation、CDK のクラウドアセンブリ、
                                       Pulumi のスタックのエクスポートとプレビューを検査します
  sekisho policies [--format text|json|markdown] [--lang en|ja]
  sekisho explain ポリシーID [--lang en|ja]

どのコマンドにも --plugin MODULE を指定できます（複数可）。default export が sekisho のプラグインである
JavaScript または TypeScript のモジュールで、そのポリシーが組み込みのポリシーと一緒に実行されます。

scan のオプション:
  --format text|json|sarif|junit|markdown|html
                            出力形式（既定は text）。sarif はコードスキャン用の SARIF 2.1.0、junit は CI の
                            テスト結果画面向けの JUnit XML（点検したリソースごとに 1 件のテストケース）です。
                            markdown と html は引き渡し用の報告書です（何を点検したか、フレームワークの項目
                            ごとの結果、指摘事項、承認済みの例外）
  --framework NAME          報告書をどのフレームワークの項目で整理するか: guideline（クラウドサービスの
                            設定ガイドラインの分類。既定）、iso27017、soc2、cis-aws-v3、cis-aws-v5、fsbp、cis-gcp-v1
  --checked-by NAME         点検の実施者。報告書に記録します
  --lang en|ja              メッセージの言語（既定はロケールから決めます）
  --severity LEVEL          LEVEL 以上の指摘を報告します: info、low、medium、high、critical（既定は low）
  --skip POLICY             POLICY を実行しません（ポリシー ID、またはタグ。--skip optional で、より厳しい
                            任意のチェックを外します）。複数指定できます
  --output FILE             レポートを標準出力ではなく FILE に書き出します
  --parameters FILE         CloudFormation のパラメーター値（aws cloudformation の JSON、または {"Key": "Value"}）
  --parameter KEY=VALUE     CloudFormation のパラメーター値を 1 つ指定します（複数可）
  --var-file FILE           .tf を検査するときの Terraform の変数値のファイル（複数可。terraform.tfvars の後に読みます）
  --var NAME=VALUE          Terraform の変数値を 1 つ指定します（複数可。--var-file と合わせて後に指定した値が優先）
  --source DIR              検査するプランの元になった .tf のディレクトリ。指摘を .tf の行で示します
  --max-file-size BYTES     これより大きいファイルは読みません（既定は ${DEFAULT_MAX_FILE_SIZE}、${MAX_FILE_SIZE_MIB} MiB）
  --jobs N                  ソースを読み込むスレッドの数。速くなるときだけ使います（既定は CPU の数）
  --show-unknown            デプロイ前には判定できない結果も一覧にします
  --show-suppressed         例外として認められた指摘も、その理由とともに一覧にします
  --fail-on-unknown         判定できない結果があるときも終了コード 1 にします
  --baseline FILE           FILE に記録済みの指摘は既知として扱い、報告はしますが終了コードには数えません
  --write-baseline FILE     今回の指摘をすべて FILE に記録します（既存のコードに sekisho を導入するとき）
  --color / --no-color      色付けを強制的にオン／オフにします（既定は端末のときだけオン）

終了コード: 0 しきい値以上の指摘なし、1 指摘あり、2 検査できないものがあった
`,
};

/** `--framework` names, as users type them, for the keys of a policy's framework mappings. */
const FRAMEWORK_OPTIONS = {
  guideline: 'guideline',
  iso27017: 'iso27017',
  soc2: 'soc2',
  'cis-aws-v3': 'cisAwsV3',
  'cis-aws-v5': 'cisAwsV5',
  fsbp: 'fsbp',
  'cis-gcp-v1': 'cisGcpV1',
} as const satisfies Record<string, keyof FrameworkMappings>;

const HINT: Readonly<Record<Lang, string>> = { en: 'Run `sekisho --help` for usage.', ja: '使い方は `sekisho --help` で確認できます。' };

const OPTIONS = {
  format: { type: 'string' },
  framework: { type: 'string' },
  'checked-by': { type: 'string' },
  lang: { type: 'string' },
  severity: { type: 'string' },
  skip: { type: 'string', multiple: true },
  output: { type: 'string', short: 'o' },
  parameters: { type: 'string' },
  parameter: { type: 'string', multiple: true },
  'var-file': { type: 'string', multiple: true },
  var: { type: 'string', multiple: true },
  source: { type: 'string' },
  'max-file-size': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'show-unknown': { type: 'boolean' },
  'show-suppressed': { type: 'boolean' },
  'fail-on-unknown': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  plugin: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

/** Runs one sekisho command line and returns its exit code. Never throws on user input. */
export async function run(argv: readonly string[], io: CliIo, policies: readonly Policy[] = builtinPolicies): Promise<number> {
  try {
    return await dispatch(argv, io, policies);
  } catch (error) {
    const lang = errorLang(argv, io.env);
    if (error instanceof UsageError) {
      io.stderr.write(`sekisho: ${error.text[lang]}\n${HINT[lang]}\n`);
      return EXIT.error;
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = error instanceof Error ? error.message : String(error);
    const text = code
      ? { en: `cannot write output (${code})`, ja: `出力を書き込めません（${code}）` }
      : { en: `internal error: ${reason}`, ja: `内部エラー: ${reason}` };
    io.stderr.write(`sekisho: ${text[lang]}\n`);
    return EXIT.error;
  }
}

/** `--var-file` and `--var` in the order given: Terraform applies them so, a later value winning. */
function variableInputs(tokens: readonly { readonly kind: string; readonly name?: string; readonly value?: string | undefined }[]): VariableInput[] {
  return tokens.flatMap((t): VariableInput[] => {
    if (t.kind !== 'option' || t.value === undefined) return [];
    if (t.name === 'var-file') return [{ file: t.value }];
    if (t.name !== 'var') return [];
    const [name, text] = parseAssignment('--var', t.value);
    return [{ name, text }];
  });
}

/** The language to explain a failed command line in: its `--lang` if it has a valid one, else the locale's. */
function errorLang(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  const given = argv.flatMap((a, i) => (a === '--lang' ? [argv[i + 1]] : a.startsWith('--lang=') ? [a.slice('--lang='.length)] : [])).pop();
  return (LANGS as readonly (string | undefined)[]).includes(given) ? (given as Lang) : langFromEnvironment(env);
}

async function dispatch(argv: readonly string[], io: CliIo, builtins: readonly Policy[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    // Node's own account of the mistake (an unknown option, a value missing), in English.
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError({ en: reason, ja: `コマンドラインを解釈できません: ${reason}` });
  }
  const { values, positionals, tokens } = parsed;
  if (values.version) return io.stdout.write(`${TOOL_VERSION}\n`), EXIT.ok;
  const [command, ...rest] = positionals;
  const lang = choice<Lang>('--lang', values.lang, LANGS) ?? langFromEnvironment(io.env);
  if (values.help || command === undefined || command === 'help') return io.stdout.write(USAGE[lang]), command === undefined && !values.help ? EXIT.error : EXIT.ok;
  const policies = [...builtins, ...(await loadPlugins(io.cwd, values.plugin ?? [])).flatMap((p) => p.policies ?? [])];

  switch (command) {
    case 'scan':
      return await scanCommand(
        {
          paths: rest.length > 0 ? rest : ['.'],
          format: choice<ScanFormat>('--format', values.format, Object.keys(SCAN_FORMATS) as ScanFormat[]) ?? 'text',
          checkedBy: values['checked-by'],
          framework: FRAMEWORK_OPTIONS[choice('--framework', values.framework, Object.keys(FRAMEWORK_OPTIONS) as (keyof typeof FRAMEWORK_OPTIONS)[]) ?? 'guideline'],
          lang,
          threshold: choice<Severity>('--severity', values.severity, SEVERITIES) ?? 'low',
          output: values.output,
          parameters: scanParameters(io.cwd, values.parameters, values.parameter),
          variables: variableInputs(tokens),
          sourceDir: values.source,
          maxFileSize: values['max-file-size'] === undefined ? undefined : positiveInteger('--max-file-size', values['max-file-size']),
          threads: values.jobs === undefined ? availableParallelism() : positiveInteger('--jobs', values.jobs),
          showUnknown: values['show-unknown'] ?? false,
          showSuppressed: values['show-suppressed'] ?? false,
          failOnUnknown: values['fail-on-unknown'] ?? false,
          colour: values['no-color'] ? false : values.color,
          baseline: values.baseline,
          writeBaseline: values['write-baseline'],
        },
        io,
        withoutSkippedPolicies(policies, values.skip ?? []),
      );
    case 'policies': {
      const format = choice('--format', values.format, ['text', 'json', 'markdown'] as const) ?? 'text';
      const out = format === 'json' ? policyJson(policies) : format === 'markdown' ? policyMarkdown(policies) : policyTable(policies, lang);
      io.stdout.write(out);
      return EXIT.ok;
    }
    case 'explain': {
      const id = rest[0];
      if (id === undefined) throw new UsageError({ en: 'explain needs a policy ID (see `sekisho policies`)', ja: 'explain にはポリシー ID を指定してください（一覧は `sekisho policies` で確認できます）' });
      const policy = policies.find((p) => p.id === id);
      if (!policy) {
        throw new UsageError({
          en: `no policy with ID ${JSON.stringify(id)} (see \`sekisho policies\`)`,
          ja: `ID が ${JSON.stringify(id)} のポリシーはありません（一覧は \`sekisho policies\` で確認できます）`,
        });
      }
      io.stdout.write(explainText(policy, lang));
      return EXIT.ok;
    }
    default:
      throw new UsageError({ en: `unknown command ${JSON.stringify(command)}`, ja: `${JSON.stringify(command)} というコマンドはありません` });
  }
}

/** `--skip`: the policies left, or a usage error for a name that matches no policy. */
function withoutSkippedPolicies(policies: readonly Policy[], skip: readonly string[]): Policy[] {
  try {
    return withoutSkipped(policies, skip);
  } catch (error) {
    if (!(error instanceof UnknownPolicyName)) throw error;
    const name = JSON.stringify(error.policyName);
    throw new UsageError({
      en: `--skip ${name} names no policy ID or tag (see \`sekisho policies\`)`,
      ja: `--skip ${name} に当たるポリシー ID やタグはありません（一覧は \`sekisho policies\` で確認できます）`,
    });
  }
}

function choice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError({ en: `${flag} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`, ja: `${flag} には ${allowed.join('、')} のどれかを指定してください（指定された値: ${JSON.stringify(value)}）` });
}

function positiveInteger(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new UsageError({ en: `${flag} must be a positive whole number (got ${JSON.stringify(value)})`, ja: `${flag} には正の整数を指定してください（指定された値: ${JSON.stringify(value)}）` });
  }
  return n;
}

function scanParameters(cwd: string, file: string | undefined, assignments: readonly string[] | undefined): Map<string, string> {
  const out = file === undefined ? new Map<string, string>() : readParameterFile(cwd, file);
  for (const a of assignments ?? []) out.set(...parseParameterAssignment(a));
  return out;
}
