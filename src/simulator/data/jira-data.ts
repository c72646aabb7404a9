/**
 * The simulator's Jira data: the static catalog plus the mutable issues, comments, attachments,
 * issue properties, remote links and issue history, with the operations the REST routes need.
 * Every read takes the acting user and applies Jira's permissions (hidden projects and issues
 * simply do not exist for that user). `reset()` returns to the seed; `snapshot()` dumps the state
 * as JSON for `/__sim/state`.
 */
import { createHash } from "node:crypto";
import type { SimulatorClock, SimulatorSettings, SimulatorUser } from "../simulator-contract";
import { CATALOG, STATUS_IDS } from "./catalog";
import type { JiraCatalog } from "./catalog";
import { validateComment } from "./comments";
import { validateCreateIssue } from "./issue-create";
import { PICKER_SECTION_LIMIT, pickerMatches } from "./issue-picker";
import { compileJql } from "./jql/evaluate";
import { parseJql } from "./jql/parser";
import { canBrowse, canSeeComment, isInRole } from "./permissions";
import { createSeedState } from "./seed";
import type {
  AttachmentRecord,
  CommentRecord,
  IssueRecord,
  JiraState,
  ProjectDef,
  RemoteLinkRecord,
} from "./types";

/** Issues kept in a user's history (Jira's default for jira.max.issue.history.items is 50). */
export const HISTORY_LIMIT = 50;

export type CreateIssueResult =
  | { ok: true; issue: IssueRecord }
  | { ok: false; errorMessages: string[]; errors: Record<string, string> };

export type AddCommentResult =
  | { ok: true; comment: CommentRecord }
  | { ok: false; errorMessages: string[]; errors: Record<string, string> };

/** A comment and the issue it is on. */
export interface FoundComment {
  issue: IssueRecord;
  comment: CommentRecord;
}

/** One picker section's issues: at most {@link PICKER_SECTION_LIMIT}, and how many matched in all. */
export interface PickerSectionData {
  issues: IssueRecord[];
  total: number;
}

/** A remote link as sent in `RemoteIssueLinkCreateOrUpdateRequest` (already validated). */
export type RemoteLinkInput = Omit<RemoteLinkRecord, "id">;

/** The data behind the simulator's REST API. */
export interface JiraData {
  /** Back to the seed data (fresh ids, times relative to the clock now). */
  reset(): void;
  /**
   * A JSON-able dump of the mutable state, for `/__sim/state`: attachments with their issue's key
   * and the SHA-256 (hex) of their content instead of the content.
   */
  snapshot(): unknown;
  readonly catalog: JiraCatalog;
  /** The simulator clock (ms since the epoch). */
  now(): number;

  visibleProjects(user: SimulatorUser | undefined): ProjectDef[];
  /** A project `user` may browse, by id or key; undefined if unknown or hidden. */
  findProject(user: SimulatorUser | undefined, idOrKey: string): ProjectDef | undefined;
  /** An issue `user` may see, by id or key (key case-insensitive); undefined if unknown or hidden. */
  findIssue(user: SimulatorUser | undefined, idOrKey: string): IssueRecord | undefined;

  /** Validates and creates an issue reported by `user`. */
  createIssue(user: SimulatorUser, body: unknown): CreateIssueResult;

  /** Comments of `issue` that `user` may read, oldest first. */
  visibleComments(user: SimulatorUser | undefined, issue: IssueRecord): CommentRecord[];
  /** Validates and adds a comment (with the body's `properties`) by `user`. */
  addComment(user: SimulatorUser, issue: IssueRecord, body: unknown): AddCommentResult;
  /** A comment `user` may read (on an issue they see, within its visibility), by id. */
  findComment(user: SimulatorUser | undefined, commentId: string): FoundComment | undefined;
  /** Whether `user` may edit the comment: its author, or an Administrator of its project. */
  canEditComment(user: SimulatorUser, found: FoundComment): boolean;

  addAttachment(
    user: SimulatorUser,
    issue: IssueRecord,
    file: { filename: string; mimeType: string; content: Buffer }
  ): AttachmentRecord;
  attachmentsOf(issue: IssueRecord): AttachmentRecord[];
  /** An attachment on an issue `user` may see. */
  findAttachment(user: SimulatorUser | undefined, id: string): AttachmentRecord | undefined;

  /** Issues matching `jql` that `user` may see, sorted. Throws JqlError (a 400). */
  search(
    user: SimulatorUser | undefined,
    jql: string | undefined,
    options?: { validateQuery?: boolean }
  ): { issues: IssueRecord[]; warnings: string[] };

