/**
 * An Express app with the simulator's REST API on 127.0.0.1, for integration tests of the API
 * alone. Requests pick their Jira user with the `X-Test-User` header (a username): three lines of
 * middleware stand in for the OAuth layer, which has its own tests.
 */
import { once } from "node:events";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createJiraData } from "../../src/simulator/data/jira-data";
import type { JiraData } from "../../src/simulator/data/jira-data";
import { createAttachmentContentRouter } from "../../src/simulator/rest/attachment-content-router";
import { createRestApi } from "../../src/simulator/rest/create-rest-api";
import { SIMULATOR_USERS } from "../../src/simulator/simulator-contract";
import type { SimulatorSettings } from "../../src/simulator/simulator-contract";

/** The simulator clock's fixed start in tests: 2026-12-04T16:08:39.000Z. */
export const TEST_NOW = Date.UTC(2026, 11, 4, 16, 8, 39);

/** Jira's context path in tests (exercises `self` links below a path). */
export const CONTEXT_PATH = "/jira";

export interface RestTestApp {
  /** `http://127.0.0.1:<port>/jira`: what `settings.baseUrl` is set to. */
  jiraUrl: string;
  settings: SimulatorSettings;
  data: JiraData;
  /** Moves the simulator clock. */
  setNow(ms: number): void;
  /** Sends a request to `{jiraUrl}{path}` (path starts with `/`). */
  request(path: string, options?: TestRequest): Promise<TestResponse>;
  /** Shorthand for `/rest/api/2/{path}`. */
  api(path: string, options?: TestRequest): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestRequest {
  /** Username to run as; omitted: anonymous. */
  user?: string;
  method?: string;
  /** JSON body (sets Content-Type: application/json unless `headers` says otherwise). */
  json?: unknown;
  /** Raw body (FormData for multipart, a string for anything else). */
  body?: FormData | string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined if not JSON). */
  body: unknown;
}

/**
 * One app for a whole test file: started in `beforeAll`, closed in `afterAll`, and after each test
 * put back to its start (clock, settings, seed data), so a test may change any of them without
 * cleaning up. Call it at the top level of the file; the returned view reads the running app on
 * every access, which is why it can be held in a `const` before `beforeAll` has run.
 */
export function setUpRestTestApp(overrides: Partial<SimulatorSettings> = {}): RestTestApp {
  let app: RestTestApp | undefined;
  let startSettings: SimulatorSettings | undefined;
  const current = (): RestTestApp => {
    if (!app) throw new Error("The REST test app starts in beforeAll: use it in tests and hooks.");
    return app;
  };

  beforeAll(async () => {
    app = await startRestTestApp(overrides);
    startSettings = { ...app.settings };
  });

  afterEach(() => {
    const running = current();
    running.setNow(TEST_NOW);
    // In place: the REST API holds this very object and reads it on every request.
    Object.assign(running.settings, startSettings);
    running.data.reset();
  });

  afterAll(async () => {
    await app?.close();
  });

  return {
    get jiraUrl() {
      return current().jiraUrl;
    },
    get settings() {
      return current().settings;
    },
    get data() {
      return current().data;
    },
    setNow: (ms) => current().setNow(ms),
    request: (path, options) => current().request(path, options),
    api: (path, options) => current().api(path, options),
    close: () => current().close(),
  };
}

/** Starts the REST API with default settings (Jira 9.12.2, 10 MB uploads), overridable. */
export async function startRestTestApp(
  overrides: Partial<SimulatorSettings> = {}
): Promise<RestTestApp> {
  let now = TEST_NOW;
  const clock = () => now;
  const settings: SimulatorSettings = {
    baseUrl: "http://placeholder",
    version: "9.12.2",
    uploadLimitBytes: 10 * 1024 * 1024,
    attachmentsEnabled: true,
    twoLeggedOAuth: false,
    clockSkewSeconds: 0,
    latencyMs: 0,
    ...overrides,
  };
  const data = createJiraData({ clock, settings });
  const app = express();
  // Stand-in for the OAuth layer: the user named in X-Test-User, else anonymous.
  app.use((req, res, next) => {
    res.locals.jiraUser = SIMULATOR_USERS.find((user) => user.name === req.get("x-test-user"));
    next();
  });
  app.use(`${CONTEXT_PATH}/rest/api/2`, createRestApi({ data, settings, clock }));
  app.use(CONTEXT_PATH, createAttachmentContentRouter({ data, settings }));

  const server: http.Server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;
  const jiraUrl = `http://127.0.0.1:${port}${CONTEXT_PATH}`;
  settings.baseUrl = overrides.baseUrl ?? jiraUrl;

  const request = async (path: string, options: TestRequest = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.user) headers["X-Test-User"] = options.user;
    let body: FormData | string | undefined = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers["Content-Type"] ??= "application/json";
    }
    const response = await fetch(`${jiraUrl}${path}`, {
      method: options.method ?? (body === undefined ? "GET" : "POST"),
      headers,
      body,
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === "" ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  };

  return {
    jiraUrl,
    settings,
    data,
    setNow: (ms) => {
      now = ms;
    },
    request,
    api: (path, options) => request(`/rest/api/2/${path}`, options),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
