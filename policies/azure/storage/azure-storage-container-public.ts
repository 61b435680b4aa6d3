import { definePolicy } from '../../../src/engine/policy.js';

/** The access levels that let anyone read without credentials: `blob` (by URL), `container` (and list). */
const ANONYMOUS = new Set(['blob', 'container']);
const ALLOW_PUBLIC = 'allow_nested_items_to_be_public';

export default definePolicy({
  id: 'azure-storage-container-public',
  severity: 'critical',
  model: 'azure.storage.Account',
  frameworks: {
    guideline: ['3'],
    iso27017: ['9.4.1'],
    soc2: ['CC6.1', 'CC6.6'],
  },
  text: {
    en: {
      title: 'Azure Storage container open to anonymous access',
      description:
        'Checks that no blob container sets container_access_type to "blob" (anyone may read a blob whose URL they know) or "container" (anyone may also list the container\'s blobs), and that each storage account sets allow_nested_items_to_be_public = false (allow_blob_public_access in AzureRM 2.x), so that no container in it can be opened to anonymous access. AzureRM 3.x and 4.x turn that account setting on when it is left out, unlike Azure\'s own default for new accounts. An account with public_network_access_enabled = false takes no traffic from the internet and is not reported for the setting; its public containers still are, since they are open to anyone on the networks that reach it.',
      rationale:
        'Anonymous access needs no key, token or signature: anyone with a blob\'s URL — and for "container", anyone who guesses the account and container names — can download the data, and nothing records who did. Public containers are found by automated scanners, and leaked data cannot be recalled. An account that allows public containers is one change away from a leak: anyone allowed to change a container, in this code or in the portal, can open it.',
      fix: 'Set container_access_type = "private" (the default) and allow_nested_items_to_be_public = false on the storage account.',
      remediation:
        'Remove container_access_type = "blob" or "container" from azurerm_storage_container (the default is "private"), and write allow_nested_items_to_be_public = false on azurerm_storage_account (allow_blob_public_access = false in AzureRM 2.x) — explicitly, since AzureRM 3.x and 4.x otherwise turn it on. Azure then refuses anonymous access to every container of the account. Give applications access through Microsoft Entra ID roles (Storage Blob Data Reader) or short-lived shared access signatures (SAS); to hand files to people outside, give them a user delegation SAS URL that expires instead of opening a container.',
    },
    ja: {
      title: 'Azure Storage のコンテナーが匿名で読み取れるようになっている',
      description:
        'BLOB コンテナーの container_access_type が "blob"（URL を知っていれば誰でも BLOB を読める）や "container"（さらにコンテナー内の BLOB 一覧も見られる）になっていないか、またストレージアカウントで allow_nested_items_to_be_public = false（AzureRM 2.x では allow_blob_public_access）を設定し、アカウント内のどのコンテナーも匿名アクセスにできないようにしているかを確認します。AzureRM 3.x と 4.x は、このアカウント設定を書かないと有効にします。Azure で新しく作るアカウントの既定（無効）とは逆なので注意してください。public_network_access_enabled = false のアカウントはインターネットからの通信を受け付けないため、この設定については報告しません。ただし公開設定のコンテナーは、そのアカウントに届くネットワークの誰にでも開かれるため、引き続き報告します。',
      rationale:
        '匿名アクセスでは、キーもトークンも署名も要りません。BLOB の URL を知っている人なら誰でも（"container" ならアカウント名とコンテナー名を推測できた人も）データをダウンロードでき、誰が取得したかの記録も残りません。公開されたコンテナーは自動スキャンで見つかり、一度漏れたデータは取り戻せません。公開コンテナーを許すアカウントでは、コンテナーを変更できる人が（このコードでもポータルでも）設定を 1 つ変えるだけで公開できてしまいます。',
      fix: 'コンテナーの container_access_type を "private"（既定）にし、ストレージアカウントで allow_nested_items_to_be_public = false を設定してください。',
      remediation:
        'azurerm_storage_container から container_access_type = "blob"／"container" を削除し（既定は "private"）、azurerm_storage_account に allow_nested_items_to_be_public = false（AzureRM 2.x では allow_blob_public_access = false）を明示的に書きます。AzureRM 3.x と 4.x では書かないと有効になるためです。こうすると、そのアカウントのどのコンテナーにも匿名ではアクセスできなくなります。アプリケーションには Microsoft Entra ID のロール（ストレージ BLOB データ閲覧者など）か、有効期限の短い共有アクセス署名（SAS）でアクセスを与えてください。社外の人にファイルを渡す場合も、コンテナーを公開せず、有効期限付きのユーザー委任 SAS の URL を渡します。',
    },
  },
  messages: {
    en: {
      public:
        '{{container}} sets container_access_type = "{{access}}", and its storage account {{account}} sets {{setting}} = true: anyone on the internet can read its blobs without credentials.',
      publicByDefault:
        '{{container}} sets container_access_type = "{{access}}", and its storage account {{account}} leaves out allow_nested_items_to_be_public, which AzureRM 3.x and 4.x then send as true: anyone on the internet can read its blobs without credentials.',
      publicAccountUnknown:
        '{{container}} sets container_access_type = "{{access}}": anyone on the internet can read its blobs without credentials unless its storage account {{account}} sets allow_nested_items_to_be_public = false, which is not known here (the account is not in the scanned sources, or the value is only known at apply).',
      blocked:
        '{{container}} sets container_access_type = "{{access}}", but its storage account {{account}} sets {{setting}} = false, so Azure refuses anonymous access today (and rejects the setting when the container is created or changed) — but it asks for a public container; set it to "private".',
      accountAllows:
        'Storage account {{account}} sets {{setting}} = true: any of its containers can be opened to anonymous access, by this code or later by anyone allowed to change a container.',
      accountAllowsByDefault:
        'Storage account {{account}} leaves out allow_nested_items_to_be_public, which AzureRM 3.x and 4.x then send as true: any of its containers can be opened to anonymous access, by this code or later by anyone allowed to change a container.',
    },
    ja: {
      public:
        '{{container}} は container_access_type = "{{access}}" で、ストレージアカウント {{account}} も {{setting}} = true のため、インターネット上の誰でも資格情報なしで BLOB を読み取れます。',
      publicByDefault:
        '{{container}} は container_access_type = "{{access}}" で、ストレージアカウント {{account}} は allow_nested_items_to_be_public を書いていません。AzureRM 3.x と 4.x はこの場合 true を送るため、インターネット上の誰でも資格情報なしで BLOB を読み取れます。',
      publicAccountUnknown:
        '{{container}} は container_access_type = "{{access}}" です。ストレージアカウント {{account}} で allow_nested_items_to_be_public = false になっていない限り、インターネット上の誰でも資格情報なしで BLOB を読み取れます。アカウントがスキャン対象に含まれていないか、値がデプロイ時まで決まらないため、ここでは確認できません。',
      blocked:
        '{{container}} は container_access_type = "{{access}}" ですが、ストレージアカウント {{account}} が {{setting}} = false のため、現時点では匿名アクセスは拒否されます（コンテナーの作成・変更時にはこの設定自体がエラーになります）。しかし公開を意図した設定です。"private" にしてください。',
      accountAllows:
        'ストレージアカウント {{account}} は {{setting}} = true です。このコードでも、後からコンテナーを変更できる人でも、どのコンテナーでも匿名アクセスに開放できてしまいます。',
      accountAllowsByDefault:
        'ストレージアカウント {{account}} は allow_nested_items_to_be_public を書いていません。AzureRM 3.x と 4.x はこの場合 true を送るため、このコードでも、後からコンテナーを変更できる人でも、どのコンテナーでも匿名アクセスに開放できてしまいます。',
    },
  },
  snippets: {
    terraform: `resource "azurerm_storage_account" "data" {
  name                            = "exampledata"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = azurerm_resource_group.main.location
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false # AzureRM 3.x and 4.x default to true
}

resource "azurerm_storage_container" "reports" {
  name                  = "reports"
  storage_account_id    = azurerm_storage_account.data.id
  container_access_type = "private"
}`,
    pulumi: `const data = new azure.storage.Account("data", {
  resourceGroupName: main.name,
  accountTier: "Standard",
  accountReplicationType: "GRS",
  allowNestedItemsToBePublic: false,
});
new azure.storage.Container("reports", {
  storageAccountName: data.name,
  containerAccessType: "private",
});`,
  },
  check(account, { fail, unknown, pass }) {
    const allow = account.allowNestedItemsToBePublic;
    // The setting under the name it is written with (AzureRM 2.x or 3.0 and later).
    const setting = allow.at.path === '' ? ALLOW_PUBLIC : allow.at.path;
    const verdicts = account.containers.flatMap((c) => {
      if (c.accessType.origin === 'unknown') return [unknown(c.accessType)];
      const access = c.accessType.value;
      if (access === undefined || !ANONYMOUS.has(access)) return [];
      const data = { container: c.label, account: account.label, access, setting };
      if (allow.value === false) return [fail('blocked', c.accessType, data, 'high')];
      if (allow.value === undefined) return [fail('publicAccountUnknown', c.accessType, data, 'high')];
      return [fail(allow.origin === 'default' ? 'publicByDefault' : 'public', c.accessType, data)];
    });
    // A public container already says what its account allows; otherwise the account is judged on its own.
    if (verdicts.some((v) => v.status === 'fail')) return verdicts;
    const data = { account: account.label, setting };
    if (allow.origin === 'unknown') return [...verdicts, unknown(allow)];
    // An account refusing traffic from the internet serves no anonymous reader there, whatever its containers become.
    if (allow.value === true && account.publicNetworkAccess.value !== false) return [...verdicts, fail(allow.origin === 'default' ? 'accountAllowsByDefault' : 'accountAllows', allow, data, 'medium')];
    return verdicts.length > 0 ? verdicts : pass();
  },
});
