// Authentication-Results (RFC 8601) header values, parsed by a single left-to-right scan:
// header values are attacker-controlled, so no backtracking regex touches them.
//
// Real headers bend the grammar, and the parser accepts what common MTAs write:
// results that are not separated by ';' ("spf=pass ... dkim=pass ..."), properties
// without a ptype ("action=none", Microsoft's compauth "reason=100"), a missing
// authserv-id, and values that contain '=' (base64 in header.b).

import type { AuthMethod, AuthResult } from './types.js';

interface Token {
  kind: 'word' | 'quoted' | '=' | ';';
  text: string;
  /** Whitespace or a comment came before this token. */
  spaced: boolean;
}

const KNOWN_METHODS = new Set([
  'spf', 'dkim', 'dmarc', 'arc', 'iprev', 'auth', 'bimi', 'compauth', 'dkim-adsp', 'dkim-atps', 'domainkeys',
  'sender-id', 'smime', 'vbr', 'dnswl', 'rrvs', 'x-dkim', 'x-spf',
]);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let spaced = false;
  let i = 0;
  const n = value.length;
  while (i < n) {
    const c = value.charCodeAt(i);
    if (isSpace(c)) {
      spaced = true;
      i++;
    } else if (c === 0x28 /* ( */) {
      let depth = 0;
      for (; i < n; i++) {
        const d = value.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) {
          i++;
          break;
        }
      }
      spaced = true;
    } else if (c === 0x22 /* " */) {
      const parts: string[] = [];
      let start = ++i;
      for (; i < n; i++) {
        const d = value.charCodeAt(i);
        if (d === 0x5c) {
          parts.push(value.slice(start, i));
          start = ++i;
        } else if (d === 0x22) break;
      }
      parts.push(value.slice(start, Math.min(i, n)));
      i++;
      tokens.push({ kind: 'quoted', text: parts.join(''), spaced });
      spaced = false;
    } else if (c === 0x3d /* = */ || c === 0x3b /* ; */) {
      tokens.push({ kind: c === 0x3d ? '=' : ';', text: value[i] ?? '', spaced });
      spaced = false;
      i++;
    } else {
      const start = i;
      while (i < n) {
        const d = value.charCodeAt(i);
        if (isSpace(d) || d === 0x28 || d === 0x22 || d === 0x3d || d === 0x3b) break;
        i++;
      }
      tokens.push({ kind: 'word', text: value.slice(start, i), spaced });
      spaced = false;
    }
  }
  return tokens;
}

function methodOf(name: string): AuthMethod {
  return name === 'spf' || name === 'dkim' || name === 'dmarc' || name === 'arc' ? name : 'other';
}

interface Pair {
  key: string;
  value: string;
}

// key "=" value pairs of one segment; a value runs over adjacent tokens until whitespace.
function pairsOf(tokens: Token[], from: number, to: number): Pair[] {
  const pairs: Pair[] = [];
  let i = from;
  while (i < to) {
    const key = tokens[i];
    const eq = tokens[i + 1];
    if (!key || key.kind !== 'word' || i + 1 >= to || !eq || eq.kind !== '=') {
      i++;
      continue;
    }
    i += 2;
    const value: string[] = [];
    for (let first = true; i < to; first = false, i++) {
      const token = tokens[i];
      if (!token || (!first && token.spaced)) break;
      value.push(token.text);
    }
    pairs.push({ key: key.text.toLowerCase(), value: value.join('') });
  }
  return pairs;
}

export function parseAuthenticationResults(value: string): AuthResult[] {
  const tokens = tokenize(value);
  const results: AuthResult[] = [];
  let authservId = '';
  let segmentStart = 0;
  let first = true;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i]?.kind !== ';') continue;
    const startsWithPair = tokens[segmentStart + 1]?.kind === '=' && segmentStart + 1 < i;
    if (first && !startsWithPair) {
      const id = tokens[segmentStart];
      if (id && segmentStart < i && id.kind !== '=') authservId = id.text;
    } else {
      collectResults(pairsOf(tokens, segmentStart, i), authservId, results);
    }
    first = false;
    segmentStart = i + 1;
  }
  return results;
}

function collectResults(pairs: Pair[], authservId: string, results: AuthResult[]): void {
  let current: { result: AuthResult; entries: [string, string][]; seen: Set<string> } | null = null;
  const flush = (): void => {
    if (current) {
      current.result.properties = Object.fromEntries(current.entries);
      results.push(current.result);
    }
    current = null;
  };
  for (const pair of pairs) {
    const isMethod = !pair.key.includes('.') && (current === null || KNOWN_METHODS.has(methodName(pair.key)));
    if (isMethod) {
      flush();
      const name = methodName(pair.key);
      current = {
        result: { authservId, method: methodOf(name), methodName: name, result: pair.value.toLowerCase(), properties: {} },
        entries: [],
        seen: new Set(),
      };
    } else if (current && !current.seen.has(pair.key)) {
      current.seen.add(pair.key);
      current.entries.push([pair.key, pair.value]);
    }
  }
  flush();
}

// "dkim/1" names the method version; the method is "dkim".
function methodName(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}
