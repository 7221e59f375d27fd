import { html, type Html } from './html.js';

const PAGES = [
  { path: '/', title: 'Overview' },
  { path: '/criteria', title: 'Criteria' },
  { path: '/details', title: 'Application details' },
  { path: '/assess', title: 'Self-assessment' },
  { path: '/signoff', title: 'Sign-off' },
  { path: '/pack', title: 'Pack' },
] as const;

export type PagePath = (typeof PAGES)[number]['path'];

export interface LayoutOptions {
  current: PagePath;
  organisation: string | undefined;
  /** The hash of the svmc.yaml text the page was made from, sent back with every edit. */
  base: string;
  /** What the page shows under its heading. */
  body: Html;
}

/** A whole page: no inline script or style, so the Content-Security-Policy allows only this origin. */
export function renderPage({ current, organisation, base, body }: LayoutOptions): string {
  const title = PAGES.find((page) => page.path === current)!.title;
  const nav = PAGES.map((page) =>
    page.path === current ? html`<li><a href="${page.path}" aria-current="page">${page.title}</a></li>` : html`<li><a href="${page.path}">${page.title}</a></li>`,
  );
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="svmc-base" content="${base}">
<title>${title} · ${organisation ?? 'svmc'}</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<header>
<p class="brand">svmc <span>${organisation ?? 'application'}</span></p>
<nav aria-label="Pages"><ul>${nav}</ul></nav>
</header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
<p id="flash" class="flash" role="status" aria-live="polite"></p>
${body}
</main>
</body>
</html>
`.text;
}

/** A form the page's script sends as JSON to `action`, carrying the base it was made from. */
export function apiForm(action: string, base: string, fields: Html, options: { label: string; id?: string; className?: string; confirm?: string; afterwardsTop?: boolean }): Html {
  return html`<form class="${options.className ?? 'api'}" data-api="${action}"${options.id ? html` id="${options.id}"` : ''}${options.confirm ? html` data-confirm="${options.confirm}"` : ''}${options.afterwardsTop ? html` data-after="top"` : ''}>
<input type="hidden" name="base" value="${base}">
${fields}
<p class="actions"><button type="submit">${options.label}</button> <span class="result" role="alert"></span></p>
</form>`;
}
