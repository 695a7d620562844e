/** The admin page's own rules, on top of the site's /style.css (served at /admin/app.css; no inline style). */
export const ADMIN_CSS = `.admin .panel{background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem}
.admin h2{margin-top:.2rem}
.admin form{display:grid;grid-template-columns:1fr;gap:.6rem}
@media (min-width:48rem){#source-form{grid-template-columns:1fr 1fr}.admin .span2{grid-column:1 / -1}}
.admin label{display:flex;flex-direction:column;font-size:.85rem;color:#4a5563;gap:.2rem}
.admin input,.admin select{font:inherit;font-size:1rem;padding:.4rem .5rem;border:1px solid #b8c0ca;border-radius:6px;background:#fff;color:#1b1f24;min-width:0}
.admin button{font:inherit;font-size:.95rem;padding:.4rem .8rem;border:1px solid #8f1d1d;border-radius:6px;background:#8f1d1d;color:#fff;cursor:pointer}
.admin button:hover{background:#6e1515}
.admin button:disabled{opacity:.5;cursor:not-allowed}
.admin button.secondary{background:#fff;color:#8f1d1d}
.admin button.danger{background:#b42318;border-color:#b42318}
.admin .actions{display:flex;flex-wrap:wrap;gap:.5rem}
.admin .hint{font-size:.85rem;color:#5b6573}
.admin .bar{display:flex;align-items:center;gap:.8rem;justify-content:flex-end}
.admin .ok{color:#1a7f37}
.admin .bad,.admin td.status.failing{color:#b42318}
.admin .log{font-size:.9rem;max-height:14rem;overflow:auto;margin:.4rem 0 0;padding-left:1.2rem}
.admin progress{width:100%;height:1rem}
.admin .problems li.error{background:none;border:0;padding:0;color:#b42318}
.admin .problems li.warning{color:#9a6700}
.admin .preview-articles{font-size:.9rem}
.admin .preview-articles time{color:#5b6573;margin-left:.4rem;white-space:nowrap}
.admin .table-scroll{overflow-x:auto}
.admin table{width:100%;border-collapse:collapse;background:#fff;font-size:.9rem}
.admin th,.admin td{border-bottom:1px solid #e5e8ec;padding:.45rem .5rem;text-align:left;vertical-align:top}
.admin td .id,.admin td .url{display:block;font-size:.8rem;color:#5b6573;overflow-wrap:anywhere}
.admin td ul{margin:0;padding-left:1rem}
.admin td .row-actions{display:flex;flex-wrap:wrap;gap:.3rem}
.admin td .row-actions button{font-size:.8rem;padding:.25rem .5rem}
.admin td .row-status{display:block;margin-top:.3rem;font-size:.85rem}
`;
