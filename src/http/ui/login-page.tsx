import { Layout } from './layout.js';

export function LoginPage(props: { csrf: string; next: string; error?: string | null }) {
  return (
    <Layout title="Sign in">
      <h1>Sign in</h1>
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <form method="post" action="/login" class="card">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <label>Token (the API token, or your own from <code>liaison user add</code>)<br />
          <input type="password" name="token" autocomplete="current-password" size={48} required />
        </label>{' '}
        <button type="submit" class="primary">Sign in</button>
      </form>
    </Layout>
  );
}

export function MessagePage(props: { title: string; message: string; actor?: string | null; csrf?: string; back?: string }) {
  return (
    <Layout title={props.title} actor={props.actor} csrf={props.csrf}>
      <h1>{props.title}</h1>
      <p class="error" role="alert">{props.message}</p>
      {props.back ? <p><a href={props.back}>Back</a></p> : null}
    </Layout>
  );
}
