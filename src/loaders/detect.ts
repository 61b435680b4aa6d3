/** The file formats recognised by content. A CDK assembly is recognised as a directory instead. */
export type FileKind = 'terraform-json' | 'cloudformation' | 'pulumi';

/** Why a file cannot be read as text at all. */
export type Unreadable = 'empty' | 'binary' | 'terraform-binary-plan';

/** Only the start of a file is searched for a format's markers: they sit near the top. */
export const SNIFF_LENGTH = 1 << 20;

/** Tells whether bytes are text worth sniffing. */
export function unreadableReason(bytes: Uint8Array): Unreadable | undefined {
  // A saved plan (`terraform plan -out`) is a zip archive.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'terraform-binary-plan';
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return 'binary';
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf) return undefined;
  return 'empty';
}

/**
 * Recognises a format by content, as DESIGN.md says: plan/state JSON by `format_version` with
 * `planned_values`/`resource_changes`/`values`; CloudFormation by `AWSTemplateFormatVersion` or a
 * `Resources` section with `AWS::` types; a Pulumi stack export by its `deployment` with a
 * `manifest`, a Pulumi preview by its `steps` on `urn:pulumi:` resources (the stack itself is always one).
 * Markers are searched even in files that will not parse, so a truncated template is reported
 * rather than skipped.
 */
export function detectKind(text: string): FileKind | undefined {
  const head = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    if (/"format_version"\s*:/.test(head) && /"(planned_values|resource_changes|prior_state|values|configuration)"\s*:/.test(head)) return 'terraform-json';
    // CloudFormation reads a template JSON refuses as YAML: its keys may be unquoted (flow style).
    if (/["']?AWSTemplateFormatVersion["']?\s*:/.test(head)) return 'cloudformation';
    if (/["']?Resources["']?\s*:/.test(head) && /["']?Type["']?\s*:\s*["']?AWS::/.test(head)) return 'cloudformation';
    if (/"deployment"\s*:\s*\{/.test(head) && /"manifest"\s*:/.test(head)) return 'pulumi';
    if (/"checkpoint"\s*:\s*\{/.test(head) && /"latest"\s*:\s*\{/.test(head) && /"manifest"\s*:/.test(head)) return 'pulumi';
    if (/"steps"\s*:\s*\[/.test(head) && /"urn"\s*:\s*"urn:pulumi:/.test(head)) return 'pulumi';
    return undefined;
  }
  // Top-level keys may be indented, all by the indentation of the first: still one YAML mapping.
  // A `Resources:` nested deeper (a Serverless Framework `resources:` section) is not a template.
  const indent = /^(?:[ \t]*(?:#.*|---.*)?\r?\n)*([ \t]*)/.exec(head)![1]!;
  if (hasTopKey(head, indent, 'AWSTemplateFormatVersion')) return 'cloudformation';
  if (hasTopKey(head, indent, 'Resources') && /\bType["']?\s*:\s*["']?AWS::/.test(head)) return 'cloudformation';
  return undefined;
}

/**
 * Whether a line of `text` starts with `indent` and then `key:`, as `^${indent}["']?${key}["']?\s*:`
 * in multiline mode would tell. The indentation is compared outside the pattern: one of 100,000
 * spaces made a pattern too large to compile, an error quoting it whole.
 */
function hasTopKey(text: string, indent: string, key: string): boolean {
  const afterIndent = new RegExp(`["']?${key}["']?\\s*:`, 'y');
  const lineEnd = /[\n\r\u2028\u2029]/g;
  for (let line = 0; ; ) {
    afterIndent.lastIndex = line + indent.length;
    if (text.startsWith(indent, line) && afterIndent.test(text)) return true;
    if (!lineEnd.exec(text)) return false;
    line = lineEnd.lastIndex;
  }
}

/**
 * Whether text is a Terraform state as Terraform stores it (`terraform.tfstate`: `version`,
 * `serial`, `lineage`, `resources` with `instances`), which sekisho does not read: the JSON
 * `terraform show -json` writes of it is what it reads.
 */
export function isStoredTerraformState(text: string): boolean {
  const head = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  return /"lineage"\s*:/.test(head) && /"serial"\s*:/.test(head) && /"resources"\s*:\s*\[/.test(head) && !/"format_version"\s*:/.test(head);
}
