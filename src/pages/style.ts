import { fnv1a } from '../store/hash';

/**
 * The one stylesheet of the pages, served at /style.css (no inline styles: the pages run
 * under a Content-Security-Policy without 'unsafe-inline'). Phone first; wider screens
 * get more room. System fonts only: nothing to download.
 */
export const STYLE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1b1f24;background:#f6f7f9}
a{color:#0b57a4}
a:hover{color:#073b70}
.site{background:#8f1d1d;color:#fff}
.site .wrap{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;padding-top:.6rem;padding-bottom:.6rem}
.site a{color:#fff;text-decoration:none}
.site a:hover,.site a[aria-current]{text-decoration:underline}
.brand{font-weight:700;font-size:1.2rem;margin-right:auto}
.brand small{font-weight:400;font-size:.8rem;opacity:.85;margin-left:.4rem}
.site nav{display:flex;gap:1rem;font-size:.95rem}
.wrap{max-width:52rem;margin:0 auto;padding:0 1rem}
main.wrap{padding-top:1rem;padding-bottom:2rem}
.wide .wrap{max-width:76rem}
h1{font-size:1.35rem;line-height:1.3;margin:.2rem 0 .8rem}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.lead{color:#4a5563;margin:-.4rem 0 1rem}
.filters{display:grid;grid-template-columns:1fr;gap:.6rem;background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:.8rem;margin-bottom:1rem}
.filters label{display:flex;flex-direction:column;font-size:.85rem;color:#4a5563;gap:.2rem}
.filters select,.filters input,.filters button{font:inherit;font-size:1rem;padding:.45rem .5rem;border:1px solid #b8c0ca;border-radius:6px;background:#fff;color:#1b1f24;min-width:0;width:100%}
.filters button{background:#8f1d1d;border-color:#8f1d1d;color:#fff;cursor:pointer;font-weight:600}
.filters button:hover{background:#6e1515}
@media (min-width:40rem){.filters{grid-template-columns:1fr 1fr 1.3fr auto;align-items:end}.filters button{width:auto}}
.feeds{font-size:.9rem;color:#4a5563;margin:0 0 1rem}
.feeds a{margin-left:.5rem}
.articles{list-style:none;margin:0;padding:0}
.article{display:flex;gap:.8rem;background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:.75rem;margin-bottom:.6rem}
.article .body{flex:1;min-width:0}
.article h2{font-size:1.05rem;line-height:1.35;margin:0 0 .25rem;overflow-wrap:anywhere}
.article h2 a{text-decoration:none}
.article h2 a:hover{text-decoration:underline}
.meta{font-size:.85rem;color:#5b6573;margin:0 0 .3rem}
.meta a{color:inherit}
.summary{margin:0;font-size:.95rem;color:#2d333b;overflow-wrap:anywhere}
.thumb{flex:none;display:block;overflow:hidden;width:6rem;height:4.5rem;border-radius:4px;background:#e9ecef url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'%3E%3Cpath fill='%23b8c0ca' d='M3 5h18v14H3zm2 2v8l4-4 3 3 4-5 3 4V7zm3 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z'/%3E%3C/svg%3E") center/2rem no-repeat}
.thumb img{display:block;width:100%;height:100%;object-fit:cover}
.thumb img.broken{visibility:hidden}
.source-icon{display:inline-block;vertical-align:-3px;width:16px;height:16px;margin-right:.3rem;border-radius:3px;overflow:hidden;background:#dde1e6}
.source-icon img{display:block;width:100%;height:100%;object-fit:contain;background:#fff}
.source-icon img.broken{visibility:hidden}
@media (min-width:40rem){.thumb{width:8.5rem;height:6rem}}
.empty{background:#fff;border:1px dashed #b8c0ca;border-radius:8px;padding:1rem;text-align:center;color:#4a5563}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
.pager a{display:inline-block;padding:.5rem .9rem;border:1px solid #b8c0ca;border-radius:6px;background:#fff;text-decoration:none}
.pager .next{margin-left:auto}
.error{background:#fff4f4;border:1px solid #e2a3a3;border-radius:8px;padding:.8rem}
.group{margin-top:1.5rem}
.sources{width:100%;border-collapse:collapse;background:#fff;border:1px solid #dde1e6;font-size:.9rem}
.sources th,.sources td{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #e6e9ed}
.sources th{background:#eef1f4;font-weight:600}
.sources .num{text-align:right}
.sources small{display:block;color:#5b6573}
.status{font-weight:600}
.status-ok{color:#1d6b2f}
.status-failing{color:#a11d1d}
.status-unverified{color:#8a5a00}
.status-retired,.status-disabled{color:#5b6573}
.communes{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.1rem 1rem}
.communes li{padding:.35rem 0;border-bottom:1px solid #e6e9ed}
.communes small{color:#5b6573}
.communes .has-sources a{font-weight:600}
@media (min-width:40rem){.commune-search{grid-template-columns:1fr auto}}
.why{overflow-wrap:anywhere}
@media (max-width:40rem){.sources thead{display:none}.sources,.sources tbody,.sources tr,.sources td{display:block;width:100%}.sources tr{border-bottom:2px solid #dde1e6;padding:.3rem 0}.sources td{border:0;padding:.15rem .5rem}.sources td[data-label]::before{content:attr(data-label) ": ";color:#5b6573}.sources .num{text-align:left}}
pre.snippet{background:#1b1f24;color:#f1f3f5;padding:.8rem;border-radius:8px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;font-size:.85rem}
.preview{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:.8rem}
footer.wrap{font-size:.85rem;color:#5b6573;padding-bottom:2rem}
`;

/** Changes whenever the stylesheet does: its ETag, and the ?v= the pages link it with. */
export const STYLE_VERSION = fnv1a(STYLE_CSS);