  /** Adds `issue` to the top of `user`'s issue history (Jira: `GET issue/{key}?updateHistory=true`). */
  recordView(user: SimulatorUser, issue: IssueRecord): void;
  /** `user`'s issue history, most recent first, only issues they can still see. */
  history(user: SimulatorUser | undefined): IssueRecord[];
  /** The picker's "History Search" and "Current Search" sections. Throws JqlError for a bad currentJQL. */
  pickIssues(
    user: SimulatorUser | undefined,
    query: string,
    currentJql: string | undefined
  ): { history: PickerSectionData; current: PickerSectionData };

  /** Sets an issue property; true if it was created, false if updated. */
  setProperty(issue: IssueRecord, key: string, value: unknown): boolean;
  /** Sets a comment property; true if it was created, false if updated. */
  setCommentProperty(comment: CommentRecord, key: string, value: unknown): boolean;

  /** Creates a remote link, or updates the one with the same globalId. */
  upsertRemoteLink(
    issue: IssueRecord,
    link: RemoteLinkInput
  ): { link: RemoteLinkRecord; created: boolean };
}

/** Options of {@link createJiraData}. */
export interface JiraDataOptions {
  clock: SimulatorClock;
  /** The live settings. The data does not depend on them today (URLs and limits are the REST layer's). */
  settings: SimulatorSettings;
}

