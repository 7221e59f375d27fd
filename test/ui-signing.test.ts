import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { startUi, type RunningUi } from './helpers/ui-server.js';

function post(ui: RunningUi, path: string, body: Record<string, string>): Promise<{ status: number; answer: { message?: string; error?: string } }> {
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

describe('signing and packing from the page', () => {
  it('signs with a key file and its passphrase as svmc sign does, refuses a wrong passphrase, then builds the final pack', async () => {
    const app = copyOf('examples/level-2');
    const keys = tempDir();
    for (const role of ['lead', 'senior']) {
      const made = svmc(['keygen', '--as', role, '--out', join(keys, `${role}.key`), '--register', '--dir', app], { env: { SVMC_KEY_PASSPHRASE: `${role} words` } });
      expect(made.code, made.stderr).toBe(0);
    }
    const ui = await startUi(app);
    try {
      const wrong = await post(ui, '/api/sign', { role: 'lead', keyFile: join(keys, 'lead.key'), passphrase: 'not it' });
      expect(wrong.status).toBe(400);
      expect(wrong.answer.error).toMatch(/not the passphrase/);
      expect(existsSync(join(app, 'signoffs', 'lead.minisig'))).toBe(false);
      const refused = await post(ui, '/api/pack', { draft: 'false' });
      expect(refused.status).toBe(400);
      expect(refused.answer.error).toMatch(/cannot be built yet/);
      for (const role of ['lead', 'senior']) {
        const signed = await post(ui, '/api/sign', { role, keyFile: join(keys, `${role}.key`), passphrase: `${role} words` });
        expect(signed.status, signed.answer.error).toBe(200);
        expect(signed.answer.message).toMatch(/^Signed as the Social Value (Lead|Senior Leader) with key [0-9A-F]{16}/);
      }
      const checked = svmc(['check', app]);
      expect(checked.code, checked.stdout).toBe(0);
      expect(readFileSync(join(app, 'signoffs', 'senior.minisig'), 'utf8')).toContain('trusted comment');
      const packed = await post(ui, '/api/pack', { draft: 'false' });
      expect(packed.status, packed.answer.error).toBe(200);
      expect(packed.answer.message).toMatch(/^Pack .*\.zip built/);
    } finally {
      expect((await ui.stop()).code).toBe(0);
    }
  }, 120_000);
});
