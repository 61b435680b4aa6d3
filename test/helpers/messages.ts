/**
 * What a finding's message must never show: a placeholder left unfilled (`{{name}}`), a value that
 * was not there (`undefined`, `NaN`, `[object Object]`), or a bare `?` standing for a value the code
 * did not know (`grants ? on …`). A `?` inside a word is an IAM wildcard (`s3:Get?bject`).
 */
const UNREADABLE = /\{\{|\bundefined\b|\bNaN\b|\[object Object\]|(?:^|[\s(（,、])\?(?:$|[\s)）,、.。])/;

/**
 * The first part of `message` a reader could not use, else `undefined`. A schedule expression it
 * quotes is left out: `?` is a field of cron (`cron(0 3 1 JAN,JUL ? *)`), meaning any day.
 */
export function unreadablePart(message: string): string | undefined {
  return UNREADABLE.exec(message.replace(/\bcron\([^)]*\)/g, 'cron(…)'))?.[0];
}
