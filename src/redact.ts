/**
 * The user and password of every URL in `text` left out (`https://…@host/…`): a bucket or database
 * named with a connection string, a module source with a token. Everything from `//` to the last
 * `@` of the same word goes, more than Go's URL parser would take for credentials, so that a
 * password holding a `/` or an `@` is never shown in part.
 */
export function withoutUrlCredentials(text: string): string {
  return text.includes('@') ? text.replace(/\S+/g, wordWithoutCredentials) : text;
}

/**
 * One word from its first `//` to its last `@` as `//…@`: what `/\/\/\S*@/g` took, which looked
 * for an `@` again from each `//`, in time quadratic in a long word of `//` without one.
 */
function wordWithoutCredentials(word: string): string {
  const from = word.indexOf('//');
  const to = word.lastIndexOf('@');
  return from !== -1 && to >= from + 2 ? `${word.slice(0, from)}//…@${word.slice(to + 1)}` : word;
}
