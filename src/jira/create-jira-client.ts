/**
 * The typed Jira REST v2 client (plus the OAuth 1.0a dance against Jira's provider), over the
 * transport in jira-transport.ts. Plain TypeScript: the task pane and Node (tests, admin CLI)
 * use it unchanged. Shapes: jira-types.ts; errors: jira-errors.ts.
 */
import { jiraAuthorizeUrl } from "../oauth/authorize-url";
import type { TokenCredentials } from "../oauth/oauth-signer-types";
import { parseFormEncoded } from "../oauth/rfc3986";
import { fromLegacyCreateMeta, needsLegacyCreateMeta } from "./create-meta";
import type { LegacyCreateMeta } from "./create-meta";
import { JiraHttpError, htmlError, isHtml } from "./jira-errors";
import { createJiraTransport } from "./jira-transport";
import type { JiraRequest, JiraResponse, JiraTransportOptions } from "./jira-transport";
import type {
  AttachmentMeta,
  CommentListOptions,
  CreateMetaField,
  CreateMetaIssueType,
  CreatedIssue,
  EntityProperty,
  IssueCreateExtras,
  IssueFields,
  IssuePickerRequest,
  IssuePickerResult,
  JiraAttachment,
  JiraComment,
  JiraField,
  JiraIssue,
  JiraPriority,
  JiraProject,
  JiraUser,
  NewComment,
  ProjectRole,
  RemoteLink,
  RemoteLinkInput,
  RemoteLinkResult,
  SearchRequest,
  SearchResult,
  ServerInfo,
} from "./jira-types";
import { buildQueryString, pathSegment } from "./query-string";

/** Options of {@link createJiraClient}. */
export type JiraClientOptions = JiraTransportOptions;

/** A request token from `request-token`. */
export interface RequestToken extends TokenCredentials {
  /** `oauth_callback_confirmed`: Jira will redirect to the callback (OAuth 1.0a). */
  callbackConfirmed: boolean;
}

/** An access token from `access-token`. */
export interface AccessToken extends TokenCredentials {
  /** `oauth_expires_in`: seconds the token lives (Jira's default: 5 years). */
  expiresInSeconds?: number;
  /** `oauth_session_handle`. Secret-ish: never log it. */
  sessionHandle?: string;
  /** `oauth_authorization_expires_in`. */
  authorizationExpiresInSeconds?: number;
}

/** A file to attach. */
export interface AttachmentFile {
  name: string;
  /** MIME type, e.g. "message/rfc822". */
  type: string;
  data: Blob;
}

/** Queries of the user searches. */
export interface UserSearch {
  /** Matched against username, display name and email. */
  username: string;
  startAt?: number;
  maxResults?: number;
}

/** Queries of the assignable-user search: a project or an issue. */
export interface AssignableUserSearch {
  username?: string;
  project?: string;
  issueKey?: string;
  maxResults?: number;
}

/** The Jira client. Every method rejects with OAuthProblem, JiraValidationError, JiraHttpError or JiraNetworkError. */
export interface JiraClient {
  /** Jira's base URL the client signs over. */
  readonly baseUrl: string;

  /** Step 1 of the dance: a request token; `callback` is an absolute http(s) URL or "oob". */
  getRequestToken(callback: string): Promise<RequestToken>;
  /** Step 2: the page (on Jira itself) where the user allows or denies access. */
  authorizeUrl(requestToken: TokenCredentials | string): string;
  /** Step 3: the access token, for the approved request token and the verifier from the callback. */
  getAccessToken(requestToken: TokenCredentials, verifier: string): Promise<AccessToken>;

