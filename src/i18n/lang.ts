import type { Lang } from '../engine/policy.js';

/** The language from the locale (`LC_ALL`, then `LC_MESSAGES`, then `LANG`): Japanese for `ja*`. */
export function langFromEnvironment(env: NodeJS.ProcessEnv): Lang {
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
