/** Every KV key bantin uses, in one place (see DESIGN.md's cost model). */
export const CATALOG_KEY = 'catalog';
export const STATE_KEY = 'state';
export const bucketKey = (sourceId: string) => `src:${sourceId}`;
export const SNAP_ALL = 'snap:all';
export const provinceSnapKey = (province: string) => `snap:p:${province}`;
export const districtSnapKey = (province: string, district: string) => `snap:d:${province}:${district}`;
