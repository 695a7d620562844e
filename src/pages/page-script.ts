import { fnv1a } from '../store/hash';

/**
 * The pages' one script, served at /page.js (the Content-Security-Policy allows no inline script
 * or handler). It marks an image that failed to load (`broken`), so the stylesheet hides it and
 * its frame's neutral placeholder shows instead of the browser's broken-image icon. Loaded with
 * `defer`: images that failed before it ran are found by looking, later ones by listening.
 */
export const PAGE_JS = `(function () {
  'use strict';
  function mark(img) { img.classList.add('broken'); }
  document.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t.tagName === 'IMG') mark(t);
  }, true);
  [].forEach.call(document.images, function (img) {
    if (img.complete && !img.naturalWidth && img.getAttribute('src')) mark(img);
  });
})();
`;

/** Changes whenever the script does: the ?v= the pages load it with. */
export const PAGE_JS_VERSION = fnv1a(PAGE_JS);
