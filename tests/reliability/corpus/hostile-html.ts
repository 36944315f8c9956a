/**
 * A news page carrying every way HTML can run code or pull content in. Each executable part holds a
 * "pwned-…" marker: no output may ever contain one. The page also holds markup written AS TEXT (entities),
 * which is legitimate article text and must reach the report escaped, never as an element.
 */
export const PWNED = "pwned-";

/** Text that looks like markup once the entities are decoded; the report must show it, not run it. */
export const MARKUP_AS_TEXT = `<img src=x onerror=alert(1)>`;

export const HOSTILE_HTML = `<!doctype html>
<html>
<head>
<title>Harbour strike enters its third week</title>
<script>alert("pwned-head-script")</script>
<style>body { background: url("javascript:alert('pwned-style')") }</style>
<meta http-equiv="refresh" content="0; url=https://evil.example/pwned-refresh">
<base href="https://evil.example/pwned-base/">
</head>
<body onload="alert('pwned-onload')">
<script src="https://evil.example/pwned-src.js"></script>
<article>
<h1>Harbour strike enters its third week</h1>
<p onmouseover="alert('pwned-hover')">The union said on Monday that the strike would continue until a fair offer was made, and that dockworkers at the northern terminal had voted to stay out.</p>
<iframe src="https://evil.example/pwned-iframe" width="600" height="400"></iframe>
<p>Shipping companies warned that cargo was piling up on the quays and in the warehouses <img src="x" onerror="alert('pwned-onerror')"> as ships waited offshore.</p>
<p>A reader wrote in to ask why the page showed ${MARKUP_AS_TEXT.replace(/</g, "&lt;").replace(/>/g, "&gt;")} instead of a photo, and the editors said it was a test of their system.</p>
<svg onload="alert('pwned-svg')"><circle r="4"></circle></svg>
<p>The mayor told reporters that the government should step in <a href="javascript:alert('pwned-href')" onclick="alert('pwned-onclick')">before the harbour closes</a> for good.</p>
<object data="https://evil.example/pwned-object.swf"></object>
<embed src="https://evil.example/pwned-embed.swf">
<form action="https://evil.example/pwned-form"><input name="q" value="pwned-input" onfocus="alert('pwned-focus')" autofocus></form>
<p>Local traders argued that wages had not kept pace with the price of food and rent, and that the strike had public support.</p>
<script>document.write("<p>pwned-document-write</p>")</script>
</article>
</body>
</html>
`;