  /** Cached after the first success (it decides the createmeta form). */
  serverInfo(): Promise<ServerInfo>;
  myself(): Promise<JiraUser>;
  /** The names of the groups the current user is in (`myself?expand=groups`). */
  myGroups(): Promise<string[]>;
  projects(): Promise<JiraProject[]>;
  project(projectIdOrKey: string): Promise<JiraProject>;
  /** Every project role of the project (`project/{key}/role`), in Jira's order; 404 if not visible. */
  projectRoles(projectIdOrKey: string): Promise<ProjectRole[]>;
  fields(): Promise<JiraField[]>;
  priorities(): Promise<JiraPriority[]>;
  searchUsers(query: UserSearch): Promise<JiraUser[]>;
  assignableUsers(query: AssignableUserSearch): Promise<JiraUser[]>;
  /** The issue types a new issue of the project can have (every page). */
  createMetaIssueTypes(projectKey: string): Promise<CreateMetaIssueType[]>;
  /** The fields of the create screen for a project and issue type (every page). */
  createMetaFields(projectKey: string, issueTypeId: string): Promise<CreateMetaField[]>;
  /** `extras.properties` are sent in the same POST (IssueUpdateBean `properties`). */
  createIssue(fields: IssueFields, extras?: IssueCreateExtras): Promise<CreatedIssue>;
  /** `fields`: ids to return (default: all navigable). */
  getIssue(issueIdOrKey: string, fields?: string[]): Promise<JiraIssue>;
  /** `comment.properties` are stored by the same POST (CommentJsonBean `properties`). */
  addComment(issueIdOrKey: string, comment: NewComment): Promise<JiraComment>;
  /**
   * The issue's comments the user may read. Default: every comment (all pages), oldest first;
   * `newestFirst`, `expandProperties` and `maxResults` (one page only) as {@link CommentListOptions} say.
   */
  getComments(issueIdOrKey: string, options?: CommentListOptions): Promise<JiraComment[]>;
  /** Uploads one file; `onProgress(loaded, total)` as bytes go out (finely with the XHR uploader). */
  addAttachment(
    issueIdOrKey: string,
    file: AttachmentFile,
    onProgress?: (loaded: number, total: number) => void
  ): Promise<JiraAttachment[]>;
  attachmentMeta(): Promise<AttachmentMeta>;
  /** GET, or POST when the JQL makes the URL too long for proxies. */
  search(request: SearchRequest): Promise<SearchResult>;
  issuePicker(request: IssuePickerRequest): Promise<IssuePickerResult>;
  /** Sets an issue property to a JSON value (≤ 32 KB). */
  setIssueProperty(issueIdOrKey: string, propertyKey: string, value: unknown): Promise<void>;
  /** An issue property; JiraHttpError `http_404` when the issue or the property doesn't exist. */
  getIssueProperty<T = unknown>(
    issueIdOrKey: string,
    propertyKey: string
  ): Promise<EntityProperty<T>>;
  /** Creates a remote link, or updates the one with the same `globalId`. */
  createOrUpdateRemoteLink(issueIdOrKey: string, link: RemoteLinkInput): Promise<RemoteLinkResult>;
  /** The issue's remote links; with `globalId`, the one link with that id (JiraHttpError `http_404` if none). */
  getRemoteLinks(issueIdOrKey: string, globalId?: string): Promise<RemoteLink[]>;

  /** Any other call: the JSON answer (undefined for an empty body). */
  request<T>(request: JiraRequest): Promise<T>;
}

// Above this, GET /search moves to POST: proxies and servers start refusing URLs around 4–8 KB.
const MAX_SEARCH_URL_LENGTH = 2000;
// Guards against a Jira that never says "last page".
const MAX_PAGES = 200;
const PAGE_SIZE = 100;
const REST = "/rest/api/2";

