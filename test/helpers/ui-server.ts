import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, lstatSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { BIN } from './cli.js';

export interface RunningUi {
  /** The printed address, token included. */
  url: string;
  origin: string;
  port: number;
  token: string;
  /** Sends SIGINT and waits for the exit. */
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `svmc ui DIR --no-open --port 0` as a user would and reads the address it prints. */
export function startUi(dir: string, args: string[] = []): Promise<RunningUi> {
  const child = spawn(process.execPath, [BIN, 'ui', dir, '--no-open', '--port', '0', ...args], {
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: '', DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/.exec(stdout);
      if (!found) return;
      const port = Number(found[1]);
      resolve({
        url: found[0],
        origin: `http://127.0.0.1:${port}`,
        port,
        token: found[2]!,
        stop: () => {
          child.kill('SIGINT');
          return exited;
        },
      });
    });
    exited.then(({ code }) => reject(new Error(`svmc ui exited with ${code} before printing its address: ${stderr}`)));
  });
}

/** Every file and link under `dir` with its content's hash, leaving out svmc's own cache (.svmc/). */
export function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(join(dir, folder))) {
      const path = folder === '' ? name : `${folder}/${name}`;
      if (path === '.svmc') continue;
      const stats = lstatSync(join(dir, path));
      if (stats.isSymbolicLink()) files[path] = `-> ${readlinkSync(join(dir, path))}`;
      else if (stats.isDirectory()) {
        files[`${path}/`] = 'folder';
        walk(path);
      } else files[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
    }
  };
  walk('');
  return files;
}

/** A change the page sends: a POST with the token's cookie, the exact Origin, JSON and svmc's header. */
export function post(ui: RunningUi, path: string, body: Record<string, string>): Promise<{ status: number; answer: { message?: string; error?: string } }> {
  return new Promise((resolve, reject) => {
    const headers = { Cookie: `svmc-token-${ui.port}=${ui.token}`, Origin: ui.origin, 'Content-Type': 'application/json', 'X-Svmc-Request': '1' };
    const req = request({ host: '127.0.0.1', port: ui.port, method: 'POST', path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, answer: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}
