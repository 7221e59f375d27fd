import { spawn } from 'node:child_process';

/**
 * Opens `url` in the user's browser when there is a screen to show it on, as `open`, `start` or
 * `xdg-open` would; says whether it tried. A browser that cannot be started is never an error: the
 * address is printed anyway.
 */
export function openBrowser(url: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  const command =
    platform === 'darwin' ? ['open', url] : platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : env.DISPLAY || env.WAYLAND_DISPLAY ? ['xdg-open', url] : undefined;
  if (!command) return false;
  try {
    const child = spawn(command[0]!, command.slice(1), { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
