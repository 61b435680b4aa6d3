/**
 * Text from the input as a terminal or a document shows it: control characters (an escape sequence
 * that would retitle the terminal, move the cursor or hide the lines after it) and bidirectional
 * overrides written as `\u001b`, so a hostile value reads as what it is.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const printable = (text: string): string => text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
