import { communeTitle, communesOf } from '../regions';
import { failureSentence } from '../pages/failure-text';
import { districtChoices, type Choice } from '../pages/region-choices';
import { regionText } from '../pages/source-rows';
import { lastErrorText, sourceKindText, sourceStatus } from '../pages/source-status';
import { withoutUserinfo } from '../normalize/url';
import { capitalize } from '../vietnamese';
import type { Source } from '../sources/schema';
import type { StateDoc } from '../store/types';

/** A failure as the admin page lists it: the machine code and its sentence for people. */
export interface FailureView {
  at: string | null;
  code: string | null;
  status?: number;
  text: string;
}

/** One source as the admin page shows it: its definition's essentials and its health, in words. */
export interface SourceView {
  id: string;
  name: string;
  url: string;
  kind: string;
  region: string;
  enabled: boolean;
  retired: boolean;
  status: { kind: string; text: string };
  articleCount: number;
  lastSuccess: string | null;
  lastAttempt: string | null;
  lastFailure: FailureView | null;
  recentFailures: FailureView[];
}

export function sourceViews(catalog: Source[], state: StateDoc | null): SourceView[] {
  return catalog.map((s) => {
    const h = state?.sources[s.id];
    const status = sourceStatus(s, h);
    return {
      id: s.id,
      name: s.name,
      url: withoutUserinfo(s.url),
      kind: sourceKindText(s),
      region: regionText(s),
      enabled: s.enabled,
      retired: s.retired,
      status: { kind: status.kind, text: status.text },
      articleCount: h?.articleCount ?? 0,
      lastSuccess: h?.lastSuccess ?? null,
      lastAttempt: h?.lastAttempt ?? null,
      lastFailure:
        h && (h.lastErrorCode || h.lastError)
          ? { at: h.lastErrorAt ?? null, code: h.lastErrorCode ?? null, ...(h.lastErrorStatus ? { status: h.lastErrorStatus } : {}), text: lastErrorText(h) }
          : null,
      recentFailures: (h?.recentFailures ?? []).map((f) => ({ ...f, text: failureSentence(f.code, f.status) ?? f.code })),
    };
  });
}

/** What the add form offers for a province: the districts sources publish under, and the communes of today. */
export function regionOptions(catalog: Source[], province: string): { districts: Choice[]; communes: Choice[] } {
  return {
    districts: districtChoices(catalog.map((s) => s.region), province),
    communes: communesOf(province).map((c) => ({ value: c.code, label: `${capitalize(communeTitle(c))} (${c.code})` })),
  };
}
