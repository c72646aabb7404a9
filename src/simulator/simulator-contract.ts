/**
 * The seams inside the Jira simulator: the OAuth provider and fault controls (create-jira-simulator.ts,
 * oauth/, faults/) authenticate each request and hand the REST API (rest/, data/) the Jira user it
 * runs as. Kept in one small file so both halves can be read and changed independently.
 */

/** A Jira user of the simulator. Shapes follow Jira's `User` bean (name = username, key = user key). */
export interface SimulatorUser {
  key: string;
  name: string;
  displayName: string;
  emailAddress: string;
  /** Groups the user is in (comment visibility, permissions). */
  groups: string[];
}

/** Jane Doe: the user who is "logged in" on the simulator's authorize page by default. */
export const JANE_DOE: SimulatorUser = {
  key: "jane",
  name: "jane",
  displayName: "Jane Doe",
  emailAddress: "jane.doe@example.com",
  groups: ["jira-users", "jira-servicedesk-users"],
};

/** A second ordinary user (assignee pickers, watchers, reporter of seed issues). */
export const JOHN_SMITH: SimulatorUser = {
  key: "john",
  name: "john",
  displayName: "John Smith",
  emailAddress: "john.smith@example.com",
  groups: ["jira-users", "jira-developers"],
};

/**
 * The user 2-legged OAuth runs as when the switch is on (Jira's "Execute as" user on an incoming
 * link). Dangerous on a real Jira: the admin kit's doctor must detect that this is possible.
 */
export const SERVICE_USER: SimulatorUser = {
  key: "svc-mail",
  name: "svc-mail",
  displayName: "Mail Integration Service",
  emailAddress: "svc-mail@example.com",
  groups: ["jira-users", "jira-administrators"],
};

export const SIMULATOR_USERS: readonly SimulatorUser[] = [JANE_DOE, JOHN_SMITH, SERVICE_USER];

/**
 * Settings shared by every part of the simulator and changeable at run time (CLI flags at start,
 * `/__sim/settings` later). One mutable object, read on every request, so a change applies at once.
 */
export interface SimulatorSettings {
  /** The URL Jira believes it lives at (Jira's "Base URL" setting), no trailing slash. Signatures are verified over it; `self` links use it. */
  baseUrl: string;
  /** Jira's version, as serverInfo reports it, e.g. "9.12.2". Below 8.4 only the old createmeta?expand form exists; from 9.0 only the per-project one. */
  version: string;
  /** Attachment upload limit in bytes (attachment/meta → uploadLimit; 413 above it). Jira's default is 10 MB. */
  uploadLimitBytes: number;
  /** Whether attachments are enabled (attachment/meta → enabled; 403 on upload when off). */
  attachmentsEnabled: boolean;
  /** 2-legged OAuth on the incoming link: signed requests without a token run as {@link SERVICE_USER}. */
  twoLeggedOAuth: boolean;
  /** Seconds the simulator's clock is ahead (+) or behind (−) real time: affects the timestamp check and the Date header. */
  clockSkewSeconds: number;
  /** Added delay before every Jira-surface response, in ms. */
  latencyMs: number;
}

/** The clock every part of the simulator uses (real time + clock skew). Milliseconds since the epoch. */
export type SimulatorClock = () => number;

/**
 * Express `res.locals` set by the OAuth layer before a REST route runs: the user the request runs
 * as, or undefined for an anonymous (unsigned) request.
 */
export interface SimulatorLocals {
  jiraUser: SimulatorUser | undefined;
}
