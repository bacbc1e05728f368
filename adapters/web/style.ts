/**
 * The site's stylesheet and icon, shipped as strings so that the site is
 * built from the code and the content alone. Phone first (one column,
 * nothing wider than the screen, long words and addresses wrap), a dark
 * scheme that keeps the contrast, and a print sheet (no navigation, link
 * addresses written out).
 */

/** `style.css`. */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1b1b; --muted: #474747; --link: #0a4f9e; --visited: #5b2a86;
  --bar: #8c1c13; --bar-fg: #ffffff; --quote-bg: #f6f3ee; --rule: #d5d0c8; --target: #fff3c4;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #121212; --fg: #ececec; --muted: #c4c4c4; --link: #93bdff; --visited: #d0a8f5;
    --bar: #6a150e; --bar-fg: #ffffff; --quote-bg: #1f1d1a; --rule: #4a4640; --target: #3a3214; }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere; hyphens: auto;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:visited { color: var(--visited); }
a:focus-visible, main:focus-visible { outline: 3px solid currentColor; outline-offset: 2px; }
main:focus { outline: none; }
.skip { position: absolute; left: 0.5rem; top: -10rem; z-index: 10; padding: 0.5rem 0.75rem;
  background: var(--bg); color: var(--link); border: 2px solid currentColor; }
.skip:focus { top: 0.5rem; }
header { background: var(--bar); color: var(--bar-fg); padding: 0.75rem 1rem; }
header a, header a:visited { color: var(--bar-fg); }
header > * { max-width: 42rem; margin-left: auto; margin-right: auto; }
.site { margin: 0 auto 0.5rem; font-weight: 700; }
.site a { text-decoration: none; }
nav ul { list-style: none; margin: 0 auto; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav li { margin: 0; }
nav a { display: inline-block; padding: 0.35rem 0; }
nav.languages a[aria-current="page"] { font-weight: 700; text-decoration: none; }
nav.contents { margin-top: 0.25rem; border-top: 1px solid rgba(255, 255, 255, 0.45); padding-top: 0.25rem; }
main, footer { display: block; max-width: 44rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.4rem; line-height: 1.25; margin: 2.25rem 0 0.75rem; padding-top: 0.75rem; border-top: 2px solid var(--rule); }
h3 { font-size: 1.15rem; line-height: 1.3; margin: 1.5rem 0 0.5rem; }
p, ul, ol, blockquote { margin: 0 0 0.85rem; }
ul, ol { padding-left: 1.4rem; }
li { margin-bottom: 0.4rem; }
blockquote { margin-left: 0; padding: 0.6rem 0.9rem; background: var(--quote-bg); border-left: 4px solid var(--bar); }
blockquote p:last-child { margin-bottom: 0; }
.part { scroll-margin-top: 1rem; }
.part:target { background: var(--target); outline: 0.5rem solid var(--target); }
footer { border-top: 2px solid var(--rule); color: var(--muted); font-size: 0.95rem; }
footer a { color: var(--link); }
@media (min-width: 48rem) {
  h1 { font-size: 2.1rem; }
  main, footer { padding: 1.5rem 1rem; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #000; --link: #000; --visited: #000; --quote-bg: #fff; --rule: #999; --target: #fff; }
  @page { margin: 2cm; }
  body { font: 11pt/1.4 Georgia, "Times New Roman", serif; }
  .skip, nav { display: none; }
  header { background: none; color: #000; padding: 0; }
  header a { color: #000; }
  main, footer { max-width: none; padding: 0; }
  a { text-decoration: none; }
  main a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.9em; }
  blockquote { border-left: 2px solid #000; }
  h2, h3 { break-after: avoid; }
  li, blockquote p { break-inside: avoid; }
}
`;

/** `favicon.svg`: a placard on a pole. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#8c1c13"/><rect x="12" y="10" width="40" height="28" rx="3" fill="#fff"/><rect x="29" y="38" width="6" height="18" fill="#fff"/></svg>
`;
