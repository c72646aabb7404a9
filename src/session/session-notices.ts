/**
 * What the pane tells the user about the Jira session: one {@link SessionNotice} per case, with a
 * short title and plain text saying what happened and what to do (and who: the user, the Jira
 * administrator, or the add-in's administrator). Every text that quotes an error or a reason passes
 * through the redactor (the fixed texts of sign-out and of an expired stored token hold none): a
 * notice is shown, copied into support tickets and logged, and must never carry a token.
 */
import { ConfigError } from "../config/config-error";
import { JiraHttpError, JiraNetworkError, OAuthProblem } from "../jira/jira-errors";
import { describeOAuthProblem } from "../oauth/oauth-problem";
import { isErrorLike, redactSecrets } from "../oauth/redact";
import { SessionError } from "./session-types";
import type { JiraAccount, SessionErrorCode, SessionNotice } from "./session-types";

/** What a notice may mention. */
export interface NoticeContext {
  /** Jira's base URL, for links and "Jira at …". */
  jiraBaseUrl?: string;
  /** Values to blank out wherever they appear (the pending request token, the access token). */
  secrets?: readonly string[];
}

/** Office's codes the session explains (learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes). */
export const OFFICE_SETTINGS_FULL = 9057;

/** Jira's page where users see and revoke the tokens they gave applications (facts: path unverified on 9.x/10.x). */
export function revokeTokensUrl(jiraBaseUrl: string): string {
  return `${jiraBaseUrl.replace(/\/+$/, "")}/plugins/servlet/oauth/users/access-tokens`;
}

/** The notice for any failure of the session: SessionError, Jira's errors, ConfigError, Office's errors, anything else. */
export function noticeForError(error: unknown, context: NoticeContext = {}): SessionNotice {
  return redacted(describe(error, context), context);
}

/** After sign-out: what was forgotten, and that the token can also be revoked in Jira. */
export function signedOutNotice(jiraBaseUrl: string): SessionNotice {
  return {
    code: "signed_out",
    intent: "info",
    title: "Signed out of Jira",
    message:
      "The add-in forgot your Jira sign-in on this mailbox. The token stays valid in Jira until it expires; " +
      "you can also revoke it in Jira (look for Jira for Outlook in the list).",
    link: revokeLink(jiraBaseUrl),
  };
}

/**
 * Outlook could not save the roaming settings after a sign-in (`token_not_saved`) or a sign-out
 * (`sign_out_not_saved`): offers "Try again" (`JiraSession.retrySave`).
 */
export function saveFailedNotice(
  error: unknown,
  after: "sign_in" | "sign_out",
  context: NoticeContext = {}
): SessionNotice {
  const reason = officeReason(error);
  if (after === "sign_in") {
    return redacted(
      {
        code: "token_not_saved",
        intent: "warning",
        title: "Sign-in not saved",
        message:
          `You are signed in, but Outlook could not save the sign-in to your mailbox (${reason}). ` +
          "It works until the add-in closes; you will have to sign in again next time unless Try again succeeds.",
        canRetrySave: true,
      },
      context
    );
  }
  return redacted(
    {
      code: "sign_out_not_saved",
      intent: "warning",
      title: "Sign-out not saved",
      message:
        `The add-in is signed out here, but Outlook could not remove the sign-in from your mailbox (${reason}), ` +
        "so the add-in may still be signed in next time or in another Outlook. Choose Try again, or revoke the token in Jira.",
      canRetrySave: true,
      ...(context.jiraBaseUrl ? { link: revokeLink(context.jiraBaseUrl) } : {}),
    },
    context
  );
}

/** Jira stopped accepting the token during work (`connection_ended`): the work waits for a new sign-in. */
export function connectionEndedNotice(error: unknown, context: NoticeContext = {}): SessionNotice {
  const expired = (error as { code?: unknown } | undefined)?.code === "token_expired";
  const why = expired
    ? "Jira no longer accepts your sign-in: it has expired (token_expired)."
    : "Jira no longer accepts your sign-in: it was revoked, it expired, or the application link was changed.";
  return redacted(
    {
      code: "connection_ended",
      intent: "warning",
      title: "Your Jira connection ended",
      // The banner showing it adds that the typed work is kept and continues after the sign-in.
      message: `${why} Sign in again to continue.`,
    },
    context
  );
}

/**
 * After the connection ended, someone else signed in (`signed_in_as_other_user`): the interrupted
 * work was handed back rather than continued as a different Jira user.
 */
export function otherUserNotice(previous: JiraAccount, current: JiraAccount): SessionNotice {
  const name = (account: JiraAccount) => account.displayName || account.name;
  return {
    code: "signed_in_as_other_user",
    intent: "warning",
    title: "Signed in as another Jira user",
    message: `You are now signed in as ${name(current)}, not ${name(previous)}. The work that was waiting was not continued as ${name(current)}; what you typed is still there, so start it again if you want to.`,
  };
}

