/**
 * What the pane tells the user about the Jira session: one {@link SessionNotice} per case, with a
 * short title and plain text saying what happened and what to do (and who: the user, the Jira
 * administrator, or the add-in's administrator), in the pane's language (the "notices" strings).
 * Every text that quotes an error or a reason passes through the redactor (the fixed texts of
 * sign-out and of an expired stored token hold none): a notice is shown, copied into support
 * tickets and logged, and must never carry a token.
 */
import { ConfigError } from "../config/config-error";
import { formatDateTime, formatFileSize, formatList } from "../i18n/format";
import { t } from "../i18n/translate";
import {
  JiraHttpError,
  JiraNetworkError,
  OAuthProblem,
  isNotJiraAnswer,
  isRelayTimeout,
} from "../jira/jira-errors";
import { isErrorLike, redactSecrets } from "../oauth/redact";
import { errorText } from "./error-text";
import { EXPENDABLE_SETTINGS, SettingsTooLargeError, isSignInSetting } from "./settings-budget";
import { TOKEN_SETTING_PREFIX } from "./token-store";
import type { SettingWeight } from "./settings-budget";
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
    title: t("notices.signedOutTitle"),
    message: t("notices.signedOutMessage"),
    link: revokeLink(jiraBaseUrl),
  };
}

/**
 * Outlook could not save the roaming settings after a sign-in (`token_not_saved`) or a sign-out
 * (`sign_out_not_saved`): offers "Try again" (`JiraSession.retrySave`). A save the settings budget
 * refused (over Outlook's 32 KB) names what takes the room.
 */
export function saveFailedNotice(
  error: unknown,
  after: "sign_in" | "sign_out",
  context: NoticeContext = {}
): SessionNotice {
  if (after === "sign_in") {
    return redacted(
      {
        code: "token_not_saved",
        intent: "warning",
        title: t("notices.tokenNotSavedTitle"),
        message:
          error instanceof SettingsTooLargeError
            ? t("notices.tokenTooLargeMessage", { largest: largestText(error.largest) })
            : t("notices.tokenNotSavedMessage", { reason: officeReason(error) }),
        canRetrySave: true,
      },
      context
    );
  }
  return redacted(
    {
      code: "sign_out_not_saved",
      intent: "warning",
      title: t("notices.signOutNotSavedTitle"),
      message: t("notices.signOutNotSavedMessage", { reason: officeReason(error) }),
      canRetrySave: true,
      ...(context.jiraBaseUrl ? { link: revokeLink(context.jiraBaseUrl) } : {}),
    },
    context
  );
}

/** Jira stopped accepting the token during work (`connection_ended`): the work waits for a new sign-in. */
export function connectionEndedNotice(error: unknown, context: NoticeContext = {}): SessionNotice {
  const expired = (error as { code?: unknown } | undefined)?.code === "token_expired";
  return redacted(
    {
      code: "connection_ended",
      intent: "warning",
      title: t("notices.connectionEndedTitle"),
      // The banner showing it adds that the typed work is kept and continues after the sign-in.
      message: expired ? t("notices.connectionEndedExpired") : t("notices.connectionEndedRefused"),
    },
    context
  );
}

/**
 * After the connection ended, someone else signed in (`signed_in_as_other_user`): the interrupted
 * work was handed back rather than continued as a different Jira user.
 */
export function otherUserNotice(previous: JiraAccount, current: JiraAccount): SessionNotice {
  return {
    code: "signed_in_as_other_user",
    intent: "warning",
    title: t("notices.otherUserTitle"),
    message: t("notices.otherUserMessage", {
      current: accountName(current),
      previous: accountName(previous),
    }),
  };
}

/** The text of the SessionError that hands waiting work back when another Jira user signed in. */
export function otherUserSignedInText(previous: JiraAccount, current: JiraAccount): string {
  return t("notices.otherUserHandedBack", {
    current: accountName(current),
    previous: accountName(previous),
  });
}

/** At start: the stored token's `expiresAt` has passed (`token_expired_stored`). */
export function storedTokenExpiredNotice(expiresAt: string): SessionNotice {
  const date = new Date(expiresAt);
  return {
    code: "token_expired_stored",
    intent: "info",
    title: t("notices.storedTokenExpiredTitle"),
    message: t("notices.storedTokenExpiredMessage", {
      date: Number.isNaN(date.getTime())
        ? expiresAt.slice(0, 10)
        : // The day as Jira counts it (UTC), in the user's language: an expiry has no time of day that matters.
          formatDateTime(date, { dateStyle: "medium", timeZone: "UTC" }),
    }),
  };
}

