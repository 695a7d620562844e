import type { FC } from 'hono/jsx';

/** Forward paging by cursor ("Trang sau"), and a way back to the first page. */
export const Pager: FC<{ nextHref?: string; firstHref?: string }> = ({ nextHref, firstHref }) =>
  nextHref || firstHref ? (
    <nav class="pager" aria-label="Phân trang">
      {firstHref ? <a href={firstHref}>« Trang đầu</a> : null}
      {nextHref ? (
        <a class="next" href={nextHref} rel="next">
          Trang sau »
        </a>
      ) : null}
    </nav>
  ) : null;