/** At start: the stored token's `expiresAt` has passed (`token_expired_stored`). */
export function storedTokenExpiredNotice(expiresAt: string): SessionNotice {
  const date = expiresAt.slice(0, 10);
  return {
    code: "token_expired_stored",
    intent: "info",
    title: "Jira sign-in expired",
    message: `Your saved Jira sign-in expired on ${date}. Sign in to Jira again to continue.`,
  };
}

function describe(error: unknown, context: NoticeContext): SessionNotice {
  if (error instanceof SessionError) {
    return sessionErrorNotice(error.code, error, context);
  }
  if (error instanceof OAuthProblem) {
    return oauthProblemNotice(error);
  }
  if (error instanceof JiraHttpError) {
    return jiraHttpNotice(error, context);
  }
  if (error instanceof JiraNetworkError) {
    return {
      code: error.code,
      intent: "error",
      title: "No connection to Jira",
      message:
        "The add-in got no answer from its server or from Jira. Check your network connection and try again; " +
        "if it persists, the add-in's server or Jira may be down.",
    };
  }
  if (error instanceof ConfigError) {
    return {
      code: error.code,
      intent: "error",
      title: "Add-in not set up",
      message:
        "Jira for Outlook can't connect to Jira until its administrator fixes the add-in's configuration. " +
        `Tell them: ${error.message}`,
    };
  }
  const officeCode = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof officeCode === "number") {
    return officeNotice(officeCode, error, context);
  }
  return {
    code: "unexpected_error",
    intent: "error",
    title: "Something went wrong",
    message: `The add-in ran into an unexpected problem (${reasonOf(error)}). Try again; if it repeats, reload the add-in.`,
  };
}

function sessionErrorNotice(
  code: SessionErrorCode,
  error: SessionError | undefined,
  context: NoticeContext
): SessionNotice {
  const failure = (title: string, message: string): SessionNotice => ({
    code,
    intent: "error",
    title,
    message,
  });
  const warning = (title: string, message: string): SessionNotice => ({
    code,
    intent: "warning",
    title,
    message,
  });
  switch (code) {
    case "sign_in_required":
      return warning("Sign in to Jira", "Sign in to Jira to continue.");
    case "other_user_signed_in":
      return warning(
        "Signed in as another Jira user",
        error?.message ?? "Someone else signed in to Jira here; the waiting work was not continued."
      );
    case "dialog_already_open":
      return warning(
        "Another add-in window is open",
        "Outlook shows one add-in window at a time, and another one is open (perhaps an earlier sign-in window behind Outlook). Close it and choose Sign in again."
      );
    case "dialog_closed":
      return warning(
        "Sign-in cancelled",
        "The sign-in window was closed before Jira finished. To connect, choose Sign in again and then Allow on Jira's page."
      );
    case "popup_blocked":
      return failure(
        "Sign-in window blocked",
        "Your browser blocked the sign-in window. Allow pop-ups for Outlook in the browser's settings (or from the icon in the address bar), then choose Sign in again."
      );
    case "dialog_untrusted":
      return failure(
        "Sign-in window refused",
        "Outlook refused to open the add-in's sign-in page because its address is not HTTPS or not on the add-in's own domain. " +
          "Tell the add-in's administrator: the callback page must be served over HTTPS beside the task pane."
      );
    case "dialog_failed":
      return failure(
        "Sign-in window failed",
        `${error ? error.message : "Outlook could not show the sign-in window."} Choose Sign in again; if it repeats, reload the add-in.`
      );
    case "permission_denied":
      return warning(
        "Access not allowed",
        "You chose Deny on Jira's page, so the add-in may not act for you in Jira. Sign in again and choose Allow to use it."
      );
    case "callback_mismatch":
      return failure(
        "Sign-in refused",
        "The sign-in window returned an approval for a sign-in this pane did not start, so the add-in refused it: it could be a forgery. " +
          "Nothing was connected. Choose Sign in again."
      );
    case "callback_wrong_origin":
      return failure(
        "Sign-in refused",
        "The answer in the sign-in window came from a page outside the add-in, so the add-in refused it. Nothing was connected. " +
          "Choose Sign in again; if it repeats, tell the add-in's administrator."
      );
    case "callback_malformed":
      return failure(
        "Sign-in failed",
        "The sign-in window sent back something the add-in could not read. Choose Sign in again; if it repeats, " +
          "the add-in's callback page may be from another version: tell the add-in's administrator."
      );
    case "callback_not_confirmed":
      return failure(
        "Jira won't return to the add-in",
        "Jira did not confirm the add-in's return address (oauth_callback_confirmed), so after Allow it would not send you back. " +
          `Tell the Jira administrator${context.jiraBaseUrl ? ` of ${context.jiraBaseUrl}` : ""}: Jira, or a proxy in front of it, does not support OAuth 1.0a callbacks.`
      );
    case "authorize_start_failed":
      return failure(
        "Couldn't open Jira's sign-in page",
        `${error ? error.message : "The sign-in window could not open Jira's page."} Choose Sign in again; if it repeats, tell the add-in's administrator.`
      );
  }
}

