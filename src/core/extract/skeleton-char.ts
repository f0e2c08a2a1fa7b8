// The folded confusable skeleton of one character, as the organization dictionaries
// (organization-dictionaries.ts) store their keys and as extractOrganizations reads a text.
import { skeleton } from '../normalize/index.js';

/** Memo of skeletonChar. Bounded: random input cannot grow it past this size. */
const skeletonCache = new Map<string, string>();
const SKELETON_CACHE_MAX = 20_000;
const ASCII_SKELETON: string[] = [];

/** Folded skeleton of one code point: lower(skeleton(lower(ch))). Lower-casing
 * before and after makes "А" (Cyrillic) and "a" and "0"/"o" meet in one form. */
export function skeletonChar(ch: string): string {
  const unit = ch.charCodeAt(0);
  if (unit < 0x80) {
    const known = ASCII_SKELETON[unit];
    if (known !== undefined) return known;
    return (ASCII_SKELETON[unit] = skeleton(ch.toLowerCase()).toLowerCase());
  }
  let s = skeletonCache.get(ch);
  if (s === undefined) {
    s = skeleton(ch.toLowerCase()).toLowerCase();
    if (skeletonCache.size < SKELETON_CACHE_MAX) skeletonCache.set(ch, s);
  }
  return s;
}

export function skeletonKey(folded: string): string {
  let out = '';
  for (const ch of folded) out += skeletonChar(ch);
  return out;
}
