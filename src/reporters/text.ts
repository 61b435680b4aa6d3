import type { Finding } from '../engine/finding.js';
import type { Severity } from '../engine/policy.js';
import { uiText } from '../i18n/messages.js';
import { isUrn } from '../loaders/pulumi/urn.js';
import { evidenceElsewhere, filePosition } from './location.js';
import { printable } from './printable.js';
import type { Reporter } from './reporter.js';
import { listIn } from '../i18n/phrase.js';

type Style = (s: string) => string;
const ansi = (open: number, close: number): Style => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Style = (s) => s;

const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: (s) => ansi(1, 22)(ansi(31, 39)(s)),
  high: ansi(31, 39),
  medium: ansi(33, 39),
  low: ansi(36, 39),
  info: ansi(2, 22),
};

/** Findings grouped by file, each with its line, severity, policy, message, where the setting lives, and the fix. */
export const textReporter: Reporter = (input, options) => {
  const t = uiText(input.lang);
  const style = (s: Style): Style => (options.colour ? s : plain);
  const bold = style(ansi(1, 22));
  const dim = style(ansi(2, 22));
  const lines: string[] = [];

  const shown = input.findings.filter((f) => !f.baselined && (f.status === 'fail' || (f.status === 'unknown' && options.showUnknown) || (f.status === 'suppressed' && options.showSuppressed)));
  const byFile = new Map<string, Finding[]>();
  for (const f of shown) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, findings] of byFile) {
    lines.push(bold(printable(file)));
    for (const f of findings) {
      const label =
        f.status === 'unknown' ? dim(t.unknownLabel) : f.status === 'suppressed' ? dim(`${t.suppressedLabel} ${t.severity[f.severity]}`) : style(SEVERITY_STYLE[f.severity])(t.severity[f.severity]);
      const where = f.line === undefined ? '' : `${f.line}`;
      lines.push(`  ${where.padStart(5)}  ${label}  ${f.policyId}  ${bold(printable(f.resource))}${f.constructPath ? dim(` (${isUrn(f.resource) ? t.componentLabel : t.constructLabel} ${printable(f.constructPath)})`) : ''}`);
      lines.push(`         ${printable(f.message)}`);
      const ev = evidenceElsewhere(f);
      if (ev) {
        const note = listIn([ev.path, ev.deleted ? t.deletedByChange : ''].filter((part) => part !== ''), input.lang);
        const construct = ev.constructPath !== undefined && ev.resource !== f.resource ? ` (${t.constructLabel} ${ev.constructPath})` : '';
        lines.push(dim(printable(`         ${t.setAt}: ${ev.resource}${construct}${note ? ` (${note})` : ''} — ${filePosition(ev.file, ev.line)}`)));
      }
      if (f.suppression && f.status === 'suppressed') lines.push(dim(printable(`         ${t.acceptedBecause(f.suppression.reason, f.suppression.expires)}`)));
      if (f.suppression?.expired) lines.push(printable(`         ${t.exceptionExpired(f.suppression.reason, f.suppression.expires ?? '')}`));
      if (f.status === 'fail') lines.push(`         ${t.fixLabel}: ${f.fix}`);
    }
    lines.push('');
  }

  if (input.diagnostics.length > 0) {
    lines.push(bold(input.diagnostics.every((d) => d.level === 'info') ? t.notesHeading : t.diagnosticsHeading));
    for (const d of input.diagnostics) {
      const at = filePosition(d.file, d.line, d.column);
      // A diagnostic about the command line itself has no file.
      const level = t.diagnosticLevel[d.level];
      lines.push(`  ${d.level === 'error' ? style(ansi(31, 39))(level) : dim(level)}  ${printable(`${at === '' ? '' : `${at}: `}${d.message[input.lang]}`)}`);
    }
    lines.push('');
  }

  const s = input.summary;
  if (s.failed === 0 && input.diagnostics.every((d) => d.level !== 'error')) lines.push(s.baselined ? t.noNewFindings : t.noFindings);
  lines.push(t.summary({ failed: s.failed, unknown: s.unknown, suppressed: s.suppressed, passed: s.passed, resources: s.resources, sources: s.sources.length }));
  if (s.baselined) lines.push(dim(t.baselined(s.baselined)));
  if (s.belowThreshold > 0) lines.push(dim(t.belowThreshold(s.belowThreshold, input.threshold)));
  return `${lines.join('\n')}\n`;
};