function oauthProblemNotice(problem: OAuthProblem): SessionNotice {
  const described = describeOAuthProblem(problem.code, problem.parameters);
  const notice = (title: string, todo = "", intent: SessionNotice["intent"] = "error") => ({
    code: problem.code,
    intent,
    title,
    message: todo ? `${described} ${todo}` : described,
  });
  switch (problem.code) {
    case "consumer_key_unknown":
      return notice(
        "Add-in not linked to Jira",
        "The application link for this add-in is missing in Jira: ask your Jira administrator to create it " +
          "(Administration › Applications › Application links, with an incoming link)."
      );
    case "signature_invalid":
      return notice(
        "Jira rejected the add-in's key",
        "Ask your Jira administrator to check that the public key on the add-in's application link matches the add-in's private key, " +
          "and the add-in's administrator that its Jira URL is Jira's Base URL."
      );
    case "timestamp_refused":
      return notice("Computer clock is off");
    case "nonce_used":
      return notice("Please try again", "", "warning");
    case "token_rejected":
    case "token_expired":
      return notice("Sign in to Jira again", "", "warning");
    case "permission_unknown":
      return notice("Sign-in not finished", "", "warning");
    case "permission_denied":
      return notice("Access not allowed", "", "warning");
    case "parameter_absent":
    case "parameter_rejected":
    case "signature_method_rejected":
    case "version_rejected":
      return notice(
        "Jira refused the sign-in",
        "Tell the add-in's administrator (and your Jira administrator if a proxy sits in front of Jira)."
      );
    default:
      return notice(
        "Jira refused the sign-in",
        "Try again; if it repeats, tell your Jira administrator what Jira answered."
      );
  }
}

function jiraHttpNotice(error: JiraHttpError, context: NoticeContext): SessionNotice {
  const jira = context.jiraBaseUrl ? `Jira (${context.jiraBaseUrl})` : "Jira";
  switch (error.code) {
    case "relay_not_configured":
      return {
        code: error.code,
        intent: "error",
        title: "Add-in server not set up",
        message:
          "The add-in's server has no Jira to pass requests to. Tell the add-in's administrator to configure its Jira URL.",
      };
    case "jira_unreachable":
      return {
        code: error.code,
        intent: "error",
        title: "Jira unreachable",
        message:
          `The add-in's server could not reach ${jira}${error.relayError ? ` (${error.relayError})` : ""}. ` +
          "Jira may be down or restarting: try again later. If it persists, tell the add-in's administrator.",
      };
    case "sso_login_page":
      return {
        code: error.code,
        intent: "error",
        title: "Blocked by a login gateway",
        message: error.message,
      };
    default:
      if (error.status >= 500) {
        return {
          code: error.code,
          intent: "error",
          title: "Jira had a problem",
          message: `${jira} answered with an error (${error.status}). Try again later; if it persists, Jira's administrator can check its logs.`,
        };
      }
      return {
        code: error.code,
        intent: "error",
        title: "Jira refused the request",
        message: error.message,
      };
  }
}

function officeNotice(code: number, error: unknown, context: NoticeContext): SessionNotice {
  const asSession: Partial<Record<number, SessionErrorCode>> = {
    12004: "dialog_untrusted",
    12005: "dialog_untrusted",
    12006: "dialog_closed",
    12007: "dialog_already_open",
    12009: "dialog_closed",
    12011: "popup_blocked",
  };
  const sessionCode = asSession[code];
  if (sessionCode) {
    return sessionErrorNotice(sessionCode, undefined, context);
  }
  if (code === OFFICE_SETTINGS_FULL) {
    return {
      code: "settings_full",
      intent: "error",
      title: "Mailbox settings full",
      message: `Outlook could not save the add-in's settings: ${officeReason(error)}. Tell the add-in's administrator; until it is solved the add-in can't keep anything in your mailbox.`,
    };
  }
  return {
    code: "office_error",
    intent: "error",
    title: "Outlook reported an error",
    message: `Outlook could not do what the add-in asked (${officeReason(error)}). Try again; if it repeats, reload the add-in.`,
  };
}

/** Office's reason for a failed call, with its code; 9057 explained. */
function officeReason(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (code === OFFICE_SETTINGS_FULL) {
    return "the add-in's 32 KB of mailbox settings are full, error 9057";
  }
  const reason = reasonOf(error);
  return typeof code === "number" ? `${reason}, error ${code}` : reason;
}

function reasonOf(error: unknown): string {
  const text = isErrorLike(error) ? error.message : String(error);
  // A reason is quoted in a sentence: long texts (a stack, a page) are cut.
  const trimmed = text.trim().replace(/[.\s]+$/, "");
  return (trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed) || "no reason given";
}

function revokeLink(jiraBaseUrl: string): { label: string; url: string } {
  return { label: "Revoke the token in Jira", url: revokeTokensUrl(jiraBaseUrl) };
}

function redacted(notice: SessionNotice, context: NoticeContext): SessionNotice {
  const secrets = context.secrets ?? [];
  return {
    ...notice,
    title: redactSecrets(notice.title, secrets),
    message: redactSecrets(notice.message, secrets),
  };
}
