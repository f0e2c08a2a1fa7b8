// The CLI bundle ships some modules' exports prebuilt (scripts/build-cli.ts): each file
// must hold exactly what its module makes from today's knowledge, or the CLI would check
// with stale or damaged tables while the tests of the source pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deserialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { CLI_OUTDIR, PREBUILT_MODULES, prebuiltFileName } from '../../scripts/prebuilt-modules.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the CLI bundle’s prebuilt data', () => {
  for (const modulePath of PREBUILT_MODULES) {
    it(`${prebuiltFileName(modulePath)} holds what ${modulePath} exports`, async () => {
      const shipped = deserialize(readFileSync(join(ROOT, CLI_OUTDIR, prebuiltFileName(modulePath)))) as Record<string, unknown>;
      const made = { ...((await import(pathToFileURL(join(ROOT, modulePath)).href)) as Record<string, unknown>) };
      expect(Object.keys(shipped).sort()).toEqual(Object.keys(made).sort());
      for (const name of Object.keys(made)) expect(shipped[name], name).toStrictEqual(made[name]);
    });
  }
});
