// What the HTTP benchmarks share: a server in its own process on loopback (so the load
// generator does not compete with it for the event loop), and autocannon.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

export const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

export interface ServerProcess {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/** Runs `script` (an ES module that prints the server's URL on its first line and stops
 * on SIGTERM) in a new Node process. */
export async function startServerProcess(name: string, script: string, cwd: string): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString('utf8').trim()));
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
