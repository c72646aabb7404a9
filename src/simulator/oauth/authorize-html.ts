/**
 * The HTML of Jira's OAuth authorize page and its outcomes, as plain documents: no script and no
 * inline style at all, so the page works in a popup under a strict Content-Security-Policy, and
 * every value echoed is HTML-escaped.
 */
import type { SimulatorUser } from "../simulator-contract";

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** What the authorize page shows. */
export interface AuthorizePageModel {
  consumerName: string;
  requestToken: string;
  /** The user preselected (Jane Doe unless asked otherwise). */
  currentUser: SimulatorUser;
  users: readonly SimulatorUser[];
}

/**
 * "Welcome to Jira": which application asks, who is logged in, a user picker (the simulator's stand-in
 * for logging in as someone else) and the Allow / Deny buttons of one POST form. The action is
 * relative ("authorize") so the form also works when the page is reached through a relay path.
 */
export function renderAuthorizePage(model: AuthorizePageModel): string {
  const consumer = escapeHtml(model.consumerName);
  const options = model.users
    .map(
      (user) =>
        `<option value="${escapeHtml(user.name)}"${user.name === model.currentUser.name ? " selected" : ""}>${escapeHtml(user.displayName)} (${escapeHtml(user.name)})</option>`
    )
    .join("");
  return page(
    "Welcome to Jira",
    `<h1>Welcome to Jira</h1>
<p id="oauth-consumer"><strong>${consumer}</strong> is requesting access to your Jira account.</p>
<p>You are logged in as <strong id="current-user">${escapeHtml(model.currentUser.displayName)}</strong>.
If you allow access, ${consumer} will be able to read and change what you can in Jira, as you, until you revoke it.</p>
<form method="post" action="authorize">
<input type="hidden" name="oauth_token" value="${escapeHtml(model.requestToken)}">
<p><label for="user">Act as</label> <select id="user" name="user">${options}</select></p>
<p><button type="submit" name="approve" value="Allow">Allow</button>
<button type="submit" name="deny" value="Deny">Deny</button></p>
</form>`
  );
}

/** The out-of-band outcome: the verification code to type into the application. */
export function renderVerifierPage(consumerName: string, verifier: string): string {
  return page(
    "Access approved",
    `<h1>Access approved</h1>
<p>You have successfully authorized <strong>${escapeHtml(consumerName)}</strong>.</p>
<p>Your verification code is <code id="oauth-verifier">${escapeHtml(verifier)}</code></p>
<p>You will need to enter this exact text when prompted. You should write this value down before closing the browser window.</p>`
  );
}

/** The out-of-band outcome of Deny. */
export function renderDeniedPage(consumerName: string): string {
  return page(
    "Access denied",
    `<h1>Access denied</h1>
<p id="oauth-denied">You have denied <strong>${escapeHtml(consumerName)}</strong> access to your Jira account.</p>`
  );
}

/** A page naming what is wrong with the authorize request (`problem` is an oauth_problem name). */
export function renderAuthorizeErrorPage(problem: string, message: string): string {
  return page(
    "OAuth error",
    `<h1>The application's request can't be authorized</h1>
<p id="oauth-problem">${escapeHtml(problem)}</p>
<p>${escapeHtml(message)}</p>
<p>Go back to the application and sign in to Jira again.</p>`
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Jira</title>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
