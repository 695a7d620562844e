import { z } from 'zod';
import { findProvince } from '../regions';
import { checkCommune } from './region-check';

/** The source format: a contract other parts and tools rely on (see README). */

export const PRESET_NAMES = ['wordpress', 'tandan', 'liferay', 'nukeviet', 'story', 'newsitem', 'postdate'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug like "cho-don"');

const css = z.string().trim().min(1).max(300);

export const selectorsSchema = z
  .object({
    item: css,
    title: css.optional(),
    link: css.optional(),
    date: css.optional(),
    summary: css.optional(),
    image: css.optional(),
  })
  .strict();
export type Selectors = z.infer<typeof selectorsSchema>;

export const regionSchema = z
  .object({
    // Current or former (pre-2025) province: sources carry the region they published under.
    province: slug.refine((p) => Boolean(findProvince(p)), 'unknown province slug (see src/regions/provinces.ts)'),
    district: slug.optional(),
    // A five-digit GSO code names a commune of today (checked below); a slug is a label as published.
    commune: z
      .string()
      .max(64)
      .regex(/^(?:\d{5}|[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'must be a commune code like "02143" or a lowercase slug like "bang-lang"')
      .optional(),
    /** Display names (slugs carry no diacritics): "huyện Chợ Đồn". */
    districtName: z.string().trim().min(1).max(100).optional(),
    communeName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .superRefine((region, ctx) => {
    for (const p of checkCommune(region)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [p.field], message: p.message });
  });

const httpUrl = z
  .string()
  .url('must be an absolute URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must be http or https');

export const sourceSchema = z
  .object({
    id: slug,
    name: z.string().trim().min(1).max(200),
    url: httpUrl,
    kind: z.enum(['feed', 'html', 'auto']).default('auto'),
    preset: z.enum(PRESET_NAMES).optional(),
    selectors: selectorsSchema.partial({ item: true }).optional(),
    region: regionSchema,
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy'),
    intervalMinutes: z.number().int().min(5).max(7 * 24 * 60).default(30),
    enabled: z.boolean().default(true),
    retired: z.boolean().default(false),
    /** Fetch article pages to fill a missing date or image (costs one subrequest per article). */
    enrich: z.boolean().default(false),
    /** Read each new article's own page: full text, exact time, author, lead image (one subrequest per article, once). */
    fullText: z.boolean().default(false),
    /** Free note, e.g. "address from a public scraper, not checked live". */
    note: z.string().max(500).optional(),
    /** An address not checked live, and where it came from (readers see it: Vietnamese); shown until a refresh succeeds. */
    unverified: z.object({ from: z.string().trim().min(1).max(300) }).strict().optional(),
  })
  .strict();

/** A source as written in a catalog (defaults may be missing). */
export type SourceInput = z.input<typeof sourceSchema>;
/** A validated source with every default filled in. */
export type Source = z.output<typeof sourceSchema>;

export const catalogSchema = z.array(sourceSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  sources.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i, 'id'], message: `duplicate id "${s.id}"` });
    seen.add(s.id);
  });
});

export interface FieldError {
  /** Dotted path, e.g. "[2].region.province" or "url". */
  field: string;
  message: string;
}

function pathToField(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('') || '(root)';
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function validate<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, input: unknown): Validated<T> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ field: pathToField(i.path), message: i.message })) };
}

/** Validates one source; errors name the field and why. */
export const validateSource = (input: unknown): Validated<Source> => validate(sourceSchema, input);
/** Validates a whole catalog (array of sources, unique ids). */
export const validateCatalog = (input: unknown): Validated<Source[]> => validate(catalogSchema, input);
