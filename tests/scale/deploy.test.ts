/**
 * The scaled-out example as shipped: `deploy/haproxy.cfg` is a configuration
 * HAProxy accepts (`haproxy -c`, Debian's 2.6 as in the scale suite), and
 * `docker-compose.scale.yml` agrees with it: as many replicas as the config
 * has server slots, the replicas on the Redis service, HAProxy given this
 * config and checking `/readyz`. No container engine runs here, so the
 * compose file is read, not run.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { haproxyUnavailable } from './haproxy.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const CFG = resolve(ROOT, 'deploy/haproxy.cfg');

interface Service { readonly image?: string; readonly environment?: Record<string, string>; readonly deploy?: { readonly replicas?: number }; readonly volumes?: readonly string[] }

describe('the scaled-out example (docker-compose.scale.yml, deploy/haproxy.cfg)', () => {
  it.skipIf(haproxyUnavailable !== undefined)(`HAProxy accepts deploy/haproxy.cfg${haproxyUnavailable ? ` — skipped: ${haproxyUnavailable}` : ''}`, async () => {
    const { stdout } = await run('haproxy', ['-c', '-f', CFG], { timeout: 10_000 });
    expect(stdout).toMatch(/Configuration file is valid/);
  });

  it('runs as many replicas as the config has server slots, all on the Redis service, behind HAProxy with that config', () => {
    const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.scale.yml'), 'utf8')) as { services: Record<string, Service> };
    const cfg = readFileSync(CFG, 'utf8');
    const { placard, haproxy, redis } = compose.services;
    const slots = /^\s*server-template\s+\S+\s+(\d+)\s+placard:(\d+)/m.exec(cfg);
    expect(slots, 'a server-template for the placard service').not.toBeNull();
    expect(placard?.deploy?.replicas).toBe(Number(slots![1]));
    expect(placard?.environment?.['HTTP_PORT']).toBe(slots![2]);
    expect(placard?.environment?.['STORE_URL']).toMatch(/^redis:\/\/redis:\d+$/);
    expect(redis?.image).toMatch(/^redis:/);
    expect(haproxy?.volumes?.some((v) => v.startsWith('./deploy/haproxy.cfg:'))).toBe(true);
    // Only ready instances get requests (a starting or store-less instance answers 503 on /readyz).
    expect(cfg).toMatch(/^\s*option httpchk\s*$/m);
    expect(cfg).toMatch(/^\s*http-check send meth GET uri \/readyz\s*$/m);
    expect(cfg).toMatch(/^\s*http-check expect status 200\s*$/m);
  });
});
