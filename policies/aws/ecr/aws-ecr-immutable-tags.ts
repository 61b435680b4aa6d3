import { definePolicy } from '../../../src/engine/policy.js';

export default definePolicy({
  id: 'aws-ecr-immutable-tags',
  severity: 'low',
  model: 'aws.ecr.Repository',
  frameworks: {
    guideline: ['6.4'],
    iso27017: ['12.1.2'],
    soc2: ['CC8.1', 'CC6.8'],
    fsbp: ['ECR.2'],
  },
  text: {
    en: {
      title: 'ECR repository allows image tags to be overwritten',
      description:
        'Checks that image_tag_mutability / ImageTagMutability is IMMUTABLE (or IMMUTABLE_WITH_EXCLUSION). Left out, it is MUTABLE: pushing an image with an existing tag moves the tag to the new image.',
      rationale:
        'With mutable tags, whoever can push to the repository — a compromised CI job, a stolen developer credential, a mistaken build — can replace the image behind a tag such as v1.4.2 or prod, and every task, pod or function pulling that tag runs the new image without any change to its definition. Rollbacks to a tag may also bring back something other than what was tested.',
      fix: 'Set image_tag_mutability = "IMMUTABLE" (ImageTagMutability: IMMUTABLE) and give each build a unique tag.',
      remediation:
        'Set image_tag_mutability to IMMUTABLE (ImageTagMutability: IMMUTABLE; imageTagMutability: ecr.TagMutability.IMMUTABLE in the CDK) and tag every build uniquely, for example with the commit SHA. If a moving tag such as latest is needed, use IMMUTABLE_WITH_EXCLUSION with an exclusion filter for just that tag. Deploy by image digest where the service supports it.',
    },
    ja: {
      title: 'ECR リポジトリでイメージタグを上書きできる',
      description:
        'image_tag_mutability / ImageTagMutability が IMMUTABLE（または IMMUTABLE_WITH_EXCLUSION）になっているかを確認します。省略すると MUTABLE になり、既存のタグと同じタグでイメージをプッシュすると、タグが新しいイメージに付け替えられます。',
      rationale:
        'タグが変更可能だと、リポジトリにプッシュできる人（侵害された CI ジョブ、盗まれた開発者の認証情報、誤ったビルドなど）が v1.4.2 や prod といったタグの中身を差し替えられます。そのタグを参照するタスク、Pod、関数は、定義を何も変えないまま新しいイメージを実行します。タグを指定したロールバックで、テストしたものと違うイメージが戻ることもあります。',
      fix: 'image_tag_mutability = "IMMUTABLE"（ImageTagMutability: IMMUTABLE）にし、ビルドごとに一意のタグを付けてください。',
      remediation:
        'image_tag_mutability を IMMUTABLE にします（CloudFormation では ImageTagMutability: IMMUTABLE、CDK では imageTagMutability: ecr.TagMutability.IMMUTABLE）。ビルドごとにコミットの SHA などで一意のタグを付けてください。latest のように動かすタグが必要な場合は、IMMUTABLE_WITH_EXCLUSION を使い、そのタグだけを除外フィルターに指定します。サービスが対応していれば、イメージダイジェストでデプロイしてください。',
    },
  },
  messages: {
    en: {
      mutable: 'Image tags in ECR repository {{repository}} are mutable ({{setting}}): pushing a tag again replaces the image behind it.',
    },
    ja: {
      mutable: 'ECR リポジトリ {{repository}} のイメージタグは変更可能です（{{setting}}）。同じタグでプッシュすると、そのタグのイメージが差し替わります。',
    },
  },
  snippets: {
    terraform: `resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}`,
    cloudformation: `AppRepository:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryName: app
    ImageTagMutability: IMMUTABLE`,
    cdk: `new ecr.Repository(this, 'App', {
  imageTagMutability: ecr.TagMutability.IMMUTABLE,
});`,
    pulumi: `new aws.ecr.Repository("app", {
  name: "app",
  imageTagMutability: "IMMUTABLE",
});`,
  },
  check(repository, { expect }) {
    const setting = repository.tagMutability;
    return expect(setting, (v) => v !== undefined && v.startsWith('IMMUTABLE'), 'mutable', {
      repository: repository.name.value ?? repository.resource.address,
      setting: setting.value ?? 'MUTABLE',
    });
  },
});
