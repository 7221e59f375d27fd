import { describe, expect, it } from 'vitest';
import { openBrowser } from '../src/cli/ui/open-browser.js';

describe('opening a browser', () => {
  it('is not tried on Linux without a display, so a server or a container never fails for it', () => {
    expect(openBrowser('http://127.0.0.1:1/', {}, 'linux')).toBe(false);
    expect(openBrowser('http://127.0.0.1:1/', { DISPLAY: '', WAYLAND_DISPLAY: '' }, 'linux')).toBe(false);
  });
});
