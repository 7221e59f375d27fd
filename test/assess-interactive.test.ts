import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, svmc, tempDir } from './helpers/cli.js';
import { toolAvailable } from './helpers/tools.js';

/**
 * Drives a command in a real pseudo-terminal: for each step, waits until the screen shows `wait`,
 * then types `send`. The 120 s guard only stops a hung prompt from hanging the whole run.
 */
const DRIVER = `
import json, os, pty, re, select, sys, time
cmd, steps = json.loads(sys.argv[1]), json.loads(sys.argv[2])
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
buf = b''
full = b''
def pump(timeout):
    global buf, full
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    buf += data
    full += data
    return bool(data)
for step in steps:
    deadline = time.time() + 120
    while not re.search(step['wait'].encode(), buf):
        if not pump(0.2) or time.time() > deadline:
            sys.stdout.write(full.decode(errors='replace'))
            sys.stderr.write('never saw ' + step['wait'])
            os.kill(pid, 9)
            sys.exit(99)
    buf = b''
    for key in step['send']:
        os.write(fd, key.encode())
        time.sleep(0.02)
while pump(5):
    pass
_, status = os.waitpid(pid, 0)
sys.stdout.write(full.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

const DOWN = '\u001b[B';
const ENTER = '\r';
const CTRL_C = '\u0003';

const ids = (JSON.parse(svmc(['assess', '--list', '--format', 'json']).stdout) as { questions: { id: string }[] }).questions.map(
  (question) => question.id,
);
const count = ids.length;

/** Keys that pick `level` when the cursor starts on level `from`. */
const pick = (level: number, from = 1): string[] => [...Array<string>(Math.max(0, level - from)).fill(DOWN), ENTER];

function drive(dir: string, steps: { wait: string; send: string[] }[]) {
  const cmd = [process.execPath, BIN, 'assess', '--dir', dir];
  const result = spawnSync('python3', ['-c', DRIVER, JSON.stringify(cmd), JSON.stringify(steps)], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', CI: '', SOURCE_DATE_EPOCH: '1735689600' },
  });
  return { code: result.status, output: result.stdout, stderr: result.stderr };
}

const step = (number: number, keys: string[]) => ({ wait: `\\(${number}/${count}\\)`, send: keys });
const level = (index: number) => (index % 5) + 1;

describe.runIf(toolAvailable('python3'))('svmc assess in a terminal', () => {
  it('asks one principle at a time, stops on Ctrl-C keeping answers, and carries on', () => {
    const dir = tempDir('svmc-assess-tty-');
    const first = drive(dir, [step(1, pick(level(0))), step(2, pick(level(1))), step(3, pick(level(2))), step(4, [CTRL_C])]);
    expect(first.code, first.output + first.stderr).toBe(130);
    expect(first.output).toContain('Involve stakeholders');
    const progress = parse(readFileSync(join(dir, '.svmc/assessment-progress.yaml'), 'utf8')) as { answers: Record<string, number> };
    expect(progress.answers).toEqual({ [ids[0]!]: 1, [ids[1]!]: 2, [ids[2]!]: 3 });
    expect(existsSync(join(dir, 'self-assessment.yaml'))).toBe(false);

    const rest = ids.slice(3).map((_, offset) => step(offset + 4, pick(level(offset + 3))));
    const second = drive(dir, rest);
    expect(second.code, second.output + second.stderr).toBe(0);
    expect(second.output).not.toContain(`(1/${count})`);
    const saved = parse(readFileSync(join(dir, 'self-assessment.yaml'), 'utf8')) as { answers: Record<string, number>; ready: boolean };
    expect(saved.answers).toEqual(Object.fromEntries(ids.map((id, index) => [id, level(index)])));
    expect(saved.ready).toBe(false);
    expect(existsSync(join(dir, 'self-assessment.svg'))).toBe(true);
    expect(existsSync(join(dir, '.svmc/assessment-progress.yaml'))).toBe(false);
  });

  it('offers the previous answers as defaults on a new run', () => {
    const dir = tempDir('svmc-assess-tty-');
    expect(drive(dir, ids.map((_, index) => step(index + 1, pick(4)))).code).toBe(0);
    const again = drive(dir, ids.map((_, index) => step(index + 1, index === 0 ? pick(5, 4) : [ENTER])));
    expect(again.code, again.output).toBe(0);
    const saved = parse(readFileSync(join(dir, 'self-assessment.yaml'), 'utf8')) as { answers: Record<string, number>; ready: boolean };
    expect(saved.answers[ids[0]!]).toBe(5);
    expect(Object.values(saved.answers).filter((answer) => answer === 4)).toHaveLength(count - 1);
    expect(saved.ready).toBe(true);
  });
});
