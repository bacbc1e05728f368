/** Runs the CLI the way people do: `npm --silent <script>` at the project root. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** What a run printed and how it ended. */
export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs `npm --silent ...args` with `input` on stdin and extra environment. */
export function runNpm(args: string[], input: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('npm', ['--silent', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** A `placard` child process: everything it prints (stdout and stderr together), and its exit code once it exits. */
export interface PlacardProcess {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

/**
 * Starts `node --import tsx src/cli.ts ...args` at the project root (`serve`
 * by default) with the test's environment and `env` over it, as the e2e
 * tests run the real bot.
 */
export function spawnPlacard(env: NodeJS.ProcessEnv, args: readonly string[] = ['serve']): PlacardProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
  return { child, output: () => out, exited };
}
