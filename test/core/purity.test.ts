// src/core must run in the browser: no node: modules, no Node-only packages. Rather
// than trusting a list of imports, bundle it the way the web app will (esbuild,
// platform browser): the build fails on any import of a Node built-in, including
// ones hidden inside a dependency.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core is pure', () => {
  it('has no node: imports or Node globals in its source', () => {
    const offenders = sourceFiles(CORE).filter((file) =>
      /from\s+['"]node:|import\s*\(\s*['"]node:|\brequire\s*\(|\bprocess\.|\bBuffer\b|__dirname/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => relative(CORE, file))).toEqual([]);
  });

  it('bundles for the browser with every dependency', async () => {
    const entries = sourceFiles(CORE).filter((file) => !file.endsWith('types.ts'));
    const result = await build({
      entryPoints: entries,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      outdir: 'out',
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
  });
});
