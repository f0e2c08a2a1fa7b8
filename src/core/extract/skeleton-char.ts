// The folded confusable skeleton of one character, as the organization dictionaries
// (organization-dictionaries.ts) store their keys and as extractOrganizations reads a text.
import { skeleton } from '../normalize/index.js';

/** Memos of skeletonChar, by code unit (one-unit characters) and by string (surrogate
 * pairs). Bounded: random input cannot grow them past this size. */
const unitSkeletons = new Map<number, string>();
const pairSkeletons = new Map<string, string>();
const SKELETON_CACHE_MAX = 20_000;
const ASCII_SKELETON: string[] = [];

/** Folded skeleton of one code point: lower(skeleton(lower(ch))). Lower-casing
 * before and after makes "А" (Cyrillic) and "a" and "0"/"o" meet in one form. */
export function skeletonChar(ch: string): string {
  if (ch.length === 1) return skeletonOfUnit(ch.charCodeAt(0));
  let s = pairSkeletons.get(ch);
  if (s === undefined) {
    s = folded(ch);
    if (pairSkeletons.size < SKELETON_CACHE_MAX) pairSkeletons.set(ch, s);
  }
  return s;
}

/** skeletonChar of the character of one code unit, looked up by the unit: a text read
 * character by character need not cut a string out of itself for each. */
export function skeletonOfUnit(unit: number): string {
  if (unit < 0x80) return (ASCII_SKELETON[unit] ??= folded(String.fromCharCode(unit)));
  let s = unitSkeletons.get(unit);
  if (s === undefined) {
    s = folded(String.fromCharCode(unit));
    if (unitSkeletons.size < SKELETON_CACHE_MAX) unitSkeletons.set(unit, s);
  }
  return s;
}

function folded(ch: string): string {
  return skeleton(ch.toLowerCase()).toLowerCase();
}

export function skeletonKey(folded: string): string {
  let out = '';
  for (const ch of folded) out += skeletonChar(ch);
  return out;
}
