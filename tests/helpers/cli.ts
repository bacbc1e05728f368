/** Runs the CLI the way people do: `npm --silent <script>` at the project root. */
import { spawn } from 'node:child_process';
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
