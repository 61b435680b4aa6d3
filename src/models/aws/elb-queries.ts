import { CLAUSE_SEPARATOR, inEachLanguage, knownAtDeployment, phrase, shown, textIn, type MessageValue } from '../../i18n/phrase.js';
import type { ElbListener, LoadBalancer, TlsPolicy } from './elb.js';

/**
 * Predefined ELB security policies that negotiate TLS 1.2 or later only, from AWS's security
 * policy tables for Application, Network and Classic Load Balancers. Newer policies of the
 * `ELBSecurityPolicy-TLS13-1-2-*` and `-TLS13-1-3-*` families (FIPS, post-quantum, …) are recognised
 * by name; everything else AWS predefines also allows TLS 1.0 or 1.1.
 */
export const MODERN_TLS_POLICIES: readonly string[] = [
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
];

/** The TLS 1.3 families whose minimum is TLS 1.2 or 1.3, whatever suffix (FIPS, PQ, date) they carry. */
const MODERN_FAMILY = /^ELBSecurityPolicy-TLS13-1-[23]-/;

/** Predefined policies (ALB/NLB and Classic) that still accept TLS 1.0 or 1.1. */
const LEGACY_POLICY = /^(ELBSecurityPolicy-(TLS13-1-[01]-|TLS-1-[01]-|FS-2018-06$|FS-1-1-|20\d\d-\d\d$)|ELBSample-)/;

/** Protocols of a custom Classic Load Balancer policy (`Protocol-…` attributes) older than TLS 1.2. */
const LEGACY_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

/** Whether a listener's policy lets clients negotiate TLS 1.0 or 1.1 (or SSLv3); `undefined` for a name we do not know. */
export function allowsLegacyTls(policy: TlsPolicy): boolean | undefined {
  if (policy.kind === 'custom') return policy.protocols.some((p) => LEGACY_PROTOCOLS.has(p));
  if (MODERN_TLS_POLICIES.includes(policy.name) || MODERN_FAMILY.test(policy.name)) return false;
  return LEGACY_POLICY.test(policy.name) ? true : undefined;
}

export const lbLabel = (lb: LoadBalancer): string => lb.name.value ?? lb.resource.address;

/**
 * `legacy-elb port 80 (HTTP)` for an inline listener; a listener resource of its own is named by
 * its address. A port or protocol not known before deployment shows the expression it comes from
 * (`port var.port`), else says it is known only at deployment, in each language.
 */
export function listenerLabel(lb: LoadBalancer, listener: ElbListener): MessageValue {
  const where = listener.at.path === '' ? listener.at.node.address : lbLabel(lb);
  const port = shown(listener.port, knownAtDeployment(phrase('port', 'ポート')));
  const protocol = shown(listener.protocol, knownAtDeployment(phrase('protocol', 'プロトコル')));
  return inEachLanguage((lang) =>
    typeof port === 'object' ? `${where} (${textIn(protocol, lang)}${CLAUSE_SEPARATOR[lang]}${port[lang]})` : `${where} port ${port} (${textIn(protocol, lang)})`,
  );
}
