import { describe, expect, it } from 'vitest';
import { load } from '../../../test/helpers/terraform-tree.js';
import { getPath } from '../../graph/values.js';
import { canonicalNumber } from './hcl-parser.js';
import { shownSource } from './modules.js';

/**
 * `.tf` source crafted to make a regular expression backtrack in time quadratic in its length:
 * each took from half a minute to minutes to load before these patterns were rewritten or replaced
 * by a scan, and takes milliseconds now.
 */
describe('.tf source crafted against regular expressions', () => {
  const bucketOf = async (files: Record<string, string>): Promise<unknown> => {
    const unit = await load(files);
    const bucket = unit.nodes.find((n) => n.address === 'aws_s3_bucket.b');
    return bucket && getPath(bucket.properties, 'bucket');
  };

  it('formats with a verb of many zero flags and no verb letter', async () => {
    // The width, `(\d+)?`, could take any of the flags' zeros: each share was tried.
    const zeros = '0'.repeat(150_000);
    expect(await bucketOf({ 'main.tf': `resource "aws_s3_bucket" "b" { bucket = format("%${zeros}") }\n` })).toBe(`%${zeros}`);
    expect(await bucketOf({ 'main.tf': 'resource "aws_s3_bucket" "b" { bucket = format("%-05d|%05.1f|%0d", 7, 2.5, 3) }\n' })).toBe('7    |002.5|3');
  });

  it('chomps a value of many newlines not at its end', async () => {
    const newlines = '\\n'.repeat(150_000);
    expect(await bucketOf({ 'main.tf': `resource "aws_s3_bucket" "b" { bucket = chomp("${newlines}\\r") }\n` })).toBe(`${'\n'.repeat(150_000)}\r`);
    expect(await bucketOf({ 'main.tf': 'resource "aws_s3_bucket" "b" { bucket = chomp("a\\r\\r\\n\\n") }\n' })).toBe('a\r');
  });

  it('reads a number literal of many zeros between its digits', () => {
    // `/0+$/`, for its trailing zeros, was searched again from each zero.
    const number = `1.${'0'.repeat(300_000)}1`;
    expect(canonicalNumber(`${number}00`) === number).toBe(true);
    expect(canonicalNumber('0012.3400e1')).toBe('123.4');
  });

  it('strips the spaces before a `~` in a .tf.json template of many spaces', async () => {
    const tabs = '\t'.repeat(300_000);
    const bucket = `%{ if true }${tabs}x\t%{~ endif }`;
    expect(await bucketOf({ 'main.tf.json': JSON.stringify({ resource: { aws_s3_bucket: { b: { bucket } } } }) })).toBe(`${tabs}x`);
  });

  it('reads a .tf.json dynamic block iterator of many spaces', async () => {
    const iterator = `\${rule${' '.repeat(300_000)}}`;
    const ingress = { for_each: [80], iterator, content: { from_port: '${rule.value}' } };
    const unit = await load({ 'main.tf.json': JSON.stringify({ resource: { aws_security_group: { g: { dynamic: { ingress } } } } }) });
    expect(getPath(unit.nodes[0]!.properties, 'ingress')).toEqual([{ from_port: 80 }]);
    const crafted = { ...ingress, iterator: `a${' '.repeat(300_000)}}}` };
    const other = await load({ 'main.tf.json': JSON.stringify({ resource: { aws_security_group: { g: { dynamic: { ingress: crafted } } } } }) });
    expect(other.nodes).toHaveLength(1);
  });

  it('shows a module source of many `?` without a value', () => {
    const source = `git::https://example.com/x${'?e'.repeat(200_000)}`;
    expect(shownSource(source)).toBe(source);
    expect(shownSource('s3::https://b.s3.amazonaws.com/m.zip?a?b=1&ref=v1&X-Amz-Signature=abc#x=y')).toBe('s3::https://b.s3.amazonaws.com/m.zip?a?b=…&ref=v1&X-Amz-Signature=…#x=y');
  });
});
