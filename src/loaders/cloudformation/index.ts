import { InputError, inputErrorDiagnostic } from '../../diagnostic.js';
import { parseJsonWithLines, type JsonWithLines } from '../json-with-lines.js';
import type { LoadedUnit } from '../types.js';
import { loadTemplate, type StackOptions } from './template.js';
import { parseCloudFormationYaml } from './yaml.js';

/** A template is JSON when it starts with `{`; otherwise YAML (which CloudFormation also reads). */
export function parseTemplateText(text: string): JsonWithLines {
  return text.trimStart().startsWith('{') ? parseJsonWithLines(text) : parseCloudFormationYaml(text);
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
    return { nodes: [], edges: [], diagnostics: [inputErrorDiagnostic(file, error)] };
  }
  return loadTemplate({ ...stack, file, unit: file, addressPrefix: '', format: 'cloudformation', parsed });
}
