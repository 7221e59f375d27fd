import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { post, startUi } from './helpers/ui-server.js';

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
