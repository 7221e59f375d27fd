import { BIN } from './cli.js';
import { spawnWithin } from './spawn-limit.js';

// Drives the real prompts in a pseudo-terminal: waits for each expected text, then types the answer.
// The 600-poll guard only stops a prompt that never comes from hanging the whole run.
const DRIVER = String.raw`
import json, os, pty, re, select, sys, time
spec = json.loads(sys.stdin.read())
pid, fd = pty.fork()
if pid == 0:
    os.chdir(spec['cwd'])
    os.execvpe(spec['argv'][0], spec['argv'], spec['env'])
buf = b''
def text():
    return re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '', buf.decode('utf-8', 'replace'))
def pump(timeout):
    global buf
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready: return True
    try: chunk = os.read(fd, 65536)
    except OSError: return False
    if not chunk: return False
    buf += chunk
    return True
pos = 0
for expect, send in spec['steps']:
    waited = 0
    while True:
        match = re.compile(expect).search(text(), pos)
        if match:
            pos = match.end(); break
        if waited > 1200 or not pump(0.1):
            print(json.dumps({'code': -1, 'output': 'never saw ' + expect + ' in: ' + text()})); os.kill(pid, 9); sys.exit(0)
        waited += 1
    time.sleep(0.05)
    os.write(fd, send.encode('utf-8'))
while pump(1): pass
_, status = os.waitpid(pid, 0)
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'output': text()}))
`;

export const ENTER = '\r';
export const CTRL_C = '\u0003';

/** Runs `svmc ARGS` at a terminal in `cwd`, answering each prompt that matches, in order. */
export function atTerminal(cwd: string, args: string[], steps: [RegExp | string, string][], env: NodeJS.ProcessEnv = {}): { code: number; output: string } {
  const spec = {
    cwd,
    argv: [process.execPath, BIN, ...args],
    env: { ...process.env, CI: '', NO_COLOR: '1', FORCE_COLOR: '0', TERM: 'xterm', ...env },
    steps: steps.map(([expect, send]) => [typeof expect === 'string' ? expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : expect.source, send]),
  };
  const result = spawnWithin('python3', ['-c', DRIVER], { input: JSON.stringify(spec), encoding: 'utf8' }, `svmc ${args.join(' ')} at a terminal`);
  return JSON.parse(result.stdout) as { code: number; output: string };
}
