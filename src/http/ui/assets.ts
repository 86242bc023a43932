// The review UI's only stylesheet and script, served from /ui/ so the CSP can forbid inline script.

export const CSS = `
*{box-sizing:border-box}body{font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1c2430;background:#f6f7f9}
header{background:#1c2430;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
header a{color:#cfe0ff;text-decoration:none}header .who{margin-left:auto;opacity:.8}
main{max-width:1100px;margin:1rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid #e3e6ea;vertical-align:top}
.badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;background:#e8edf5;font-size:.8rem}
.badge.pending{background:#fff3cd}.badge.published{background:#d1f0dc}.badge.publish_failed,.badge.failed{background:#f8d7da}.badge.rejected{background:#eee}
.card{background:#fff;border:1px solid #e3e6ea;border-radius:.4rem;padding:1rem;margin:0 0 1rem}
blockquote{margin:.2rem 0;padding:.2rem .8rem;border-left:3px solid #8aa4d6;background:#f3f6fb;white-space:pre-wrap}
textarea{width:100%;min-height:16rem;font:14px/1.45 ui-monospace,Menlo,monospace}input[type=text],select{padding:.3rem}
.row{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end}.muted{color:#667085}.error{background:#f8d7da;padding:.6rem;border-radius:.3rem}
.ok{background:#d1f0dc;padding:.6rem;border-radius:.3rem}pre.body{white-space:pre-wrap;font:inherit;margin:0}
button{padding:.35rem .9rem;cursor:pointer}button.primary{background:#1f6feb;color:#fff;border:0;border-radius:.3rem}
nav.pages a{margin-right:.5rem}form.inline{display:inline}.pre{white-space:pre-wrap}
`;

export const JS = `
document.addEventListener('click', function (e) {
  var b = e.target.closest('[data-copy]');
  if (!b) return;
  var el = document.getElementById(b.getAttribute('data-copy'));
  var text = el ? (el.value !== undefined ? el.value : el.textContent) : '';
  navigator.clipboard.writeText(text).then(function () { b.textContent = 'Copied'; }, function () { b.textContent = 'Copy failed'; });
});
`;

/** Strict CSP for every UI page: scripts only from /ui/app.js, no inline script, no plugins, no framing. */
export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";
