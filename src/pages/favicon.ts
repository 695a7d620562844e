/** bantin's icon: a folded newspaper in the site header's red, as SVG (every current browser takes it). */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
  '<rect width="32" height="32" rx="6" fill="#8f1d1d"/>' +
  '<rect x="7" y="8" width="18" height="16" rx="1.5" fill="#fff"/>' +
  '<rect x="10" y="11" width="12" height="3" fill="#8f1d1d"/>' +
  '<rect x="10" y="16" width="12" height="1.5" fill="#8f1d1d"/>' +
  '<rect x="10" y="19.5" width="8" height="1.5" fill="#8f1d1d"/>' +
  '</svg>';
