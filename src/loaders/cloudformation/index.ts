import { InputError, inputErrorDiagnostic, type Diagnostic } from '../../diagnostic.js';
import { parseJsonWithLines, type JsonWithLines } from '../json-with-lines.js';
import type { LoadedUnit } from '../types.js';
import { loadTemplate, type StackOptions } from './template.js';
import { MULTIPLE_DOCUMENTS, parseCloudFormationYaml, parseCloudFormationYamlDocuments } from './yaml.js';

/**
 * A template is JSON when it starts with `{`; otherwise YAML (which CloudFormation also reads).
 * CloudFormation reads a template JSON refuses as YAML, so a `{` template with what JSON does not
 * allow but YAML's flow style does (an unquoted key, a trailing comma) is read so too; when YAML
 * refuses it as well, the JSON error is the one told, as what the author meant to write.
 */
export function parseTemplateText(text: string): JsonWithLines {
  if (!text.trimStart().startsWith('{')) return parseCloudFormationYaml(text);
  try {
    return parseJsonWithLines(text);
  } catch (jsonError) {
    // Nesting too deep for JSON is too deep for YAML as well: not read twice.
    if (!(jsonError instanceof InputError) || jsonError.code === 'too-deep') throw jsonError;
    try {
      return parseCloudFormationYaml(text);
    } catch (yamlError) {
      throw yamlError instanceof InputError ? jsonError : yamlError;
    }
  }
}

/**
 * Loads a standalone CloudFormation template file (YAML or JSON). Its stack name is known only when
 * given (a CDK app's synthesized stack): a file can be deployed under any name.
 */
export function loadCloudFormation(text: string, file: string, stack: StackOptions = {}): LoadedUnit {
  let parsed: JsonWithLines;
  try {
    parsed = parseTemplateText(text);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const refused = inputErrorDiagnostic(file, error);
    return error.code === MULTIPLE_DOCUMENTS ? loadDocuments(text, file, stack, refused) : { nodes: [], edges: [], diagnostics: [refused] };
  }
  return loadTemplate({ ...stack, file, unit: file, addressPrefix: '', format: 'cloudformation', parsed });
}

/**
 * A file of several YAML documents: CloudFormation refuses it (`refused` says where the second
 * starts), and each document is still checked as a template of its own, so that nothing written in
 * it goes unread.
 */
function loadDocuments(text: string, file: string, stack: StackOptions, refused: Diagnostic): LoadedUnit {
  const units = parseCloudFormationYamlDocuments(text).map((parsed, i) =>
    parsed instanceof InputError
      ? { nodes: [], edges: [], diagnostics: [inputErrorDiagnostic(file, parsed)] }
      : loadTemplate({ ...stack, file, unit: i === 0 ? file : `${file}#${i + 1}`, addressPrefix: '', format: 'cloudformation', parsed }),
  );
  // Everything written was read: a warning, not an error, that CloudFormation will not take the file.
  const more = {
    en: `${refused.message.en} (CloudFormation refuses this file); each document is checked as a template of its own`,
    ja: `${refused.message.ja}（CloudFormation はこのファイルを受け付けません）。各文書をそれぞれ 1 つのテンプレートとして点検します`,
  };
  return {
    nodes: units.flatMap((u) => u.nodes),
    edges: units.flatMap((u) => u.edges),
    diagnostics: [{ ...refused, level: 'warning', message: more }, ...units.flatMap((u) => u.diagnostics)],
    exports: units.flatMap((u) => u.exports ?? []),
    importing: units.flatMap((u) => u.importing ?? []),
  };
}
