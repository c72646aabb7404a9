/**
 * What the fault tests stand on, all over real HTTP(S) on 127.0.0.1: the Jira simulator with the
 * add-in's consumer; "fronts" that stand where Jira should be (another web app, a single sign-on
 * gateway, an HTTPS proxy with some certificate, or a pass-through to the simulator); the add-in
 * server's real /jira relay; and the pane's session over the fake Office host
 * (test/unit/session/session-fakes.ts). Everything a test starts is closed after it.
 */
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { generate } from "selfsigned";
import { Agent } from "undici";
import type { RuntimeConfig } from "../../../src/config/runtime-config";
import { createAddinServer } from "../../../src/server/create-addin-server";
import { createJiraSession } from "../../../src/session/jira-session";
import type { SettingsStorage } from "../../../src/session/session-ports";
import type { JiraSession, SessionState } from "../../../src/session/session-types";
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import {
  ADDIN_ORIGIN,
  CALLBACK_URL,
  CONSUMER_KEY,
  browserInDialog,
  createMemorySettings,
  createScriptedDialog,
} from "../../unit/session/session-fakes";
import { generateConsumerKeyPair } from "../../support/reference-oauth-client";
import { setUpSimulatorStarter } from "../../support/started-simulators";
import {
  makeDist,
  makeTempDir,
  makeTestCertificate,
  removeDir,
  testServerOptions,
} from "../server/server-test-kit";

/** A server standing where Jira should be; `handle` decides every answer and may change any time. */
export interface Front {
  url: string;
  /** Requests it received, `METHOD path` (no query). */
  requests: string[];
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

/** A key and certificate (PEM). */
export interface Pems {
  key: string;
  cert: string;
}

/** The pane's session, started, with what it sent. */
export interface FaultPane {
  session: JiraSession;
  settings: SettingsStorage;
  /** `METHOD path` of every request the session sent (to the relay or wherever relayUrl points). */
  requests: string[];
}

/** Options of {@link FaultKit.startPane}. */
export interface FaultPaneOptions {
  /** Where the session sends its requests; default the simulator itself (as in Node). */
  relayUrl?: string;
  /** The fetch to send with (one trusting the relay's test certificate). */
  fetch?: typeof fetch;
  settings?: SettingsStorage;
}

/** Everything a fault test starts, closed after each test. */
export interface FaultKit {
  keys: { privateKeyPem: string; publicKeyPem: string };
  /** The simulator with the add-in's consumer. */
  startSimulator(): Promise<RunningJiraSimulator>;
  /** An HTTP(S) server answering through `handle` (default: passes everything on to `target`). */
  startFront(options?: { tls?: Pems; target?: string }): Promise<Front>;
  /**
   * The add-in server (its real relay) forwarding /jira to `jiraUrl`, trusting `caPem` as
   * JIRA_CA_FILE; `relayUrl` for the session, and a fetch that trusts the server's certificate.
   */
  startRelay(jiraUrl: string, caPem?: string): Promise<{ relayUrl: string; fetch: typeof fetch }>;
  /** A private CA, and a server certificate it signed for `names` (DNS names and IPs). */
  certificates(names: string[]): Promise<{ ca: Pems; leaf: Pems }>;
  /** The pane's session for `sim`'s Jira, started, over the fake Office host. */
  startPane(sim: RunningJiraSimulator, options?: FaultPaneOptions): Promise<FaultPane>;
}

/** Call at the top level of a test file: registers the cleanup. */
export function setUpFaultKit(): FaultKit {
  const keys = generateConsumerKeyPair();
  const startSimulator = setUpSimulatorStarter({
    port: 0,
    consumers: [
      { consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem, name: "Jira for Outlook" },
    ],
  });
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  return {
    keys,
    startSimulator,

    async startFront(options = {}) {
      const requests: string[] = [];
      const front: Front = {
        url: "",
        requests,
        handle: (req, res) => {
          if (!options.target) {
            res.writeHead(500).end("no handler");
            return;
          }
          passTo(options.target, req, res);
        },
      };
      const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
        requests.push(`${req.method ?? ""} ${(req.url ?? "").split("?")[0]}`);
        front.handle(req, res);
      };
      const server = options.tls
        ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, listener)
        : http.createServer(listener);
      server.listen(0, "127.0.0.1");
      await once(server, "listening");
      const { port } = server.address() as AddressInfo;
      front.url = `${options.tls ? "https" : "http"}://127.0.0.1:${port}`;
      cleanups.push(async () => {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      });
      return front;
    },