/** Creates the client. */
export function createJiraClient(options: JiraClientOptions): JiraClient {
  const transport = createJiraTransport(options);
  let serverInfoPromise: Promise<ServerInfo> | undefined;

  async function json<T>(request: JiraRequest): Promise<T> {
    return readJson<T>(
      await transport.send({
        ...request,
        headers: { Accept: "application/json", ...request.headers },
      })
    );
  }

  async function form(request: JiraRequest): Promise<Record<string, string>> {
    const response = await transport.send(request);
    if (isHtml(response.headers, response.bodyText)) {
      throw htmlError(response.request, response);
    }
    const parameters = Object.fromEntries(safeParseForm(response.bodyText));
    if (!parameters.oauth_token) {
      throw invalidResponse(response, "an oauth_token");
    }
    return parameters;
  }

  async function allPages<T>(path: string): Promise<T[]> {
    const all: T[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await json<{
        values?: T[];
        isLast?: boolean;
        total?: number;
        maxResults?: number;
      }>({
        method: "GET",
        path,
        query: { startAt: all.length, maxResults: PAGE_SIZE },
      });
      const values = body.values ?? [];
      all.push(...values);
      const done =
        body.isLast === true ||
        values.length === 0 ||
        (body.total !== undefined && all.length >= body.total) ||
        (body.isLast === undefined &&
          body.total === undefined &&
          values.length < (body.maxResults ?? PAGE_SIZE));
      if (done) {
        break;
      }
    }
    return all;
  }

  async function legacyCreateMeta(
    projectKey: string,
    issueTypeId?: string
  ): Promise<LegacyCreateMeta> {
    return json<LegacyCreateMeta>({
      method: "GET",
      path: `${REST}/issue/createmeta`,
      query: {
        projectKeys: projectKey,
        issuetypeIds: issueTypeId,
        expand: issueTypeId === undefined ? undefined : "projects.issuetypes.fields",
      },
    });
  }

  const client: JiraClient = {
    baseUrl: transport.baseUrl,

    async getRequestToken(callback) {
      const parameters = await form({
        method: "POST",
        path: "/plugins/servlet/oauth/request-token",
        token: null,
        oauthParams: { oauth_callback: callback },
      });
      return {
        token: parameters.oauth_token,
        secret: parameters.oauth_token_secret ?? "",
        callbackConfirmed: parameters.oauth_callback_confirmed === "true",
      };
    },

    authorizeUrl(requestToken) {
      const token = typeof requestToken === "string" ? requestToken : requestToken.token;
      return jiraAuthorizeUrl(transport.baseUrl, token);
    },

    async getAccessToken(requestToken, verifier) {
      const parameters = await form({
        method: "POST",
        path: "/plugins/servlet/oauth/access-token",
        token: requestToken,
        oauthParams: { oauth_verifier: verifier },
      });
      const accessToken: AccessToken = {
        token: parameters.oauth_token,
        secret: parameters.oauth_token_secret ?? "",
      };
      const expiresIn = seconds(parameters.oauth_expires_in);
      const authorizationExpiresIn = seconds(parameters.oauth_authorization_expires_in);
      if (expiresIn !== undefined) accessToken.expiresInSeconds = expiresIn;
      if (authorizationExpiresIn !== undefined)
        accessToken.authorizationExpiresInSeconds = authorizationExpiresIn;
      if (parameters.oauth_session_handle)
        accessToken.sessionHandle = parameters.oauth_session_handle;
      return accessToken;
    },

    serverInfo() {
      if (!serverInfoPromise) {
        const asked = json<ServerInfo>({ method: "GET", path: `${REST}/serverInfo` });
        serverInfoPromise = asked;
        // A failure is not cached: the next call asks again (and a newer request stays cached).
        asked.catch(() => {
          if (serverInfoPromise === asked) {
            serverInfoPromise = undefined;
          }
        });
      }
      return serverInfoPromise;
    },

    myself: () => json({ method: "GET", path: `${REST}/myself` }),

    async myGroups() {
      const body = await json<{ groups?: { items?: Array<{ name?: unknown }> } }>({
        method: "GET",
        path: `${REST}/myself`,
        query: { expand: "groups" },
      });
      return (body.groups?.items ?? [])
        .map((group) => group.name)
        .filter((name): name is string => typeof name === "string");
    },

    projects: () => json({ method: "GET", path: `${REST}/project` }),
    project: (key) => json({ method: "GET", path: `${REST}/project/${pathSegment(key)}` }),

    async projectRoles(key) {
      // Jira answers a map, role name → the role's URL in the project (…/project/SUP/role/10002).
      const body = await json<Record<string, unknown>>({
        method: "GET",
        path: `${REST}/project/${pathSegment(key)}/role`,
      });
      return Object.entries(body ?? {}).flatMap(([name, url]) => {
        const id = typeof url === "string" ? /\/role\/(\d+)\/?$/.exec(url)?.[1] : undefined;
        return id === undefined ? [] : [{ id, name }];
      });
    },
    fields: () => json({ method: "GET", path: `${REST}/field` }),
    priorities: () => json({ method: "GET", path: `${REST}/priority` }),
    searchUsers: ({ username, startAt, maxResults }) =>
      json({
        method: "GET",
        path: `${REST}/user/search`,
        query: { username, startAt, maxResults },
      }),
    assignableUsers: ({ username, project, issueKey, maxResults }) =>
      json({
        method: "GET",
        path: `${REST}/user/assignable/search`,
        query: { username, project, issueKey, maxResults },
      }),

    async createMetaIssueTypes(projectKey) {
      if (needsLegacyCreateMeta(await client.serverInfo())) {
        return fromLegacyCreateMeta(
          projectKey,
          undefined,
          await legacyCreateMeta(projectKey),
          requestOf("GET", `${REST}/issue/createmeta`)
        ).issueTypes;
      }
      return allPages(`${REST}/issue/createmeta/${pathSegment(projectKey)}/issuetypes`);
    },

    async createMetaFields(projectKey, issueTypeId) {
      if (needsLegacyCreateMeta(await client.serverInfo())) {
        return fromLegacyCreateMeta(
          projectKey,
          issueTypeId,
          await legacyCreateMeta(projectKey, issueTypeId),
          requestOf("GET", `${REST}/issue/createmeta`)
        ).fields;
      }
      return allPages(
        `${REST}/issue/createmeta/${pathSegment(projectKey)}/issuetypes/${pathSegment(issueTypeId)}`
      );
    },

    createIssue: (fields, extras) =>
      json({
        method: "POST",
        path: `${REST}/issue`,
        json:
          extras?.properties && extras.properties.length > 0
            ? { fields, properties: extras.properties }
            : { fields },
      }),

    getIssue: (key, fields) =>
      json({
        method: "GET",
        path: `${REST}/issue/${pathSegment(key)}`,
        query: { fields: fields?.join(",") },
      }),

    addComment: (key, comment) =>
      json({ method: "POST", path: `${REST}/issue/${pathSegment(key)}/comment`, json: comment }),

    async getComments(key, options = {}) {
      const { newestFirst, expandProperties, maxResults } = options;
      const page = (startAt: number, size: number) =>
        json<{ comments?: JiraComment[]; total?: number }>({
          method: "GET",
          path: `${REST}/issue/${pathSegment(key)}/comment`,
          query: {
            startAt,
            maxResults: size,
            orderBy: newestFirst ? "-created" : undefined,
            expand: expandProperties ? "properties" : undefined,
          },
        });
      if (maxResults !== undefined) {
        return (await page(0, maxResults)).comments ?? [];
      }
      const comments: JiraComment[] = [];
      for (let pages = 0; pages < MAX_PAGES; pages++) {
        const body = await page(comments.length, PAGE_SIZE);
        const values = body.comments ?? [];
        comments.push(...values);
        if (values.length === 0 || comments.length >= (body.total ?? 0)) {
          break;
        }
      }
      return comments;
    },

    addAttachment(key, file, onProgress) {
      const body = new FormData();
      const blob =
        file.data.type === file.type ? file.data : new Blob([file.data], { type: file.type });
      // The part must be named "file" (Jira's AttachmentResource).
      body.append("file", blob, file.name);
      return json({
        method: "POST",
        path: `${REST}/issue/${pathSegment(key)}/attachments`,
        multipart: body,
        onUploadProgress: onProgress,
      });
    },

    attachmentMeta: () => json({ method: "GET", path: `${REST}/attachment/meta` }),

    search({ jql, startAt, maxResults, fields, validateQuery }) {
      const path = `${REST}/search`;
      const query = { jql, startAt, maxResults, fields: fields?.join(","), validateQuery };
      if ((transport.baseUrl + path + buildQueryString(query)).length <= MAX_SEARCH_URL_LENGTH) {
        return json({ method: "GET", path, query });
      }
      // Reads only, so as safe to retry as the GET it replaces.
      return json({
        method: "POST",
        path,
        // SearchRequestBean's validateQuery is a JSON boolean: "warn" is false there.
        json: {
          jql,
          startAt,
          maxResults,
          fields,
          validateQuery: validateQuery === undefined ? undefined : false,
        },
        idempotent: true,
      });
    },

    issuePicker: ({ query, currentJQL, showSubTasks, showSubTaskParent, currentProjectId }) =>
      json({
        method: "GET",
        path: `${REST}/issue/picker`,
        query: { query, currentJQL, showSubTasks, showSubTaskParent, currentProjectId },
      }),

    async setIssueProperty(key, propertyKey, value) {
      await transport.send({
        method: "PUT",
        path: `${REST}/issue/${pathSegment(key)}/properties/${pathSegment(propertyKey)}`,
        json: value,
        headers: { Accept: "application/json" },
      });
    },

    getIssueProperty: (key, propertyKey) =>
      json({
        method: "GET",
        path: `${REST}/issue/${pathSegment(key)}/properties/${pathSegment(propertyKey)}`,
      }),

    createOrUpdateRemoteLink: (key, link) =>
      json({ method: "POST", path: `${REST}/issue/${pathSegment(key)}/remotelink`, json: link }),

    async getRemoteLinks(key, globalId) {
      // With globalId Jira answers the single link, not a list.
      const body = await json<RemoteLink | RemoteLink[]>({
        method: "GET",
        path: `${REST}/issue/${pathSegment(key)}/remotelink`,
        query: { globalId },
      });
      return Array.isArray(body) ? body : [body];
    },

    request: (request) => json(request),
  };
  return client;
}

/** Parses a JSON answer; HTML (a login page) and broken JSON become JiraHttpError. */
function readJson<T>(response: JiraResponse): T {
  if (isHtml(response.headers, response.bodyText)) {
    throw htmlError(response.request, response);
  }
  if (response.bodyText.trim() === "") {
    return undefined as T;
  }
  try {
    return JSON.parse(response.bodyText) as T;
  } catch (cause) {
    throw invalidResponse(response, "JSON", cause);
  }
}

function invalidResponse(response: JiraResponse, expected: string, cause?: unknown): JiraHttpError {
  return new JiraHttpError({
    code: "invalid_response",
    status: response.status,
    request: response.request,
    cause,
    message:
      `Jira answered ${response.request.method} ${response.request.path} with ${response.status} but without ${expected}: ` +
      "a proxy between the add-in and Jira may have changed the answer.",
  });
}

function safeParseForm(text: string): Array<[string, string]> {
  try {
    return parseFormEncoded(text.trim());
  } catch {
    return [];
  }
}

function seconds(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function requestOf(method: string, path: string) {
  return { method, path };
}
