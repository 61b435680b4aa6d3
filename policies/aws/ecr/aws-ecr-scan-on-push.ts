import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ecr-scan-on-push',
  severity: 'medium',
  model: 'aws.ecr.Repository',
  frameworks: {
    guideline: ['6.4'],
    iso27017: ['12.6.1'],
    soc2: ['CC6.8'],
    fsbp: ['ECR.1'],
  },
  text: {
    en: {
      title: 'ECR images not scanned for vulnerabilities on push',
      description:
        'Checks that images pushed to the repository are scanned: the repository sets scan_on_push / ScanOnPush to true (off by default), or a registry scanning configuration (aws_ecr_registry_scanning_configuration, AWS::ECR::RegistryScanningConfiguration) has a SCAN_ON_PUSH or CONTINUOUS_SCAN rule whose filter matches the repository.',
      rationale:
        'Without scanning, images with known vulnerabilities in their operating system packages or libraries are deployed without anyone being told, and nothing flags them later. Scanning on push reports the CVEs of every image as it arrives, so a vulnerable base image or dependency is caught before it runs — and, with enhanced scanning, again when a new CVE is published.',
      fix: 'Turn on scan on push for the repository, or add a registry scanning rule (preferably enhanced, CONTINUOUS_SCAN) that covers it.',
      remediation:
        'Prefer registry-level scanning: an aws_ecr_registry_scanning_configuration (AWS::ECR::RegistryScanningConfiguration) with scan_type ENHANCED and a rule with scan_frequency CONTINUOUS_SCAN (or SCAN_ON_PUSH) and a repository filter of "*" covers every repository, including ones created later, and uses Amazon Inspector. At minimum, set image_scanning_configuration { scan_on_push = true } on the repository (ImageScanningConfiguration: ScanOnPush: true; imageScanOnPush: true in the CDK). Then act on the findings — block deployments with critical CVEs in your pipeline.',
    },
    ja: {
      title: 'ECR のイメージがプッシュ時に脆弱性スキャンされない',
      description:
        'リポジトリにプッシュしたイメージがスキャンされるかを確認します。リポジトリで scan_on_push / ScanOnPush を true にする（既定は無効）か、レジストリのスキャン設定（aws_ecr_registry_scanning_configuration、AWS::ECR::RegistryScanningConfiguration）に、リポジトリに一致するフィルターを持つ SCAN_ON_PUSH または CONTINUOUS_SCAN のルールがあれば問題ありません。',
      rationale:
        'スキャンしないと、OS パッケージやライブラリに既知の脆弱性があるイメージが誰にも知られずにデプロイされ、その後も指摘されません。プッシュ時にスキャンすれば、届いたイメージごとに CVE が報告され、脆弱なベースイメージや依存関係を動かす前に見つけられます。拡張スキャンなら、新しい CVE が公開されたときにも再検出されます。',
      fix: 'リポジトリでプッシュ時のスキャンを有効にするか、リポジトリを対象に含むレジストリのスキャンルール（できれば拡張スキャンの CONTINUOUS_SCAN）を追加してください。',
      remediation:
        'レジストリ単位のスキャンがおすすめです。aws_ecr_registry_scanning_configuration（AWS::ECR::RegistryScanningConfiguration）で scan_type を ENHANCED にし、scan_frequency が CONTINUOUS_SCAN（または SCAN_ON_PUSH）でリポジトリフィルターが "*" のルールを作れば、後から作るリポジトリも含めてすべてが Amazon Inspector でスキャンされます。最低限、リポジトリに image_scanning_configuration { scan_on_push = true } を指定してください（CloudFormation では ImageScanningConfiguration: ScanOnPush: true、CDK では imageScanOnPush: true）。そのうえで、重大な CVE があるイメージはパイプラインでデプロイを止めるなど、結果に対応します。',
    },
  },
  messages: {
    en: { notScanned: 'Images pushed to ECR repository {{repository}} are not scanned: neither the repository nor a registry scanning rule scans on push.' },
    ja: { notScanned: 'ECR リポジトリ {{repository}} にプッシュしたイメージはスキャンされません。リポジトリにもレジストリのスキャンルールにも、プッシュ時のスキャンがありません。' },
  },
  snippets: {
    terraform: `resource "aws_ecr_registry_scanning_configuration" "this" {
  scan_type = "ENHANCED"
  rule {
    scan_frequency = "CONTINUOUS_SCAN"
    repository_filter {
      filter      = "*"
      filter_type = "WILDCARD"
    }
  }
}

# or, per repository:
resource "aws_ecr_repository" "app" {
  name = "app"
  image_scanning_configuration {
    scan_on_push = true
  }
}`,
    cloudformation: `RegistryScanning:
  Type: AWS::ECR::RegistryScanningConfiguration
  Properties:
    ScanType: ENHANCED
    Rules:
      - ScanFrequency: CONTINUOUS_SCAN
        RepositoryFilters:
          - Filter: "*"
            FilterType: WILDCARD
# or, per repository:
AppRepository:
  Type: AWS::ECR::Repository
  Properties:
    ImageScanningConfiguration:
      ScanOnPush: true`,
    cdk: `new ecr.Repository(this, 'App', {
  imageScanOnPush: true,
});`,
    pulumi: `new aws.ecr.RegistryScanningConfiguration("this", {
  scanType: "ENHANCED",
  rules: [{ scanFrequency: "CONTINUOUS_SCAN", repositoryFilters: [{ filter: "*", filterType: "WILDCARD" }] }],
});`,
  },
  check(repository, { fail, unknown, pass }) {
    const own = repository.scanOnPush;
    const registry = repository.registryScanOnPush;
    if (own.value === true || registry.value === true) return pass();
    if (own.origin === 'unknown') return unknown(own);
    if (registry.origin === 'unknown') return unknown(registry);
    return fail('notScanned', own, { repository: repository.name.value ?? repository.resource.address });
  },
});
