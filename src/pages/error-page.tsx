import { Layout } from './layout';

/** A page that says what went wrong, in Vietnamese, with the way back. */
export const ErrorPage = ({ title, messages }: { title: string; messages: string[] }) => (
  <Layout title={`${title} — bantin`}>
    <h1>{title}</h1>
    <div class="error">
      <ul>
        {messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
    <p>
      <a href="/">Về trang tin mới</a>
      {' · '}
      <a href="/sources">Danh sách nguồn tin</a>
    </p>
  </Layout>
);
