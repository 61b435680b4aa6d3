/**
 * The user and password of every URL in `text` left out (`https://…@host/…`): a bucket or database
 * named with a connection string, a module source with a token. Everything from `//` to the last
 * `@` of the same word goes, more than Go's URL parser would take for credentials, so that a
 * password holding a `/` or an `@` is never shown in part.
 */
export function withoutUrlCredentials(text: string): string {
  return text.includes('@') ? text.replace(/\/\/\S*@/g, '//…@') : text;
}