/** "A name" for an account: its display name, else its username. */
function accountName(account: JiraAccount): string {
  return account.displayName || account.name;
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
      title: t("notices.noConnectionTitle"),
      message: t("notices.noConnectionMessage"),
    };
  }
  if (error instanceof ConfigError) {
    return {
      code: error.code,
      intent: "error",
      title: t("notices.notSetUpTitle"),
      message: t("notices.notSetUpMessage", { problem: errorText(error) }),
    };
  }
  if (error instanceof SettingsTooLargeError) {
    return {
      code: error.code,
      intent: "error",
      title: t("notices.settingsFullTitle"),
      message: t("notices.settingsTooLargeMessage", { largest: largestText(error.largest) }),
    };
  }
  const officeCode = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof officeCode === "number") {
    return officeNotice(officeCode, error, context);
  }
  return {
    code: "unexpected_error",
    intent: "error",
    title: t("notices.unexpectedTitle"),
    message: t("notices.unexpectedMessage", { reason: reasonOf(error) }),
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
  // The SessionError's own text where it carries details (a reason from Office, the callback page).
  const detail = (fallback: string) => (error ? sentence(errorText(error)) : fallback);
  switch (code) {
    case "sign_in_required":
      return warning(t("notices.signInRequiredTitle"), t("notices.signInRequiredMessage"));
    case "other_user_signed_in":
      return warning(
        t("notices.otherUserTitle"),
        error ? errorText(error) : t("notices.otherUserFallback")
      );
    case "dialog_already_open":
      return warning(t("notices.dialogAlreadyOpenTitle"), t("notices.dialogAlreadyOpenMessage"));
    case "dialog_closed":
      return warning(t("notices.dialogClosedTitle"), t("notices.dialogClosedMessage"));
    case "popup_blocked":
      return failure(t("notices.popupBlockedTitle"), t("notices.popupBlockedMessage"));
    case "dialog_untrusted":
      return failure(t("notices.dialogUntrustedTitle"), t("notices.dialogUntrustedMessage"));
    case "dialog_failed":
      return failure(
        t("notices.dialogFailedTitle"),
        t("notices.dialogFailedMessage", {
          reason: detail(t("notices.dialogFailedFallback")),
        })
      );
    case "permission_denied":
      return warning(t("notices.permissionDeniedTitle"), t("notices.permissionDeniedMessage"));
    case "callback_mismatch":
      return failure(t("notices.callbackRefusedTitle"), t("notices.callbackMismatchMessage"));
    case "callback_wrong_origin":
      return failure(t("notices.callbackRefusedTitle"), t("notices.callbackWrongOriginMessage"));
    case "callback_malformed":
      return failure(t("notices.callbackMalformedTitle"), t("notices.callbackMalformedMessage"));
    case "callback_not_confirmed":
      return failure(
        t("notices.callbackNotConfirmedTitle"),
        context.jiraBaseUrl
          ? t("notices.callbackNotConfirmedMessageAt", { url: context.jiraBaseUrl })
          : t("notices.callbackNotConfirmedMessage")
      );
    case "authorize_start_failed":
      return failure(
        t("notices.authorizeStartFailedTitle"),
        t("notices.authorizeStartFailedMessage", {
          reason: detail(t("notices.authorizeStartFailedFallback")),
        })
      );
  }
}

function oauthProblemNotice(problem: OAuthProblem): SessionNotice {
  const described = errorText(problem);
  const notice = (title: string, todo = "", intent: SessionNotice["intent"] = "error") => ({
    code: problem.code,
    intent,
    title,
    message: todo ? `${described} ${todo}` : described,
  });
  switch (problem.code) {
    case "consumer_key_unknown":
      return notice(t("notices.consumerKeyUnknownTitle"), t("notices.consumerKeyUnknownTodo"));
    case "signature_invalid":
      return notice(t("notices.signatureInvalidTitle"), t("notices.signatureInvalidTodo"));
    case "timestamp_refused":
      return notice(t("notices.timestampRefusedTitle"));
    case "nonce_used":
      return notice(t("notices.nonceUsedTitle"), "", "warning");
    case "token_rejected":
    case "token_expired":
      return notice(t("notices.signInAgainTitle"), "", "warning");
    case "permission_unknown":
      return notice(t("notices.permissionUnknownTitle"), "", "warning");
    case "permission_denied":
      return notice(t("notices.permissionDeniedTitle"), "", "warning");
    case "parameter_absent":
    case "parameter_rejected":
    case "signature_method_rejected":
    case "version_rejected":
      return notice(t("notices.oauthRefusedTitle"), t("notices.oauthParametersTodo"));
    default:
      return notice(t("notices.oauthRefusedTitle"), t("notices.oauthOtherTodo"));
  }
}

