// What the HTTP benchmarks share: a server in its own process on loopback (so the load
// generator does not compete with it for the event loop), autocannon for the most a
// server answers, and a paced open-loop load for its latency at a set rate.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';

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

export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  /** Requests answered per second, over the run. */
  perSecond: number;
  /** Latencies in ms, each from the moment its request was ready to send, sorted. */
  latencies: number[];
  failed: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /\r\ncontent-length: *(\d+)/i;

/** One keep-alive connection that sends a request when the last is answered, and reads
 * answers by their Content-Length (the server sends one with every answer). */
class PacedConnection {
  private readonly socket: Socket;
  private received: Buffer = Buffer.alloc(0);
  private onAnswer: ((status: number) => void) | null = null;

  constructor(port: number, onError: (error: Error) => void) {
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('error', onError);
    this.socket.on('close', () => {
      if (this.onAnswer !== null) onError(new Error('the server closed a connection with a request under way'));
    });
    this.socket.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      const headerEnd = this.received.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = this.received.subarray(0, headerEnd).toString('latin1');
      const length = CONTENT_LENGTH.exec(head);
      if (length === null) return onError(new Error(`an answer without Content-Length: ${head.split('\r\n')[0]}`));
      const end = headerEnd + HEADER_END.length + Number(length[1]);
      if (this.received.length < end) return;
      if (this.received.length > end) return onError(new Error('more bytes than the answer holds'));
      this.received = Buffer.alloc(0);
      const answered = this.onAnswer!;
      this.onAnswer = null;
      answered(Number(head.slice(9, 12)));
    });
  }

  get idle(): boolean {
    return this.onAnswer === null;
  }

  send(request: Buffer, onAnswer: (status: number) => void): void {
    this.onAnswer = onAnswer;
    this.socket.write(request);
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The bytes of a POST on a keep-alive connection to `origin`. */
export function requestBytes(origin: string, { path, headers, body }: PacedRequest): Buffer {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return Buffer.from(`POST ${path} HTTP/1.1\r\nHost: ${new URL(origin).host}\r\n${lines}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/**
 * POSTs at a steady rate, whether or not answers keep up (an open loop, as many
 * independent users would), over `connections` keep-alive connections. Each answer is
 * timed from the moment its request was ready: the first timer tick at or after it fell
 * due (ticks are about a millisecond apart, and that wait is the client's, not the
 * server's). A request that finds every connection busy waits for one, and that wait
 * counts, so slow answers are not hidden by sending less (no coordinated omission). autocannon's rate
 * option cannot stand in: each connection sends its share of a second back to back as
 * fast as answers come, then waits for the next second. The client is a few lines over
 * node:net so that it takes little of the two cores it shares with the server.
 * `request(i)` gives the bytes of the i-th request (requestBytes), built before the clock
 * starts: building them as they fall due cost the client 3 µs of its 30 a look-up.
 */
export async function pacedLoad(options: { origin: string; rate: number; seconds: number; connections: number; request: (i: number) => Buffer }): Promise<PacedResult> {
  const { port } = new URL(options.origin);
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failed = 0;
  let settled = 0;
  const waiting: { i: number; ready: number }[] = [];
  const start = performance.now();
  let connections: PacedConnection[] = [];
  let stopped = false;
  try {
    await new Promise<void>((resolve, reject) => {
      const sendOn = (connection: PacedConnection, i: number, ready: number): void => {
        connection.send(options.request(i), (status) => {
          if (status === 200) latencies.push(performance.now() - ready);
          else failed++;
          if (++settled === total) return resolve();
          const next = waiting.shift();
          if (next !== undefined) sendOn(connection, next.i, next.ready);
        });
      };
      connections = Array.from({ length: options.connections }, () => new PacedConnection(Number(port), reject));
      let next = 0;
      // Node's timers fire at most every millisecond: each wake sends what fell due since,
      // on a free connection, or queues it for the first one that frees up.
      const wake = (): void => {
        if (stopped) return;
        const now = performance.now();
        while (next < total && start + next * interval <= now) {
          const free = connections.find((c) => c.idle);
          if (free === undefined) waiting.push({ i: next, ready: now });
          else sendOn(free, next, now);
          next++;
        }
        if (next < total) setTimeout(wake, 1);
      };
      wake();
    });
  } finally {
    stopped = true;
    for (const connection of connections) connection.close();
  }
  return { perSecond: (total - failed) / ((performance.now() - start) / 1000), latencies: latencies.sort((a, b) => a - b), failed };
}

/**
 * pacedLoad in a Node process of its own, cycling through `requests`: a warm-up of
 * `warmUpSeconds`, then `runs` timed runs of `seconds`, all in that one process, so the
 * timed runs find its code compiled. A load generator inside the bench process would share
 * its heap, and the bench holds large data by then (a collection of that heap stops the
 * clock-keeping client, and the pause would count as the server's latency).
 */
export async function pacedLoadInChild(options: { origin: string; rate: number; seconds: number; connections: number; requests: PacedRequest[]; warmUpSeconds: number; runs: number }): Promise<PacedResult[]> {
  const script = `
    import { readFileSync } from 'node:fs';
    import { pacedLoad, requestBytes } from ${JSON.stringify(import.meta.url)};
    const { requests, warmUpSeconds, runs, seconds, ...options } = JSON.parse(readFileSync(0, 'utf8'));
    const bytes = requests.map((request) => requestBytes(options.origin, request));
    const request = (i) => bytes[i % bytes.length];
    await pacedLoad({ ...options, seconds: warmUpSeconds, request });
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await pacedLoad({ ...options, seconds, request }));
    process.stdout.write(JSON.stringify(results));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify(options));
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`the paced load generator exited with ${code}`);
  return JSON.parse(output) as PacedResult[];
}
