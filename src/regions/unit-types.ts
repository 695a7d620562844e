/** Shapes of the generated unit table (units.generated.ts). */

/** 'xa' = xã, 'phuong' = phường, 'dac-khu' = đặc khu (special zone, mostly islands). */
export type CommuneKind = 'xa' | 'phuong' | 'dac-khu';

/** One commune-level unit: [GSO code, kind, Vietnamese name without the kind word, ASCII slug]. */
export type CommuneRow = readonly [code: string, kind: CommuneKind, name: string, slug: string];

export interface ProvinceUnit {
  /** Two-digit GSO code: "19". */
  code: string;
  slug: string;
  name: string;
  /** Its kind as the data gives it (today's). */
  kind: 'tinh' | 'thanh-pho';
  communes: readonly CommuneRow[];
}
