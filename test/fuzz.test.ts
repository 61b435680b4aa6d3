import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinPolicies } from '../policies/index.js';
import { adapters } from '../src/adapters/index.js';
import { InputError } from '../src/diagnostic.js';
import { evaluate } from '../src/engine/evaluate.js';
import { ResourceGraph } from '../src/graph/graph.js';
import { loadCloudFormation } from '../src/loaders/cloudformation/index.js';
import { parseJsonWithLines } from '../src/loaders/json-with-lines.js';
import { loadPulumiJson } from '../src/loaders/pulumi/index.js';
import { loadTerraformJson } from '../src/loaders/terraform-plan/index.js';

/**
 * Loaders take untrusted input: whatever the bytes, they return nodes and diagnostics, and never
 * throw. Real fixtures are mutated (values replaced, truncated, bytes flipped) to reach deep paths.
 */
const root = join(import.meta.dirname, '..');
const fixture = (path: string): string => readFileSync(join(root, 'fixtures', path), 'utf8');

const PLAN = fixture('parity/terraform-plan/parity.json');
const TEMPLATE_YAML = fixture('parity/cloudformation/parity.yaml');
const TEMPLATE_JSON = fixture('parity/cdk/cdk.out/Parity.template.json');
const SAM_TEMPLATE = fixture('loaders/cloudformation/sam.json');
const STACK_EXPORT = fixture('loaders/pulumi/legacy.json');
const PREVIEW = fixture('loaders/pulumi/update-preview.json');

const json = fc.jsonValue({ maxDepth: 6 });

/** Replaces one value somewhere in a JSON tree with `replacement`. */
function replaceAt(tree: unknown, pick: number, replacement: unknown): unknown {
  let n = 0;
  const visit = (v: unknown): unknown => {
    if (n++ === pick) return replacement;
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, visit(x)]));
    return v;
  };
  return visit(tree);
}

const loaders = {
  plan: (text: string) => loadTerraformJson(text, 'plan.json'),
  template: (text: string) => loadCloudFormation(text, 'template.yaml'),
  'SAM template': (text: string) => loadCloudFormation(text, 'template.json'),
  pulumi: (text: string) => loadPulumiJson(text, 'stack.json'),
};

/** A real document of each loader's, to mutate: whole, and as text to cut. */
const SAMPLES: Record<keyof typeof loaders, { readonly tree: string; readonly text: string }> = {
  plan: { tree: PLAN, text: PLAN.slice(0, 4000) },
  template: { tree: TEMPLATE_JSON, text: TEMPLATE_YAML },
  'SAM template': { tree: SAM_TEMPLATE, text: SAM_TEMPLATE },
  pulumi: { tree: STACK_EXPORT, text: PREVIEW.slice(0, 6000) },
};

describe('JSON parser with lines', () => {
  it('reads every JSON document exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(json, fc.boolean(), (value, pretty) => {
        const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
        expect(parseJsonWithLines(text).value).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what JSON.parse rejects, with an InputError carrying a position', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        let expected = true;
        try {
          JSON.parse(text);
        } catch {
          expected = false;
        }
        try {
          parseJsonWithLines(text);
          expect(expected).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect(expected).toBe(false);
          expect((error as InputError).line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses nesting deeper than any template instead of overflowing the stack', () => {
    expect(() => parseJsonWithLines('['.repeat(100_000))).toThrow(/nested deeper/);
  });
});

describe.each(Object.entries(loaders))('%s loader never throws', (kind, load) => {
  const sample = SAMPLES[kind as keyof typeof loaders];

  it('on values of any shape in any place of a real document — nor do adapters or policies', () => {
    const tree: unknown = JSON.parse(sample.tree);
    fc.assert(
      fc.property(fc.nat({ max: 400 }), json, (pick, replacement) => {
        const result = load(JSON.stringify(replaceAt(tree, pick, replacement)));
        const { diagnostics } = evaluate(new ResourceGraph(result.nodes, result.edges), builtinPolicies, adapters);
        expect(diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('on a real document cut at any point', () => {
    const text = sample.text;
    for (let i = 0; i < text.length; i += 7) {
      const result = load(text.slice(0, i));
      expect(result.diagnostics.length + result.nodes.length).toBeGreaterThanOrEqual(0);
    }
  });

  it('on random bytes and flipped characters', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        load(Buffer.from(bytes).toString('utf8'));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.nat({ max: sample.text.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }), (at, s) => {
        load(sample.text.slice(0, at) + s + sample.text.slice(at + 1));
      }),
      { numRuns: 300 },
    );
  });
});
