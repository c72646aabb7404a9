/**
 * The Jira Server stand-in: one Express app with Jira's OAuth 1.0a servlets, the REST API (rest/,
 * data/) behind OAuth authentication, and the simulator's own controls under `{ctx}/__sim/`.
 * Used by `npm run simulator` (main.ts), the add-in server's zero-config mode and the tests.
 *
 * Layout of a request to the Jira surface, in order: latency → `Date` from the simulator clock →
 * injected fault → form body → OAuth servlets | authentication → REST API.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import type { ErrorRequestHandler, Express, RequestHandler } from "express";
import { createJiraData } from "./data/jira-data";
import { CONTROL_PATH, createControlRoutes } from "./faults/control-routes";
import { createFaultQueue } from "./faults/fault-queue";
import {
  simulatedFaults,
  simulatedLatency,
  simulatorDateHeader,
} from "./faults/jira-surface-middleware";
import { validateSettingsPatch } from "./faults/settings-patch";
import type { SimulatorSettingsPatch } from "./faults/settings-patch";
import { createSimulatorControl } from "./faults/simulator-control";
import type { ResettableData, SimulatorControl } from "./faults/simulator-control";
import type { JiraSimulatorConsumer } from "./oauth/consumer-registry";
import { createOAuthProvider } from "./oauth/create-oauth-provider";
import { formBodyParser } from "./oauth/form-body";
import { createAttachmentContentRouter } from "./rest/attachment-content-router";
import { createRestApi } from "./rest/create-rest-api";
import type { SimulatorClock, SimulatorSettings } from "./simulator-contract";

export type { JiraSimulatorConsumer } from "./oauth/consumer-registry";
export type { SimulatorControl, SimulatorState } from "./faults/simulator-control";
export type { FaultSpec, PendingFault } from "./faults/fault-queue";
export type { SimulatorSettingsPatch } from "./faults/settings-patch";

/** Start values of every setting but baseUrl. */
export const DEFAULT_SIMULATOR_SETTINGS: Readonly<Omit<SimulatorSettings, "baseUrl">> = {
  version: "9.12.2",
  uploadLimitBytes: 10_485_760, // Jira's default attachment limit, 10 MB
  attachmentsEnabled: true,
  twoLeggedOAuth: false,
  clockSkewSeconds: 0,
  latencyMs: 0,
};

/** Where the REST API is mounted below the context path. */
export const REST_API_PATH = "/rest/api/2";

/**
 * Builds the Jira REST half: its data and the router to mount at `{ctx}/rest/api/2` (it reads
 * `res.locals.jiraUser`). The default is rest/create-rest-api.ts over data/jira-data.ts.
 */
export type JiraRestFactory = (deps: { settings: SimulatorSettings; clock: SimulatorClock }) => {
  data: ResettableData;
  restApi: RequestHandler;
  /** Routes outside /rest, mounted at the context path behind authentication (attachment downloads). */
  pages?: RequestHandler;
};

/** Options of {@link startJiraSimulator}. */
export interface JiraSimulatorOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * The URL Jira believes it lives at; signatures are verified over it. Default `http://host:port`
   * once listening. A path (`http://x/jira`) is the context path: every route then lives under it.
   */
  baseUrl?: string;
  consumers?: JiraSimulatorConsumer[];
  settings?: SimulatorSettingsPatch;
  /** Receives one line per notable event (tokens, refused requests, faults). Default: silent. */
  log?: (line: string) => void;
  /** Replaces the REST half (tests of the OAuth layer alone). Default: the simulator's Jira. */
  jira?: JiraRestFactory;
}

/** A listening simulator. */
export interface RunningJiraSimulator {
  /** Where it listens: `http://127.0.0.1:<port>`, no trailing slash (add the context path for Jira routes). */
  url: string;
  /** The live settings (read-only by convention: change them through `control`). */
  settings: SimulatorSettings;
  control: SimulatorControl;
  /** Stops listening; running requests get a short grace period. */
  close(): Promise<void>;
}

/** Options of {@link createJiraSimulatorApp}. */
export interface JiraSimulatorAppOptions {
  /** Absolute http(s) URL; its path is the context path. */
  baseUrl: string;
  consumers?: readonly JiraSimulatorConsumer[];
  settings?: SimulatorSettingsPatch;
  log?: (line: string) => void;
  jira?: JiraRestFactory;
}

/** An app that isn't listening yet. */
export interface JiraSimulatorApp {
  app: Express;
  /** The live settings object; `baseUrl` may be changed until the first request (see startJiraSimulator). */
  settings: SimulatorSettings;
  control: SimulatorControl;
  clock: SimulatorClock;
  /** "" or e.g. "/jira". */
  contextPath: string;
}

