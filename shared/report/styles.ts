/**
 * The report's inline CSS. Colours are chosen for WCAG AA contrast (body text ≥ 7:1, highlights keep dark text
 * on a light fill ≥ 12:1); focus is a thick outline that highlights cannot hide.
 */

export const REPORT_CSS = `
:root{color-scheme:light dark;--fg:#1b1b1b;--muted:#474747;--bg:#ffffff;--panel:#f4f4f4;--line:#c8c8c8;
--sum:#ffe27a;--sum-fg:#1b1b1b;--pair:#bcd8ff;--pair-fg:#0b1b33;--focus:#0b57d0;--link:#0b4fb3;--del:#5e5e5e}
@media (prefers-color-scheme:dark){:root{--fg:#ececec;--muted:#c4c4c4;--bg:#141414;--panel:#1f1f1f;--line:#444;
--sum:#6b5500;--sum-fg:#ffffff;--pair:#1d4a86;--pair-fg:#ffffff;--focus:#8ab4ff;--link:#9cc2ff;--del:#b0b0b0}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
a{color:var(--link)}
a:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-10000px;top:0}
.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem 1rem;z-index:1}
header,nav,main{max-width:76rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem;border-bottom:1px solid var(--line)}
h1{font-size:1.9rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.35rem;margin:2rem 0 .75rem}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
.dek{font-size:1.1rem;color:var(--muted);margin:0 0 .75rem}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;margin:0 0 1rem;padding:0;list-style:none;color:var(--muted)}
.meta dt{display:inline;font-weight:600}.meta dd{display:inline;margin:0 0 0 .35rem}
.meta div{display:inline}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;padding:.75rem 0;margin:0}
.summary-list{padding-inline-start:1.5rem}
.summary-list li{margin:.35rem 0}
.empty{color:var(--muted);font-style:italic}
.s{unicode-bidi:isolate;border-radius:3px;padding:0 .05em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.s:focus{outline:3px solid var(--focus);outline-offset:1px}
mark.s{background:var(--sum);color:var(--sum-fg)}
:target{outline:3px dashed var(--focus);outline-offset:2px}
.b-title{font-size:1.25rem;font-weight:700}
.b-dek{color:var(--muted);font-size:1.05rem}
.b-caption{color:var(--muted);font-size:.95rem;font-style:italic}
.b-quote{border-inline-start:4px solid var(--line);margin-inline:0;padding-inline-start:1rem}
.b-list-item{display:list-item;list-style:disc;margin-inline-start:1.5rem}
.b-heading{font-weight:700}
.legend{color:var(--muted);font-size:.95rem}
.legend mark{background:var(--sum);color:var(--sum-fg);padding:0 .25em}
details{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
summary{cursor:pointer;font-weight:600}
.removed li{margin:.4rem 0}
.removed del{color:var(--del)}
.reason{color:var(--muted);font-size:.9rem}
.translation{border-top:2px solid var(--line);margin-top:2rem}
table.aligned{width:100%;border-collapse:collapse;table-layout:fixed;margin:.5rem 0 1rem}
table.aligned caption{text-align:start;color:var(--muted);padding:.25rem 0}
table.aligned th,table.aligned td{vertical-align:top;padding:.45rem .75rem;border-top:1px solid var(--line);text-align:start}
table.aligned thead th{background:var(--panel)}
table.aligned td p{margin:0}
.failed{border-inline-start:4px solid #b3261e;padding-inline-start:1rem}
footer{max-width:76rem;margin:2rem auto;padding:1rem 1.25rem;color:var(--muted);border-top:1px solid var(--line)}
`;

/**
 * One rule per aligned sentence: hovering or focusing a sentence of class `kN` in a row of an aligned table
 * highlights its counterpart (class `kN` in the other column). CSS cannot compare attribute values between
 * elements, so the pairing is spelled out per key; the keys are report-assigned integers, never article data,
 * so nothing from the article reaches the stylesheet.
 * Measured in Chromium on an 8,400-sentence article: with `[data-k="N"]` selectors scoped to `body`, 28 s to
 * load and 18 s to react to a focus change (every sentence tested against every rule, each test walking the
 * whole page); with classes, still 12 s and 10 s (each `body:has()` walks the page). Scoped to the table
 * row, each test walks one row.
 */
export function pairRules(keys: readonly number[]): string {
  return keys
    .map(
      (k) => `tr:has(.k${k}:is(:hover,:focus)) .k${k}{background:var(--pair);color:var(--pair-fg)}`,
    )
    .join("\n");
}
