import { fnv1a } from '../store/hash';
import { SCRIPT_CORE } from './script-core';
import { SCRIPT_LIST } from './script-list';
import { SCRIPT_SOURCES } from './script-sources';
import { ADMIN_CSS } from './style';

/** /admin/app.js: the page's one script, its parts in one function (nothing leaks to the page's globals). */
export const ADMIN_JS = `/* bantin: quản trị nguồn tin. */
(function () {
'use strict';
${SCRIPT_CORE}
${SCRIPT_SOURCES}
${SCRIPT_LIST}
})();
`;

export { ADMIN_CSS };

/** In the asset URLs, so a new deploy's page never runs an old cached script. */
export const ADMIN_ASSET_VERSION = fnv1a(ADMIN_JS + ADMIN_CSS);