/**
 * Builds the simulator's Express app without listening. Throws (naming the option) on an invalid
 * base URL, setting or consumer.
 */
export function createJiraSimulatorApp(options: JiraSimulatorAppOptions): JiraSimulatorApp {
  const log = options.log ?? (() => undefined);
  let baseUrl: string;
  try {
    baseUrl = normaliseBaseUrl(options.baseUrl);
  } catch (error) {
    throw new Error(`baseUrl ${(error as Error).message}`);
  }
  const settings: SimulatorSettings = {
    baseUrl,
    ...DEFAULT_SIMULATOR_SETTINGS,
    ...validateSettingsPatch(options.settings ?? {}),
  };
  const contextPath = new URL(baseUrl).pathname.replace(/\/$/, "");
  const clock: SimulatorClock = () => Date.now() + settings.clockSkewSeconds * 1000;

  const oauth = createOAuthProvider({
    settings,
    clock,
    consumers: options.consumers ?? [],
    log,
  });
  const { data, restApi, pages } = (options.jira ?? defaultJira)({ settings, clock });
  const faults = createFaultQueue();
  const control = createSimulatorControl({ settings, oauth, faults, data, log });

  const jira = express.Router();
  jira.use(simulatedLatency(settings));
  jira.use(simulatorDateHeader(clock));
  jira.use(simulatedFaults({ faults, clock, log }));
  jira.use(formBodyParser());
  jira.use(oauth.servlets);
  jira.use(oauth.authenticate);
  jira.use(REST_API_PATH, restApi);
  if (pages) {
    jira.use(pages);
  }
  jira.use(jiraNotFound);
  jira.use(jiraErrors(log));

  const app = express();
  app.disable("x-powered-by");
  app.use(`${contextPath}${CONTROL_PATH}`, createControlRoutes(control));
  app.use(contextPath || "/", jira);
  app.use((req, res) => {
    res
      .status(404)
      .type("text/plain")
      .send(`Not found: ${req.originalUrl}. This Jira lives at ${settings.baseUrl}.`);
  });
  return { app, settings, control, clock, contextPath };
}

/** Starts the simulator and resolves once it listens. Rejects with the listen error (`code` EADDRINUSE …). */
export async function startJiraSimulator(
  options: JiraSimulatorOptions = {}
): Promise<RunningJiraSimulator> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  // Without a base URL it is http://host:port, known only once listening: build with port 0 and
  // fill in the real one before any request can arrive.
  const built = createJiraSimulatorApp({
    baseUrl: options.baseUrl ?? `http://${urlHost}:${port}`,
    ...(options.consumers ? { consumers: options.consumers } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.log ? { log: options.log } : {}),
    ...(options.jira ? { jira: options.jira } : {}),
  });
  const server = http.createServer(built.app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const url = `http://${urlHost}:${(server.address() as AddressInfo).port}`;
  if (options.baseUrl === undefined) {
    built.settings.baseUrl = url;
  }

  return {
    url,
    settings: built.settings,
    control: built.control,
    close: () => closeServer(server),
  };
}

function defaultJira(deps: { settings: SimulatorSettings; clock: SimulatorClock }) {
  const data = createJiraData(deps);
  return {
    data,
    restApi: createRestApi({ data, ...deps }),
    pages: createAttachmentContentRouter({ data, settings: deps.settings }),
  };
}

/**
 * Jira's base URL in the form signatures are verified over: an absolute http(s) URL without query,
 * fragment or trailing slash. Throws an Error saying what is wrong with `baseUrl`.
 */
export function normaliseBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`"${baseUrl}" is not an absolute URL (e.g. http://localhost:2990/jira).`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`"${baseUrl}" must be an http or https URL.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`"${baseUrl}" must not have a query, fragment or user info.`);
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, "")}`;
}

const jiraNotFound: RequestHandler = (req, res) => {
  res
    .status(404)
    .json({ errorMessages: [`Jira has no resource at ${req.method} ${req.originalUrl}.`] });
};

function jiraErrors(log: (line: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500) {
      // body-parser: malformed body, unsupported charset, too large
      res.status(status).json({ errorMessages: [(error as Error).message] });
      return;
    }
    log(
      `Error: ${req.method} ${req.baseUrl}${req.path}: ${(error as Error).stack ?? String(error)}`
    );
    res.status(500).json({ errorMessages: ["Internal simulator error; see the simulator's log."] });
  };
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 500).unref();
  });
}
