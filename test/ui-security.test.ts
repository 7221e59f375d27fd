import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOf, svmc, tempDir } from './helpers/cli.js';
import { snapshot, startUi, type RunningUi } from './helpers/ui-server.js';

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** A plain HTTP request to the server, every header as given (Host included). */
function send(ui: RunningUi, { method = 'GET', path = '/', headers = {}, body }: Sent): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: ui.port, method, path, headers: { Host: `127.0.0.1:${ui.port}`, ...headers }, setHost: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** What the page's own script sends: the token's cookie, this origin, the custom header, JSON. */
const fromPage = (ui: RunningUi, extra: Record<string, string> = {}): Record<string, string> => ({
  Cookie: `svmc-token-${ui.port}=${ui.token}`,
  Origin: ui.origin,
  'Content-Type': 'application/json',
  'X-Svmc-Request': '1',
  ...extra,
});

const statement = (base?: string) => JSON.stringify({ criterion: 'L2.PL.1', statement: 'Written from the page.', ...(base ? { base } : {}) });

describe('svmc ui refuses what does not come from its own page', () => {
  let app: string;
  let ui: RunningUi;
  let before: Record<string, string>;
  const outside = tempDir('svmc-outside-');

  beforeAll(async () => {
    app = copyOf('examples/level-2');
    writeFileSync(join(outside, 'secret.txt'), 'not for the application\n');
    symlinkSync(outside, join(app, 'evidence', 'elsewhere'));
    before = snapshot(app);
    ui = await startUi(app);
  });

  afterAll(async () => {
    const { code, stdout } = await ui.stop();
    expect(code).toBe(0);
    expect(stdout).toContain('stopped');
  });

  it('serves only 127.0.0.1, and prints the address with its token', () => {
    expect(ui.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('answers 403 without the token, with a wrong one, and to a foreign Host', async () => {
    expect((await send(ui, { path: '/' })).status).toBe(403);
    expect((await send(ui, { path: '/criteria?token=wrong' })).status).toBe(403);
    expect((await send(ui, { path: '/', headers: { Cookie: `svmc-token-${ui.port}=${ui.token.slice(1)}x` } })).status).toBe(403);
    // The cookie of another port's server is not this one's.
    expect((await send(ui, { path: '/', headers: { Cookie: `svmc-token-1=${ui.token}` } })).status).toBe(403);
    expect((await send(ui, { path: `/?token=${ui.token}`, headers: { Host: `attacker.example:${ui.port}` } })).status).toBe(403);
    expect((await send(ui, { path: `/?token=${ui.token}`, headers: { Host: '127.0.0.1:1' } })).status).toBe(403);
    expect((await send(ui, { path: '/static/app.js' })).status).toBe(403);
  });

  it('moves the token into a cookie only its own origin sends, then serves the pages with the policy of its own origin', async () => {
    const first = await send(ui, { path: `/criteria?token=${ui.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/criteria');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toContain(`svmc-token-${ui.port}=${ui.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    for (const path of ['/', '/criteria', '/details', '/assess', '/signoff', '/pack']) {
      const page = await send(ui, { path, headers: { Cookie: `svmc-token-${ui.port}=${ui.token}`, Host: `localhost:${ui.port}` } });
      expect(page.status, path).toBe(200);
      expect(page.headers['content-security-policy'], path).toMatch(/^default-src 'self';/);
      expect(page.headers['content-security-policy'], path).not.toContain('unsafe');
      // No inline script or event handler anywhere: the policy would block them.
      expect(page.text.match(/<script(?![^>]*\bsrc=)[^>]*>/g), path).toBeNull();
      expect(page.text.match(/<[^>]+\son[a-z]+=/gi), path).toBeNull();
      expect(page.text, path).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    }
  });

  it('refuses a change from a foreign Origin, without one, without its header, as a simple form, or by another method', async () => {
    const cases: Sent[] = [
      { headers: fromPage(ui, { Origin: 'http://attacker.example' }) },
      { headers: fromPage(ui, { Origin: `http://127.0.0.1:${ui.port + 1}` }) },
      { headers: (({ Origin: _, ...rest }) => rest)(fromPage(ui)) },
      { headers: (({ 'X-Svmc-Request': _, ...rest }) => rest)(fromPage(ui)) },
      { headers: fromPage(ui, { 'Content-Type': 'text/plain' }) },
      { headers: fromPage(ui, { 'Content-Type': 'application/x-www-form-urlencoded' }) },
      { headers: fromPage(ui, { 'Sec-Fetch-Site': 'cross-site' }) },
      { headers: fromPage(ui, { Cookie: 'svmc-token-0=nothing' }) },
    ];
    for (const sent of cases) {
      const answer = await send(ui, { method: 'POST', path: '/api/statement', body: statement(), ...sent });
      expect(answer.status, JSON.stringify(sent.headers)).toBe(403);
    }
    expect((await send(ui, { method: 'PUT', path: '/api/statement', headers: fromPage(ui), body: statement() })).status).toBe(405);
    expect(snapshot(app)).toEqual(before);
  });

  it('refuses paths that climb out, are absolute, or lead out through a link', async () => {
    for (const file of ['../outside.txt', join(outside, 'secret.txt'), 'evidence/elsewhere/secret.txt', 'evidence/../../x.pdf']) {
      const answer = await send(ui, { method: 'POST', path: '/api/evidence/add', headers: fromPage(ui), body: JSON.stringify({ criterion: 'L2.PL.1', file }) });
      expect(answer.status, file).toBe(400);
      expect(JSON.parse(answer.text).error, file).toMatch(/outside|out of the application folder/);
    }
    const details = await send(ui, { method: 'POST', path: '/api/details', headers: fromPage(ui), body: JSON.stringify({ 'application.termsAndConditions': '../terms.pdf' }) });
    expect(details.status).toBe(400);
    for (const name of ['../climb.txt', '..', 'a/b.txt']) {
      const upload = await send(ui, { method: 'POST', path: `/api/upload?criterion=L2.PL.1&name=${encodeURIComponent(name)}`, headers: fromPage(ui, { 'Content-Type': 'application/octet-stream' }), body: 'x' });
      expect(upload.status, name).toBe(400);
    }
    expect(snapshot(app)).toEqual(before);
  });

  it('refuses an upload into a stage folder that links out of the application folder', async () => {
    const linked = copyOf('examples/level-2');
    rmSync(join(linked, 'evidence', 'plan'), { recursive: true });
    mkdirSync(join(outside, 'plan'));
    symlinkSync(join(outside, 'plan'), join(linked, 'evidence', 'plan'));
    const other = await startUi(linked);
    try {
      const upload = await send(other, { method: 'POST', path: '/api/upload?criterion=L2.PL.1&name=map.csv', headers: fromPage(other, { 'Content-Type': 'application/octet-stream' }), body: 'a,b\n' });
      expect(upload.status).toBe(403);
    } finally {
      await other.stop();
    }
    expect(snapshot(join(outside, 'plan'))).toEqual({});
  });

  it('refuses an upload larger than 50 MB with 413, told by its length or found while reading, and writes nothing', async () => {
    const headers = fromPage(ui, { 'Content-Type': 'application/octet-stream' });
    const big = await send(ui, { method: 'POST', path: '/api/upload?criterion=L2.PL.1&name=big.bin', headers, body: Buffer.alloc(50_000_001) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.text).error).toMatch(/larger than 50 MB/);
    // Streamed without a length: counted as it comes.
    const streamed = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: ui.port, method: 'POST', path: '/api/upload?criterion=L2.PL.1&name=streamed.bin', headers: { ...headers, Host: `127.0.0.1:${ui.port}`, 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1_000_000);
      for (let i = 0; i < 51; i++) req.write(chunk);
      req.end();
    });
    expect(streamed).toBe(413);
    // Announced as too large: answered before the body comes.
    const announced = await new Promise<string>((resolve) => {
      const socket = connect(ui.port, '127.0.0.1', () => {
        socket.write(`POST /api/upload?criterion=L2.PL.1&name=huge.bin HTTP/1.1\r\nHost: 127.0.0.1:${ui.port}\r\nCookie: svmc-token-${ui.port}=${ui.token}\r\nOrigin: ${ui.origin}\r\nX-Svmc-Request: 1\r\nContent-Type: application/octet-stream\r\nContent-Length: 900000000\r\n\r\nsome`);
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(text);
        }
      });
    });
    expect(announced).toMatch(/^HTTP\/1\.1 413/);
    expect(snapshot(app)).toEqual(before);
  }, 60_000);

  it('refuses an edit made against a svmc.yaml that changed on disk since, and writes nothing', async () => {
    const page = await send(ui, { path: '/criteria', headers: { Cookie: `svmc-token-${ui.port}=${ui.token}` } });
    const base = /<meta name="svmc-base" content="([0-9a-f]{64})">/.exec(page.text)![1]!;
    const edited = `${readFileSync(join(app, 'svmc.yaml'), 'utf8')}# changed in an editor meanwhile\n`;
    writeFileSync(join(app, 'svmc.yaml'), edited);
    const answer = await send(ui, { method: 'POST', path: '/api/statement', headers: fromPage(ui), body: statement(base) });
    expect(answer.status).toBe(409);
    expect(JSON.parse(answer.text).error).toMatch(/changed since this page read it.*reload the page/i);
    expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toBe(edited);
    // Read afresh, the page shows the change and takes an edit against it.
    const fresh = await send(ui, { path: '/criteria', headers: { Cookie: `svmc-token-${ui.port}=${ui.token}` } });
    const now = /<meta name="svmc-base" content="([0-9a-f]{64})">/.exec(fresh.text)![1]!;
    expect(now).not.toBe(base);
    writeFileSync(join(app, 'svmc.yaml'), readFileSync(join(copyOf('examples/level-2'), 'svmc.yaml')));
  });
});

describe('an edit from the page writes what the command writes', () => {
  it('a statement and an evidence item, as svmc statement and svmc map write them', async () => {
    const app = copyOf('examples/level-2');
    const other = copyOf('examples/level-2');
    const ui = await startUi(app);
    try {
      const cookie = { Cookie: `svmc-token-${ui.port}=${ui.token}` };
      const base = /<meta name="svmc-base" content="([0-9a-f]{64})">/.exec((await send(ui, { path: '/', headers: cookie })).text)![1]!;
      const said = await send(ui, { method: 'POST', path: '/api/statement', headers: fromPage(ui), body: JSON.stringify({ base, criterion: 'L2.PL.3', statement: 'Checked with the advisory group twice.' }) });
      expect(said.status, said.text).toBe(200);
      const mapped = await send(ui, { method: 'POST', path: '/api/evidence/add', headers: fromPage(ui), body: JSON.stringify({ criterion: 'L2.PL.3', file: 'evidence/plan/outcomes-list.md', summary: 'Outcomes the theory rests on', date: '2025-04-01' }) });
      expect(mapped.status, mapped.text).toBe(200);
      expect(svmc(['statement', 'L2.PL.3', 'Checked with the advisory group twice.', '--dir', other]).code).toBe(0);
      expect(svmc(['map', 'L2.PL.3', 'evidence/plan/outcomes-list.md', '--summary', 'Outcomes the theory rests on', '--date', '2025-04-01', '--dir', other]).code).toBe(0);
      expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toBe(readFileSync(join(other, 'svmc.yaml'), 'utf8'));
      expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toContain('# Riverside Community Trust, level 2');
    } finally {
      expect((await ui.stop()).code).toBe(0);
    }
  });
});

describe('a svmc.yaml that does not read is told in plain words', () => {
  it('shows the common mistakes as check explains them, and never the parser\'s own wording', async () => {
    const app = copyOf('examples/level-2');
    const text = readFileSync(join(app, 'svmc.yaml'), 'utf8')
      .replace('summary: Stakeholder map with young people', 'summary: Stakeholder map: young people')
      .replace('    name: Priya Shah', '\tname: Priya Shah');
    writeFileSync(join(app, 'svmc.yaml'), text);
    const ui = await startUi(app);
    try {
      for (const path of ['/', '/criteria', '/details', '/signoff']) {
        const page = await send(ui, { path, headers: { Cookie: `svmc-token-${ui.port}=${ui.token}` } });
        expect(page.status, path).toBe(200);
        expect(page.text, path).toContain('svmc.yaml cannot be read');
        expect(page.text, path).toMatch(/Line \d+: /);
        expect(page.text, path).not.toMatch(/Nested mappings|Implicit keys|compact mapping|YAMLParseError|at line \d+, column/i);
      }
      const edit = await send(ui, { method: 'POST', path: '/api/statement', headers: fromPage(ui), body: statement() });
      expect(edit.status).toBe(400);
      expect(readFileSync(join(app, 'svmc.yaml'), 'utf8')).toBe(text);
    } finally {
      await ui.stop();
    }
  });
});
