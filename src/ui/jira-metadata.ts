/**
 * The Jira metadata the New issue form is built from (projects, a project's issue types, the
 * create screen of a project and issue type, the attachment settings), read through
 * `session.withJira` and kept per Jira + user + consumer in a {@link JiraMetadataCache}: a pane
 * reopened by a user who was there before builds the form without asking Jira again.
 *
 * How long an answer is trusted ({@link METADATA_TTL_MS}), and why:
 * - the create screen's fields, 1 hour: what admins change most (a field made required, a version
 *   released, an option added), and what a create fails on when it is out of date;
 * - projects, issue types and attachment settings, 1 day: scheme and system settings that change
 *   rarely. With the fields going stale first, a form opened after an hour costs two requests
 *   (Jira's serverInfo, which the client needs to pick the createmeta form, and the fields).
 * Stale data never lasts unnoticed: "Refresh fields from Jira" forgets the user's entries, and a
 * create Jira refuses for its fields ({@link JiraMetadata.forgetAfterCreateFailure}) drops that
 * screen, which the form then loads again. Failures are never cached. Sign-out forgets the user's
 * entries ({@link forgetMetadataOnSignOut}).
 *
 * Without a cache (unit tests, or no storage at all) every call asks Jira, as before.
 */
import type { JiraClient } from "../jira/create-jira-client";
import type {
  AttachmentMeta,
  CreateMetaField,
  CreateMetaIssueType,
  JiraProject,
} from "../jira/jira-types";
import { metadataNamespace } from "../jira/jira-metadata-cache";
import type { JiraMetadataCache, MetadataOwner } from "../jira/jira-metadata-cache";
import { errorCode } from "./error-code";
import type { JiraSession, SessionState, Unsubscribe } from "./ports";

const HOUR_MS = 60 * 60 * 1000;

/** One thing the form loads from Jira. */
export type MetadataEntry =
  | { kind: "projects" }
  | { kind: "issue-types"; projectKey: string }
  | { kind: "fields"; projectKey: string; issueTypeId: string }
  | { kind: "attachment-meta" };

/** How long an answer of each kind is trusted (see the module comment for why). */
export const METADATA_TTL_MS: Readonly<Record<MetadataEntry["kind"], number>> = {
  projects: 24 * HOUR_MS,
  "issue-types": 24 * HOUR_MS,
  fields: HOUR_MS,
  "attachment-meta": 24 * HOUR_MS,
};

/** What each kind of entry holds. */
export interface MetadataValues {
  projects: JiraProject[];
  "issue-types": CreateMetaIssueType[];
  fields: CreateMetaField[];
  "attachment-meta": AttachmentMeta;
}

/** The metadata of the signed-in user's Jira. Every method may wait for a sign-in (withJira). */
export interface JiraMetadata {
  /** The projects the user can see (only id, key, name, type and archived are kept). */
  projects(): Promise<JiraProject[]>;
  /** The issue types a new issue of the project can have. */
  issueTypes(projectKey: string): Promise<CreateMetaIssueType[]>;
  /** The fields of the create screen of a project and issue type. */
  fields(projectKey: string, issueTypeId: string): Promise<CreateMetaField[]>;
  attachmentMeta(): Promise<AttachmentMeta>;
  /**
   * What is kept for `entry` for the signed-in user, when it is still fresh: no request, no
   * waiting, so a view can render it in its first render. Undefined when nothing fresh is kept
   * (or nobody is signed in, or there is no cache): then load it with the methods above.
   */
  peek<E extends MetadataEntry>(entry: E): MetadataValues[E["kind"]] | undefined;
  /**
   * Changes whenever the entry was forgotten (refresh, sign-out, a failed create): a view keys
   * its load by it, so it loads again. The same string until then.
   */
  revisionOf(entry: MetadataEntry): string;
  /** `listener` runs after every revision change; returns the unsubscribe. */
  subscribe(listener: () => void): Unsubscribe;
  /** "Refresh fields from Jira": forgets the signed-in user's entries; views load them again. */
  refresh(): void;
  /**
   * After a create Jira refused with field errors (code `jira_validation`): the screen of
   * `projectKey` + `issueTypeId` may have changed (a field made required, removed, an option
   * gone), so it is forgotten and loaded again; an error naming `project` also drops the
   * projects, one naming `issuetype` the project's issue types. Each error counts once (a form
   * shown again for the same failure asks nothing). True when something was forgotten.
   */
  forgetAfterCreateFailure(
    error: unknown,
    screen: { projectKey: string; issueTypeId: string }
  ): boolean;
  /** Forgets everything of `owner` (its user signed out). */
  forgetOwner(owner: MetadataOwner): void;
}

