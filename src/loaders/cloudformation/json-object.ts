import type { Json } from '../json-with-lines.js';

/** A mapping of a parsed template. */
export type JsonObject = { [key: string]: Json };

export const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `{Ref: …}`, `{Fn::…: …}` or `{Condition: …}`: a value CloudFormation computes, not a mapping to read into. */
export const isIntrinsic = (v: JsonObject): boolean => {
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
};

/** A mapping written as one, not an intrinsic function computing it. */
export const isMapping = (v: Json | undefined): v is JsonObject => isObject(v) && !isIntrinsic(v);
