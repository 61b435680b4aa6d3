import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Secret, Unknown } from '../graph/values.js';
import { planLoad, runJobs } from './jobs.js';
import { unitsFromText, unitsToText } from './transfer.js';
import type { LoadedUnit } from './types.js';

const root = join(import.meta.dirname, '../..');

describe('units crossing between threads', () => {
  it('arrive as they left, for every format the fixtures hold', async () => {
    const options = { cwd: root };
    const plan = planLoad(['fixtures/parity', 'fixtures/examples/webapp', 'fixtures/loaders'], options);
    const units = await runJobs(plan.jobs, options);
    expect(units.filter((u) => u !== undefined && u.nodes.length > 0).length).toBeGreaterThan(10);
    expect(unitsFromText(unitsToText(units))).toStrictEqual(units);
  });

  it('keep markers, odd keys and numbers JSON has no notation for', () => {
    const unit: LoadedUnit = {
      nodes: [
        {
          id: 'f#r',
          address: 'r',
          type: 'AWS::S3::Bucket',
          family: 'cloudformation',
          format: 'cloudformation',
          mode: 'managed',
          properties: JSON.parse('{"__proto__": {"x": 1}, "a": [1, null, true]}') as Record<string, never>,
          source: { file: 'f', line: 3 },
          written: new Set(['a']),
          propertyFiles: new Map([['a', 'f_override']]),
          unit: 'f',
        },
      ],
      edges: [{ from: 'f#r', to: 'f#s', kind: 'reference', path: 'a[0]' }],
      diagnostics: [{ level: 'warning', code: 'x', file: 'f', message: { en: 'm', ja: 'エム' } }],
    };
    const node = unit.nodes[0]!;
    Object.assign(node.properties, { unknown: new Unknown(['f#s'], 'arn:${X}'), choice: new Unknown(['f#s'], undefined, ['a', undefined, new Unknown([], 'b${Y}')]), secret: Secret.instance, inf: Infinity, nan: Number.NaN, tag: { '\u0000sekisho': 'not ours' } });
    const [back] = unitsFromText(unitsToText([unit, undefined]));
    expect(back).toStrictEqual(unit);
    expect(Object.hasOwn(back!.nodes[0]!.properties, '__proto__')).toBe(true);
    expect(back!.nodes[0]!.properties['secret']).toBe(Secret.instance);
  });
});
