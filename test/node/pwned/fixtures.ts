// Generated Pwned Passwords inputs for the store tests: the three downloader formats
// (one sorted file, one unsorted file, a folder of per-prefix range files).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface HashCount {
  hash: string;
  count: number;
}

const created: string[] = [];

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `leakaid-pwned-${label}-`));
  created.push(dir);
  return dir;
}

/** Deletes every folder tempDir made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function lines(entries: HashCount[], newline = '\r\n'): string {
  return entries.map((e) => `${e.hash}:${e.count}`).join(newline) + newline;
}

export function writeHashFile(dir: string, name: string, entries: HashCount[], newline = '\r\n'): string {
  const path = join(dir, name);
  writeFileSync(path, lines(entries, newline));
  return path;
}

/** A downloader-style folder: one `PREFIX.txt` of `SUFFIX:COUNT` lines per prefix. */
export function writeRangeFolder(dir: string, name: string, entries: HashCount[]): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  const byPrefix = new Map<string, string[]>();
  for (const e of entries) {
    const prefix = e.hash.slice(0, 5);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), `${e.hash.slice(5)}:${e.count}`]);
  }
  for (const [prefix, rows] of byPrefix) writeFileSync(join(folder, `${prefix}.txt`), rows.join('\r\n'));
  return folder;
}

export const sortedByHash = (entries: HashCount[]) => [...entries].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));

/** A deterministic shuffle (tests must not depend on luck). */
export function shuffled<T>(items: T[], seed = 1): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
