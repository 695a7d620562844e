/**
 * A fetch that counts subrequests and refuses once the run's budget is spent
 * (the free plan allows 50 per invocation; the default budget is 45).
 */
export interface Budget {
  fetch: typeof fetch;
  used(): number;
  remaining(): number;
  /** True once a request was refused for want of budget. */
  exhausted(): boolean;
}

export class BudgetExhausted extends Error {
  override readonly name = 'BudgetExhausted';
  constructor() {
    super('subrequest budget of this run is spent');
  }
}

export function subrequestBudget(inner: typeof fetch, max: number): Budget {
  let used = 0;
  let refused = false;
  const counted = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (used >= max) {
      refused = true;
      return Promise.reject(new BudgetExhausted());
    }
    used++;
    return inner(input, init);
  }) as typeof fetch;
  return { fetch: counted, used: () => used, remaining: () => max - used, exhausted: () => refused };
}