/** Creates the simulator's data, seeded. */
export function createJiraData(options: JiraDataOptions): JiraData {
  const { clock } = options;
  let state: JiraState = createSeedState(clock());

  const findIssueAnyone = (idOrKey: string) =>
    state.issues.find((issue) => issue.id === idOrKey) ??
    state.issues.find((issue) => issue.key.toUpperCase() === idOrKey.toUpperCase());

  const canSeeIssue = (user: SimulatorUser | undefined, issue: IssueRecord) =>
    canBrowse(user, CATALOG.projectById(issue.projectId));

  const visibleComments = (user: SimulatorUser | undefined, issue: IssueRecord) => {
    const project = CATALOG.projectById(issue.projectId);
    return issue.comments.filter((comment) => canSeeComment(user, project, comment.visibility));
  };

  const search: JiraData["search"] = (user, jql, searchOptions = {}) => {
    const compiled = compileJql(parseJql(jql), {
      user,
      now: clock(),
      issues: state.issues,
      canSee: (issue) => canSeeIssue(user, issue),
      visibleCommentBodies: (issue) => visibleComments(user, issue).map((comment) => comment.body),
      validateQuery: searchOptions.validateQuery ?? true,
    });
    return {
      issues: state.issues.filter(compiled.matches).sort(compiled.compare),
      warnings: compiled.warnings,
    };
  };

  const history = (user: SimulatorUser | undefined) =>
    (user ? (state.history.get(user.key) ?? []) : [])
      .map((id) => state.issues.find((issue) => issue.id === id))
      .filter((issue): issue is IssueRecord => issue !== undefined && canSeeIssue(user, issue));

  return {
    catalog: CATALOG,
    now: clock,

    reset() {
      state = createSeedState(clock());
    },

    snapshot() {
      return {
        issues: state.issues.map((issue) => ({
          ...issue,
          comments: issue.comments.map((comment) => ({
            ...comment,
            properties: Object.fromEntries(comment.properties),
          })),
          properties: Object.fromEntries(issue.properties),
        })),
        // The content's SHA-256 instead of the bytes: tests can tell which file an upload stored.
        attachments: [...state.attachments.values()].map(({ content, ...meta }) => ({
          ...meta,
          issueKey: state.issues.find((issue) => issue.id === meta.issueId)?.key ?? null,
          sha256: createHash("sha256").update(content).digest("hex"),
        })),
        history: Object.fromEntries(
          [...state.history].map(([user, ids]) => [
            user,
            ids.map((id) => state.issues.find((issue) => issue.id === id)?.key ?? id),
          ])
        ),
        sequences: { ...state.sequences },
      };
    },

    visibleProjects: (user) =>
      CATALOG.projects
        .filter((project) => canBrowse(user, project))
        .sort((a, b) => a.name.localeCompare(b.name)),

    findProject(user, idOrKey) {
      const project = CATALOG.project(idOrKey);
      return project && canBrowse(user, project) ? project : undefined;
    },

    findIssue(user, idOrKey) {
      const issue = findIssueAnyone(idOrKey);
      return issue && canSeeIssue(user, issue) ? issue : undefined;
    },

    createIssue(user, body) {
      const valid = validateCreateIssue(body, user);
      if (!valid.ok) {
        return valid;
      }
      const now = clock();
      const number = (state.issueCounters.get(valid.project.id) ?? 0) + 1;
      state.issueCounters.set(valid.project.id, number);
      const issue: IssueRecord = {
        id: String(state.sequences.issue++),
        key: `${valid.project.key}-${number}`,
        projectId: valid.project.id,
        issueTypeId: valid.issueType.id,
        statusId: STATUS_IDS.open,
        resolutionId: null,
        resolutionDate: null,
        reporterKey: user.key,
        creatorKey: user.key,
        created: now,
        updated: now,
        values: {
          assignee: valid.project.assigneeType === "PROJECT_LEAD" ? valid.project.leadKey : null,
          ...valid.values,
        },
        comments: [],
        attachmentIds: [],
        properties: new Map(valid.properties.map(({ key, value }) => [key, value])),
        remoteLinks: [],
      };
      state.issues.push(issue);
      return { ok: true, issue };
    },

    visibleComments,

    addComment(user, issue, body) {
      const valid = validateComment(body, user, CATALOG.projectById(issue.projectId));
      if (!valid.ok) {
        return valid;
      }
      const now = clock();
      const comment: CommentRecord = {
        id: String(state.sequences.comment++),
        authorKey: user.key,
        body: valid.body,
        created: now,
        updated: now,
        ...(valid.visibility ? { visibility: valid.visibility } : {}),
        properties: new Map(valid.properties.map(({ key, value }) => [key, value])),
      };
      issue.comments.push(comment);
      issue.updated = now;
      return { ok: true, comment };
    },

    findComment(user, commentId) {
      for (const issue of state.issues) {
        const comment = issue.comments.find((candidate) => candidate.id === commentId);
        if (comment) {
          return canSeeIssue(user, issue) && visibleComments(user, issue).includes(comment)
            ? { issue, comment }
            : undefined;
        }
      }
      return undefined;
    },

    canEditComment(user, { issue, comment }) {
      return (
        comment.authorKey === user.key ||
        isInRole(user, CATALOG.projectById(issue.projectId), "Administrators")
      );
    },

    addAttachment(user, issue, file) {
      const now = clock();
      const attachment: AttachmentRecord = {
        id: String(state.sequences.attachment++),
        issueId: issue.id,
        filename: file.filename,
        mimeType: file.mimeType,
        size: file.content.length,
        authorKey: user.key,
        created: now,
        content: file.content,
      };
      state.attachments.set(attachment.id, attachment);
      issue.attachmentIds.push(attachment.id);
      issue.updated = now;
      return attachment;
    },

    attachmentsOf: (issue) =>
      issue.attachmentIds
        .map((id) => state.attachments.get(id))
        .filter((attachment): attachment is AttachmentRecord => attachment !== undefined),

    findAttachment(user, id) {
      const attachment = state.attachments.get(id);
      const issue =
        attachment && state.issues.find((candidate) => candidate.id === attachment.issueId);
      return attachment && issue && canSeeIssue(user, issue) ? attachment : undefined;
    },

    search,

    recordView(user, issue) {
      const ids = (state.history.get(user.key) ?? []).filter((id) => id !== issue.id);
      state.history.set(user.key, [issue.id, ...ids].slice(0, HISTORY_LIMIT));
    },

    history,

    pickIssues(user, query, currentJql) {
      const inHistory = history(user).filter((issue) => pickerMatches(query, issue));
      const shown = inHistory.slice(0, PICKER_SECTION_LIMIT);
      // Jira leaves issues already listed under History out of Current Search.
      const current = search(user, currentJql).issues.filter(
        (issue) => pickerMatches(query, issue) && !shown.includes(issue)
      );
      return {
        history: { issues: shown, total: inHistory.length },
        current: { issues: current.slice(0, PICKER_SECTION_LIMIT), total: current.length },
      };
    },

    setProperty(issue, key, value) {
      const created = !issue.properties.has(key);
      issue.properties.set(key, value);
      return created;
    },

    setCommentProperty(comment, key, value) {
      const created = !comment.properties.has(key);
      comment.properties.set(key, value);
      return created;
    },

    upsertRemoteLink(issue, input) {
      const existing =
        input.globalId === undefined
          ? undefined
          : issue.remoteLinks.find((link) => link.globalId === input.globalId);
      if (existing) {
        const updated: RemoteLinkRecord = { ...input, id: existing.id };
        issue.remoteLinks[issue.remoteLinks.indexOf(existing)] = updated;
        issue.updated = clock();
        return { link: updated, created: false };
      }
      const link: RemoteLinkRecord = { ...input, id: state.sequences.remoteLink++ };
      issue.remoteLinks.push(link);
      issue.updated = clock();
      return { link, created: true };
    },
  };
}
