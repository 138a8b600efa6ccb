import { html, SafeHtml } from '../../lib/html';

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2b2c;background:#f5f7f6}
header{background:#2f5d62;color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
header h1{font-size:1.1rem;margin:0;font-weight:600}main{max-width:760px;margin:0 auto;padding:16px}
.card{background:#fff;border:1px solid #dde4e2;border-radius:10px;padding:20px;margin:16px 0}
label{display:block;font-weight:600;margin-bottom:6px}input,select{font:inherit;padding:10px;border:1px solid #b9c6c3;border-radius:6px;width:100%}
button{font:inherit;padding:10px 16px;border:0;border-radius:6px;background:#2f5d62;color:#fff;cursor:pointer;margin-top:12px}
button.link{background:none;color:inherit;text-decoration:underline;padding:0;margin:0}
nav.tabs{display:flex;gap:4px;overflow-x:auto;border-bottom:1px solid #dde4e2}nav.tabs a{padding:10px 14px;color:#2f5d62;text-decoration:none;white-space:nowrap;border-bottom:3px solid transparent}
nav.tabs a[aria-current=page]{border-color:#2f5d62;font-weight:600}.who{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.who select{width:auto;padding:6px;margin:0}.who button{margin:0;padding:6px 10px;background:#fff;color:#2f5d62}
.notice{background:#e8f1ef;border-left:4px solid #2f5d62;padding:12px;border-radius:6px}.error{background:#fbeaea;border-color:#a33}
ul.profiles{list-style:none;padding:0}ul.profiles li{margin:8px 0}ul.profiles button{width:100%;text-align:left;background:#fff;color:#1d2b2c;border:1px solid #b9c6c3}
.muted{color:#5b6b69}
@media (max-width:560px){header>.who{width:100%}.who>form[action="/sign-out"]{margin-left:auto}
form.who{order:1;flex:1 1 100%;min-width:0;flex-wrap:nowrap}form.who select{flex:1;min-width:0}
nav.tabs{display:grid;grid-template-columns:1fr 1fr}nav.tabs a{text-align:center;padding:10px 6px}}`;

export function layout(title: string, content: SafeHtml, header: SafeHtml = html``): string {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${new SafeHtml(STYLE)}</style></head>
<body><header><h1>Client portal</h1>${header}</header><main>${content}</main></body>
</html>`.value;
}