/** What makes {@link createJiraMetadata} keep answers. */
export interface MetadataCaching {
  cache: JiraMetadataCache;
  /**
   * Whose entries the current call reads and writes: the signed-in Jira, user and consumer;
   * undefined (nobody signed in) asks Jira without caching. Read inside `withJira`, where the
   * session's state belongs to the client the operation got.
   */
  owner(): MetadataOwner | undefined;
}

/** The metadata through `session.withJira`; with `caching`, answers are kept as said above. */
export function createJiraMetadata(
  session: Pick<JiraSession, "withJira">,
  caching?: MetadataCaching
): JiraMetadata {
  const listeners = new Set<() => void>();
  // Requests running per namespace + entry: two views asking at once share one request.
  const inFlight = new Map<string, Promise<unknown>>();
  // Bumped by refresh and forgetOwner (every entry), per entry by forgetAfterCreateFailure.
  let generation = 0;
  const bumps = new Map<string, number>();
  const handledFailures = new WeakSet<object>();

  function changed(): void {
    for (const listener of [...listeners]) listener();
  }

  function forget(namespace: string | undefined, entries: MetadataEntry[]): void {
    for (const entry of entries) {
      const name = entryName(entry);
      bumps.set(name, (bumps.get(name) ?? 0) + 1);
      if (namespace !== undefined) {
        caching?.cache.remove(namespace, name);
        inFlight.delete(`${namespace}|${name}`);
      }
    }
    changed();
  }

  function forgetAll(namespace: string | undefined): void {
    generation++;
    if (namespace !== undefined) {
      caching?.cache.clear(namespace);
      for (const key of [...inFlight.keys()]) {
        if (key.startsWith(`${namespace}|`)) inFlight.delete(key);
      }
    }
    changed();
  }

  function currentNamespace(): string | undefined {
    const owner = caching?.owner();
    return owner ? metadataNamespace(owner) : undefined;
  }

  function load<T>(entry: MetadataEntry, ask: (client: JiraClient) => Promise<T>): Promise<T> {
    return session.withJira((client) => {
      const namespace = currentNamespace();
      if (!caching || namespace === undefined) return ask(client);
      const name = entryName(entry);
      const cached = caching.cache.read<T>(namespace, name);
      if (cached !== undefined) return Promise.resolve(cached);
      const flightKey = `${namespace}|${name}`;
      const running = inFlight.get(flightKey);
      if (running) return running as Promise<T>;
      const request = ask(client).then((value) => {
        // Forgotten while it ran (refresh, sign-out): the answer serves this call, and is not kept.
        if (inFlight.get(flightKey) === request) {
          caching.cache.write(namespace, name, value, METADATA_TTL_MS[entry.kind]);
        }
        return value;
      });
      inFlight.set(flightKey, request);
      const settled = () => {
        if (inFlight.get(flightKey) === request) inFlight.delete(flightKey);
      };
      request.then(settled, settled);
      return request;
    });
  }

  return {
    projects: () =>
      load({ kind: "projects" }, async (client) =>
        (await client.projects()).map(projectEssentials)
      ),
    issueTypes: (projectKey) =>
      load({ kind: "issue-types", projectKey }, (client) =>
        client.createMetaIssueTypes(projectKey)
      ),
    fields: (projectKey, issueTypeId) =>
      load({ kind: "fields", projectKey, issueTypeId }, (client) =>
        client.createMetaFields(projectKey, issueTypeId)
      ),
    attachmentMeta: () => load({ kind: "attachment-meta" }, (client) => client.attachmentMeta()),

    peek<E extends MetadataEntry>(entry: E) {
      const namespace = currentNamespace();
      if (!caching || namespace === undefined) return undefined;
      return caching.cache.read<MetadataValues[E["kind"]]>(namespace, entryName(entry));
    },

    revisionOf: (entry) => `${generation}.${bumps.get(entryName(entry)) ?? 0}`,

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    refresh: () => forgetAll(currentNamespace()),

    forgetAfterCreateFailure(error, { projectKey, issueTypeId }) {
      if (errorCode(error) !== "jira_validation" || typeof error !== "object" || error === null) {
        return false;
      }
      if (handledFailures.has(error)) return false;
      handledFailures.add(error);
      const named = Object.keys((error as { errors?: Record<string, string> }).errors ?? {});
      if (named.length === 0 || !projectKey) return false;
      const entries: MetadataEntry[] = [];
      if (issueTypeId) entries.push({ kind: "fields", projectKey, issueTypeId });
      if (named.includes("project")) entries.push({ kind: "projects" });
      if (named.includes("issuetype")) entries.push({ kind: "issue-types", projectKey });
      if (entries.length === 0) return false;
      forget(currentNamespace(), entries);
      return true;
    },

    forgetOwner: (owner) => forgetAll(metadataNamespace(owner)),
  };
}