function jiraHttpNotice(error: JiraHttpError, context: NoticeContext): SessionNotice {
  const jira = context.jiraBaseUrl
    ? t("notices.jiraAt", { url: context.jiraBaseUrl })
    : t("notices.jira");
  const detail = error.relayError ? ` (${error.relayError})` : "";
  const notice = (title: string, message: string): SessionNotice => ({
    code: error.code,
    intent: "error",
    title,
    message,
  });
  if (isRelayTimeout(error)) {
    // The relay's 504 keeps the gateway's code (an uncertain failure for the create-once logic).
    return {
      ...notice(t("notices.jiraTimeoutTitle"), t("notices.jiraTimeoutMessage", { jira, detail })),
      code: "jira_timeout",
    };
  }
  switch (error.code) {
    case "relay_not_configured":
      return notice(t("notices.relayNotConfiguredTitle"), t("notices.relayNotConfiguredMessage"));
    case "jira_unreachable":
      return notice(
        t("notices.jiraUnreachableTitle"),
        t("notices.jiraUnreachableMessage", { jira, detail })
      );
    case "jira_host_not_found":
      return notice(
        t("notices.jiraHostNotFoundTitle"),
        t("notices.jiraHostNotFoundMessage", { jira, detail })
      );
    case "jira_tls_error":
      return notice(
        t("notices.jiraTlsErrorTitle"),
        t("notices.jiraTlsErrorMessage", { jira, detail })
      );
    case "sso_login_page":
      return notice(t("notices.ssoLoginPageTitle"), t("notices.ssoLoginPageMessage", { jira }));
    case "jira_redirect":
      return notice(t("notices.jiraRedirectTitle"), t("notices.jiraRedirectMessage", { jira }));
    case "unexpected_html":
    case "invalid_response":
      return notice(
        t("notices.unreadableAnswerTitle"),
        t("notices.unreadableAnswerMessage", { jira })
      );
    default:
      if (isNotJiraAnswer(error)) {
        return {
          ...notice(
            t("notices.notJiraTitle"),
            t("notices.notJiraMessage", { jira, status: String(error.status) })
          ),
          code: "not_jira",
        };
      }
      if (error.status >= 500) {
        return notice(
          t("notices.jiraProblemTitle"),
          t("notices.jiraProblemMessage", { jira, status: String(error.status) })
        );
      }
      return notice(t("notices.jiraRefusedTitle"), errorText(error));
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
      title: t("notices.settingsFullTitle"),
      message: t("notices.settingsFullMessage", { reason: officeReason(error) }),
    };
  }
  return {
    code: "office_error",
    intent: "error",
    title: t("notices.officeErrorTitle"),
    message: t("notices.officeErrorMessage", { reason: officeReason(error) }),
  };
}

/** Office's reason for a failed call, with its code; 9057 explained. */
function officeReason(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (code === OFFICE_SETTINGS_FULL) {
    return t("notices.settingsFullReason");
  }
  const reason = reasonOf(error);
  // The code as Office gives it (9019), not formatted as a number ("9,019").
  return typeof code === "number"
    ? t("notices.reasonWithCode", { reason, code: String(code) })
    : reason;
}

function reasonOf(error: unknown): string {
  const text =
    isErrorLike(error) || (typeof error === "object" && error !== null)
      ? errorText(error)
      : String(error);
  // A reason is quoted in a sentence: long texts (a stack, a page) are cut.
  const trimmed = text.trim().replace(/[.\s]+$/, "");
  return (trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed) || t("notices.noReason");
}

/** A text ending in one full stop, so the advice that follows starts a new sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** The entries that take the most room, in words a user (or their administrator) can act on. */
function largestText(largest: readonly SettingWeight[]): string {
  return formatList(
    largest.map((entry) => {
      const size = formatFileSize(entry.chars);
      if (isSignInSetting(entry.name)) {
        const where = entry.name.slice(TOKEN_SETTING_PREFIX.length).split(" ")[0] ?? "";
        return t("notices.settingSignIn", { url: where, size });
      }
      if (EXPENDABLE_SETTINGS.includes(entry.name)) {
        return t("notices.settingMemory", { size });
      }
      return t("notices.settingOther", { name: entry.name.slice(0, 80), size });
    })
  );
}

function revokeLink(jiraBaseUrl: string): { label: string; url: string } {
  return { label: t("notices.revokeLink"), url: revokeTokensUrl(jiraBaseUrl) };
}

function redacted(notice: SessionNotice, context: NoticeContext): SessionNotice {
  const secrets = context.secrets ?? [];
  return {
    ...notice,
    title: redactSecrets(notice.title, secrets),
    message: redactSecrets(notice.message, secrets),
  };
}
