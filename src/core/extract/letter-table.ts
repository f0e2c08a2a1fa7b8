// Which characters count as letters, marks or numbers for the scan text (scan.ts). Only
// data leaves this module: the CLI's build runs it and ships the table (scripts/build-cli.ts,
// PREBUILT). Asking the regular expression instead cost a cold check some 3 ms: V8
// compiles a Unicode property class as large as \p{L} on the first test and again, to
// machine code, on the second.

/** One character class, tested against a single code point: nothing to backtrack. */
export const LETTER_OR_NUMBER = /[\p{L}\p{M}\p{N}]/u;

/** LETTER_OR_NUMBER of each BMP code unit: 1 yes, 0 no (a lone surrogate is no). */
export const BMP_LETTER_OR_NUMBER: Uint8Array = new Uint8Array(0x10000);
for (let unit = 0; unit < 0x10000; unit++) BMP_LETTER_OR_NUMBER[unit] = LETTER_OR_NUMBER.test(String.fromCharCode(unit)) ? 1 : 0;
