import type { FC } from 'hono/jsx';
import { vnRelative, vnShort } from './dates';
import { httpUrl } from './safe-url';
import { SourceIcon } from './source-icon';
import type { SourceGroup, SourceRow } from './source-rows';
import { lastErrorText } from './source-status';

/** "2 giờ trước" with the date beside it, or the words for never. */
const When: FC<{ iso?: string; now: Date; never: string }> = ({ iso, now, never }) =>
  iso ? (
    <>
      {vnRelative(iso, now)}
      <small>
        <time datetime={iso}>{vnShort(iso)}</time>
      </small>
    </>
  ) : (
    <>{never}</>
  );

const NextDue: FC<{ row: SourceRow; now: Date }> = ({ row, now }) => {
  if (row.idle) return <>—</>;
  const due = row.state?.nextDue;
  if (!due || Date.parse(due) <= now.getTime()) return <>Đến hạn (lần chạy tới)</>;
  return <When iso={due} now={now} never="" />;
};

/** When the last error happened; its text too when it is past (a failing source's status already says it). */
const LastError: FC<{ row: SourceRow; now: Date }> = ({ row, now }) => {
  const st = row.state;
  if (!st?.lastError) return <>—</>;
  if (st.failures && row.status.kind === 'failing') return <When iso={st.lastErrorAt} now={now} never="—" />;
  return (
    <span class="why">
      Trước đây: {lastErrorText(st)}
      {st.lastErrorAt ? (
        <small>
          {vnRelative(st.lastErrorAt, now)}, <time datetime={st.lastErrorAt}>{vnShort(st.lastErrorAt)}</time>
        </small>
      ) : null}
    </span>
  );
};

const Row: FC<{ row: SourceRow; now: Date }> = ({ row, now }) => {
  const portal = httpUrl(row.url);
  return (
    <tr id={`nguon-${row.id}`}>
      <td>
        <SourceIcon icon={row.state?.icon} />
        <a href={`/s/${encodeURIComponent(row.id)}`}>{row.name}</a>
        {portal ? (
          <small>
            <a href={portal} rel="nofollow noopener">
              {row.host}
            </a>
          </small>
        ) : null}
      </td>
      <td data-label="Khu vực">{row.region}</td>
      <td data-label="Cách lấy tin">{row.kind}</td>
      <td data-label="Trạng thái" class={`status status-${row.status.kind}`}>
        {row.status.text}
      </td>
      <td data-label="Hoạt động lần cuối">
        <When iso={row.state?.lastSuccess} now={now} never="Chưa lần nào" />
      </td>
      <td data-label="Lỗi gần nhất">
        <LastError row={row} now={now} />
      </td>
      <td data-label="Số bài" class="num">
        {row.state?.articleCount ?? 0}
      </td>
      <td data-label="Lần lấy tiếp">
        <NextDue row={row} now={now} />
      </td>
    </tr>
  );
};

/** Every source with its health, one table per province of today. */
export const SourceTable: FC<{ groups: SourceGroup[]; now: Date }> = ({ groups, now }) => (
  <>
    {groups.map((g) => (
      <section class="group" id={`tinh-${g.province}`}>
        <h2>
          {g.title} <small>({g.rows.length} nguồn)</small>
        </h2>
        <table class="sources">
          <thead>
            <tr>
              <th scope="col">Nguồn</th>
              <th scope="col">Khu vực</th>
              <th scope="col">Cách lấy tin</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Hoạt động lần cuối</th>
              <th scope="col">Lỗi gần nhất</th>
              <th scope="col">Số bài</th>
              <th scope="col">Lần lấy tiếp</th>
            </tr>
          </thead>
          <tbody>
            {g.rows.map((row) => (
              <Row row={row} now={now} />
            ))}
          </tbody>
        </table>
      </section>
    ))}
  </>
);