/** The cache's owner in a session state: the signed-in (or interrupted) user's; else undefined. */
export function ownerOfSession(
  state: SessionState,
  consumerKey: string | undefined
): MetadataOwner | undefined {
  if (consumerKey === undefined || !("account" in state) || !state.account) return undefined;
  const userKey = state.account.key || state.account.name;
  if (!userKey) return undefined;
  return { jiraBaseUrl: state.jiraBaseUrl, userKey, consumerKey };
}

/**
 * Forgets the user's metadata when they sign out (a shared computer: the next user starts from
 * Jira). Another user signing in after a connection ended needs nothing: their entries are
 * another namespace. Returns the unsubscribe.
 */
export function forgetMetadataOnSignOut(
  session: Pick<JiraSession, "getState" | "subscribe">,
  metadata: Pick<JiraMetadata, "forgetOwner">,
  consumerKey: () => string | undefined
): Unsubscribe {
  let last = ownerOfSession(session.getState(), consumerKey());
  return session.subscribe(() => {
    const state = session.getState();
    if (state.status === "signed_out") {
      if (last) metadata.forgetOwner(last);
      last = undefined;
      return;
    }
    last = ownerOfSession(state, consumerKey()) ?? last;
  });
}

/** An entry's name in the cache, its parts URI-encoded (a project key is data from Jira). */
function entryName(entry: MetadataEntry): string {
  switch (entry.kind) {
    case "projects":
    case "attachment-meta":
      return entry.kind;
    case "issue-types":
      return `issue-types/${encodeURIComponent(entry.projectKey)}`;
    case "fields":
      return `fields/${encodeURIComponent(entry.projectKey)}/${encodeURIComponent(entry.issueTypeId)}`;
  }
}

/** A project without what the pane never shows (avatars, self, issue types): Jira may list thousands. */
function projectEssentials(project: JiraProject): JiraProject {
  return {
    id: project.id,
    key: project.key,
    name: project.name,
    ...(project.projectTypeKey === undefined ? {} : { projectTypeKey: project.projectTypeKey }),
    ...(project.archived === undefined ? {} : { archived: project.archived }),
  };
}
