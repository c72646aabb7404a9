/**
 * The doctor's checks against Jira itself, each run with the add-in's own client and signer:
 * Jira reachable (serverInfo), the clock, the consumer key (a signed request token), and that
 * 2-legged OAuth is off (a signed request without a token must not act as anyone).
 */
import type { JiraUser, ServerInfo } from "../jira/jira-types";
import { JiraHttpError, OAuthProblem } from "../jira/jira-errors";
import type { CheckResult } from "./check-result";
import type { JiraConnection } from "./jira-connection";
import { explainJiraFailure } from "./link-explanations";
import type { LinkContext } from "./link-explanations";

/** Jira refuses OAuth timestamps more than this far from its clock (facts: ±5 minutes). */
export const TIMESTAMP_WINDOW_SECONDS = 300;
/**
 * Above this the clock check warns. The Date header has whole seconds and the request takes
 * time, so a few seconds mean nothing; a minute means a clock that isn't synchronised and drifts
 * toward the 5-minute limit.
 */
export const CLOCK_WARN_SECONDS = 60;

/** The outcome of {@link checkJiraReachable}, with what later checks need. */
export interface ReachableOutcome {
  result: CheckResult;
  /** Jira's serverInfo when it answered. */
  serverInfo?: ServerInfo;
  /** Jira's clock minus ours, seconds, when it could be told. */
  clockOffsetSeconds?: number;
  /** Where the clock was read: `serverTime` (Jira's own) or the `Date` header. */
  clockSource?: string;
}

/** GET serverInfo: Jira answers, which version, and what its clock says. */
export async function checkJiraReachable(
  connection: JiraConnection,
  context: LinkContext
): Promise<ReachableOutcome> {
  const url = `${context.jiraUrl}/rest/api/2/serverInfo`;
  let serverInfo: ServerInfo;
  try {
    serverInfo = await connection.client.serverInfo();
  } catch (error) {
    const { problem, fix } = explainJiraFailure(error, context, url);
    return { result: { id: "jira", name: "Jira", status: "fail", detail: problem, fix } };
  }
  const exchange = connection.lastExchange();
  const clock = exchange && jiraClock(serverInfo, exchange);
  const version = serverInfo.version ? `Jira ${serverInfo.version}` : "Jira (no version given)";
  const title = serverInfo.serverTitle ? ` "${serverInfo.serverTitle}"` : "";
  const baseUrl = serverInfo.baseUrl?.replace(/\/+$/, "");
  const result: CheckResult =
    baseUrl && baseUrl !== context.jiraUrl
      ? {
          id: "jira",
          name: "Jira",
          status: "warn",
          detail: `${version}${title} answers, but its Base URL setting is ${baseUrl}, not ${context.jiraUrl}`,
          fix:
            "the add-in signs over the URL you give: use Jira's Base URL, or correct the Base URL in " +
            "Administration › System if it is wrong (signature_invalid follows from a mismatch)",
        }
      : {
          id: "jira",
          name: "Jira",
          status: "ok",
          detail: `${version}${title} at ${context.jiraUrl}`,
        };
  return {
    result,
    serverInfo,
    ...(clock ? { clockOffsetSeconds: clock.offsetSeconds, clockSource: clock.source } : {}),
  };
}

/**
 * Jira's clock minus ours. serverInfo's `serverTime` is Jira's own clock (a proxy may replace the
 * `Date` header with its own); `Date` is the fallback. Measured against the middle of the request.
 */
function jiraClock(
  serverInfo: ServerInfo,
  exchange: { sentAt: number; answeredAt: number; response?: { headers: Headers } }
): { offsetSeconds: number; source: string } | undefined {
  const localMs = (exchange.sentAt + exchange.answeredAt) / 2;
  const serverTime = serverInfo.serverTime
    ? Date.parse(serverInfo.serverTime.replace(/([+-]\d\d)(\d\d)$/, "$1:$2"))
    : Number.NaN;
  if (!Number.isNaN(serverTime)) {
    return { offsetSeconds: Math.round((serverTime - localMs) / 1000), source: "serverTime" };
  }
  const date = exchange.response?.headers.get("date");
  const dateMs = date ? Date.parse(date) : Number.NaN;
  if (!Number.isNaN(dateMs)) {
    return { offsetSeconds: Math.round((dateMs - localMs) / 1000), source: "Date header" };
  }
  return undefined;
}

