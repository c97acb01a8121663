import { DEV_USERS } from './dev-directory';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** The development sign-in page: pick a member of staff, password `dev`. Parameters travel as hidden fields. */
export function loginPage(params: Record<string, string>, error?: string): string {
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const users = DEV_USERS.map(
    (user, index) =>
      `<label><input type="radio" name="username" value="${escapeHtml(user.id)}"${index === 0 ? ' checked' : ''}> ${escapeHtml(user.name)} (${escapeHtml(user.id)}, ${user.roles.join(', ')})</label>`,
  ).join('<br>\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in: TNW development identity provider</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;line-height:1.8}fieldset{border:1px solid #999}.error{color:#a00}</style></head>
<body>
<main>
<h1>Sign in (development identity provider)</h1>
<p>For development only: each user's password is <code>dev</code>.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="authorize">
${hidden}
<fieldset><legend>Who are you?</legend>
${users}
</fieldset>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>`;
}