    async startRelay(jiraUrl, caPem) {
      const dist = await makeDist();
      const cert = await makeTestCertificate();
      let jiraCaFile: string | undefined;
      if (caPem) {
        jiraCaFile = path.join(cert.dir, "jira-ca.pem");
        await writeFile(jiraCaFile, caPem);
      }
      const server = createAddinServer(
        testServerOptions(dist, cert, { jiraUrl, ...(jiraCaFile ? { jiraCaFile } : {}) })
      );
      const address = await server.listen();
      // Node's fetch can't be told to trust one CA per call; undici (what it is built on) can.
      const agent = new Agent({ connect: { ca: cert.cert } });
      cleanups.push(async () => {
        await server.close();
        await agent.close();
        await removeDir(dist);
        await removeDir(cert.dir);
      });
      return {
        relayUrl: `${address.url}/jira`,
        fetch: (input, init) => fetch(input, { ...init, dispatcher: agent } as RequestInit),
      };
    },

    async certificates(names) {
      const dir = await makeTempDir("fault-certs");
      cleanups.push(() => removeDir(dir));
      const validity = { notBeforeDate: new Date(Date.now() - 60_000), algorithm: "sha256" };
      const ca = await generate([{ name: "commonName", value: "Fault Test Private CA" }], {
        keySize: 2048,
        ...validity,
        extensions: [
          { name: "basicConstraints", cA: true, critical: true },
          { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
        ],
      });
      const leaf = await generate([{ name: "commonName", value: names[0] ?? "jira" }], {
        keySize: 2048,
        ...validity,
        ca: { key: ca.private, cert: ca.cert },
        extensions: [
          { name: "basicConstraints", cA: false },
          { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
          { name: "extKeyUsage", serverAuth: true },
          {
            name: "subjectAltName",
            altNames: names.map((name) =>
              /^[\d.]+$/.test(name) ? { type: 7, ip: name } : { type: 2, value: name }
            ),
          },
        ],
      });
      return {
        ca: { key: ca.private, cert: ca.cert },
        leaf: { key: leaf.private, cert: leaf.cert },
      };
    },

    async startPane(sim, options = {}) {
      const requests: string[] = [];
      const send = options.fetch ?? fetch;
      const contextPath = new URL(sim.settings.baseUrl).pathname.replace(/\/$/, "");
      const config: RuntimeConfig = {
        formatVersion: 1,
        jiraBaseUrl: sim.settings.baseUrl,
        consumerKey: CONSUMER_KEY,
        privateKeyPem: keys.privateKeyPem,
        relayUrl: options.relayUrl ?? `${sim.url}${contextPath}`,
      };
      const settings = options.settings ?? createMemorySettings();
      const session = createJiraSession({
        loadConfig: async () => config,
        settings,
        dialog: createScriptedDialog(browserInDialog(sim)),
        callbackUrl: CALLBACK_URL,
        addinOrigin: ADDIN_ORIGIN,
        fetch: (input, init) => {
          const url = new URL(input instanceof Request ? input.url : String(input));
          requests.push(`${init?.method ?? "GET"} ${url.pathname}`);
          return send(input, init);
        },
      });
      await session.start();
      return { session, settings, requests };
    },
  };
}

/** Passes a request on to `target` unchanged (method, path, headers, body) and its answer back. */
export function passTo(target: string, req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? "/", target);
  const upstream = http.request(
    url,
    { method: req.method, headers: { ...req.headers, host: url.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    }
  );
  upstream.on("error", () => res.destroy());
  req.pipe(upstream);
}

/** Passes a request on to `target` and drops Jira's answer, then runs `then` (an answer lost on the way). */
export function passToAndDrop(target: string, req: http.IncomingMessage, then: () => void): void {
  const url = new URL(req.url ?? "/", target);
  const upstream = http.request(
    url,
    { method: req.method, headers: { ...req.headers, host: url.host } },
    (answer) => {
      answer.resume();
      answer.on("end", then);
    }
  );
  upstream.on("error", then);
  req.pipe(upstream);
}

/** The notice of a session state that has one. */
export function noticeOf(state: SessionState): { code: string; title: string; message: string } {
  if (!("notice" in state) || !state.notice) {
    throw new Error(`The state has no notice: ${JSON.stringify(state)}`);
  }
  return state.notice;
}