/** The clock check from the offset measured by {@link checkJiraReachable}. */
export function clockCheck(outcome: ReachableOutcome): CheckResult {
  const name = "clock";
  if (!outcome.serverInfo) {
    return { id: "clock", name, status: "skip", detail: "not checked: Jira did not answer" };
  }
  if (outcome.clockOffsetSeconds === undefined) {
    return {
      id: "clock",
      name,
      status: "warn",
      detail: "Jira's answer had neither serverTime nor a Date header to compare clocks with",
      fix: "make sure Jira's server keeps time with NTP",
    };
  }
  const offset = outcome.clockOffsetSeconds;
  const direction = offset > 0 ? "ahead of" : "behind";
  const measured =
    Math.abs(offset) <= 1
      ? `Jira's clock (${outcome.clockSource}) agrees with this computer's (within 1 s)`
      : `Jira's clock (${outcome.clockSource}) is ${Math.abs(offset)} s ${direction} this computer's`;
  if (Math.abs(offset) > TIMESTAMP_WINDOW_SECONDS) {
    return {
      id: "clock",
      name,
      status: "fail",
      detail: `${measured}; Jira refuses OAuth timestamps more than 5 minutes off (timestamp_refused)`,
      fix:
        "set the right time on Jira's server and on this computer (NTP). The add-in corrects its clock after " +
        "one refused request, but every computer whose clock is right will be refused first",
    };
  }
  if (Math.abs(offset) > CLOCK_WARN_SECONDS) {
    return {
      id: "clock",
      name,
      status: "warn",
      detail: `${measured}; within Jira's 5-minute limit, but clocks this far apart drift out of it`,
      fix: "synchronise Jira's server and this computer with NTP",
    };
  }
  return { id: "clock", name, status: "ok", detail: `${measured} (Jira allows 5 minutes)` };
}

/** A signed POST request-token with `oauth_callback=oob`: the link knows the consumer and its key. */
export async function checkConsumer(
  connection: JiraConnection,
  context: LinkContext
): Promise<CheckResult> {
  const name = "consumer key";
  const url = `${context.jiraUrl}/plugins/servlet/oauth/request-token`;
  try {
    const token = await connection.client.getRequestToken("oob");
    const corrected = connection.signer.getClockOffsetSeconds();
    const note =
      corrected === 0
        ? ""
        : ` (after one timestamp_refused, signed again with Jira's clock, ${corrected} s off, as the add-in does)`;
    return {
      id: "consumer",
      name,
      status: "ok",
      detail:
        `Jira accepted a request signed with "${context.consumerKey}" and its private key and issued a request token` +
        (token.callbackConfirmed ? "" : " (without oauth_callback_confirmed)") +
        note,
    };
  } catch (error) {
    const { problem, fix } = explainJiraFailure(error, context, url);
    return { id: "consumer", name, status: "fail", detail: problem, fix };
  }
}

/**
 * A signed request WITHOUT a token to /rest/api/2/myself. With 2-legged OAuth on the link, Jira
 * runs it as the link's "execute as" user (or anyone, with impersonation): anyone holding the
 * add-in's key, which every pane has, could then act in Jira without a user's approval.
 */
export async function checkTwoLeggedOff(
  connection: JiraConnection,
  context: LinkContext
): Promise<CheckResult> {
  const name = "2-legged OAuth";
  let user: JiraUser | undefined;
  try {
    user = await connection.client.request<JiraUser>({
      method: "GET",
      path: "/rest/api/2/myself",
      token: null,
    });
  } catch (error) {
    if (
      error instanceof OAuthProblem &&
      ["consumer_key_unknown", "signature_invalid", "signature_method_rejected"].includes(
        error.code
      )
    ) {
      return {
        id: "two-legged",
        name,
        status: "skip",
        detail: `not checked: Jira refused the consumer key itself (${error.code})`,
      };
    }
    if (
      error instanceof OAuthProblem ||
      (error instanceof JiraHttpError && [401, 403].includes(error.status))
    ) {
      const answer =
        error instanceof OAuthProblem ? `oauth_problem=${error.code}` : `HTTP ${error.status}`;
      return {
        id: "two-legged",
        name,
        status: "ok",
        detail: `off: Jira refused a signed request without a user's token (${answer})`,
      };
    }
    const { problem, fix } = explainJiraFailure(
      error,
      context,
      `${context.jiraUrl}/rest/api/2/myself`
    );
    return {
      id: "two-legged",
      name,
      status: "fail",
      detail: `could not tell whether it is off: ${problem}`,
      fix,
    };
  }
  const who = user?.displayName
    ? `${user.displayName} (${user.name})`
    : (user?.name ?? "a Jira user");
  return {
    id: "two-legged",
    name,
    status: "fail",
    detail:
      `2-legged OAuth (Allow 2-Legged OAuth / 'Allow user impersonation') is ON for this link: anyone holding ` +
      `the add-in's bundled key could act in Jira as ${who}`,
    fix: "Turn it off in the incoming link's settings.",
  };
}
