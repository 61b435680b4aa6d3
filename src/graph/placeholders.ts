/**
 * The `${…}` parts of a shape (`arn:${AWS::Partition}:s3:::${Bucket}/*`), each from a `${` to the
 * first `}` after it: what `/\$\{[^}]*\}/g` finds, found by `indexOf`. A pattern looks for a `}`
 * after every `${` again, so a value holding many unclosed `${` (`${${${…`) took time quadratic in
 * its length (seconds for 30 kB); this reads each character once.
 */

/** Where each part is, `[start, end)`, left to right. */
export function* placeholderSpans(text: string): Generator<readonly [number, number]> {
  let from = 0;
  for (let open = text.indexOf('${'); open !== -1; open = text.indexOf('${', from)) {
    const close = text.indexOf('}', open + 2);
    // No `}` after this `${`, so none after any later one either.
    if (close === -1) return;
    from = close + 1;
    yield [open, from];
  }
}

/** Whether `text` holds a part (`/\$\{[^}]*\}/.test`). */
export function hasPlaceholder(text: string): boolean {
  return !placeholderSpans(text).next().done;
}

/** The parts, in order (`text.match(/\$\{[^}]*\}/g) ?? []`). */
export function placeholdersOf(text: string): string[] {
  return Array.from(placeholderSpans(text), ([start, end]) => text.slice(start, end));
}

/** The literal text around the parts (`text.split(/\$\{[^}]*\}/)`): one more piece than there are parts. */
export function literalPieces(text: string): string[] {
  const pieces: string[] = [];
  let last = 0;
  for (const [start, end] of placeholderSpans(text)) {
    pieces.push(text.slice(last, start));
    last = end;
  }
  pieces.push(text.slice(last));
  return pieces;
}

/** Each part replaced by what `by` gives for it (`text.replace(/\$\{[^}]*\}/g, by)`). */
export function replacePlaceholders(text: string, by: string | ((part: string) => string)): string {
  let out = '';
  let last = 0;
  for (const [start, end] of placeholderSpans(text)) {
    out += text.slice(last, start) + (typeof by === 'string' ? by : by(text.slice(start, end)));
    last = end;
  }
  return out + text.slice(last);
}

/**
 * Each `${…}` whose inside `wanted` accepts replaced by `by`, as `text.replace(/\$\{(…)\}/g, by)`
 * does for a pattern of the inside that takes no `}`: such a part may also start at a `${` within
 * another (`${x${AWS::Region}`), so every `${` is tried, each against the first `}` after it.
 * `wanted` should take time bounded by its pattern, not by the inside's length.
 */
export function replacePlaceholdersWhere(text: string, wanted: (inside: string) => boolean, by: string): string {
  let out = '';
  let last = 0;
  let close = -1;
  for (let open = text.indexOf('${'); open !== -1; open = text.indexOf('${', open + 2)) {
    // The `}` found for an earlier `${` is still the first one after this one, unless passed.
    if (close < open + 2) close = text.indexOf('}', open + 2);
    if (close === -1) break;
    if (!wanted(text.slice(open + 2, close))) continue;
    out += text.slice(last, open) + by;
    last = close + 1;
    open = close - 1; // the search goes on after this part
  }
  return out + text.slice(last);
}

/**
 * Whether every part of a shape names one value — a parameter, a pseudo parameter, a resource or one
 * of its attributes (`${AppName}-${AWS::Region}`, `${Bucket.Arn}/*`) — so that two strings written
 * with the same shape in one template are the same string. A part standing for whatever an
 * expression gives (`${?}`) or for a function's result (`${Fn::GetAZs}`, `${Fn::ImportValue}`)
 * may differ from one writing to the next. A shape without parts is a known string, not a shape.
 */
export function isNamedShape(shape: string): boolean {
  let parts = 0;
  for (const [start, end] of placeholderSpans(shape)) {
    const inside = shape.slice(start + 2, end - 1);
    if (inside === '' || inside.includes('?') || inside.startsWith('Fn::')) return false;
    parts++;
  }
  return parts > 0;
}
