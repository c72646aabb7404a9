/**
 * Builds the add-in server: HTTPS, security headers, the `/jira` relay and the static files of
 * dist/. Used by `main.ts` (npm start / serve), the integration tests and the e2e harness.
 */
import { X509Certificate } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import type { ErrorRequestHandler, Express } from "express";
import { ConfigError } from "../config/config-error";
import { loadTlsCredentials } from "./dev-certificate";
import type { OfficeDevCertPaths, TlsCredentials } from "./dev-certificate";
import { JIRA_RELAY_PATH, createJiraRelay } from "./jira-relay";
import type { JiraRelay } from "./jira-relay";
import { createRuntimeConfigRoute } from "./runtime-config-route";
import type { ServedRuntimeConfig } from "./runtime-config-route";
import { createSecurityHeaders } from "./security-headers";
import { REPO_ROOT, normaliseJiraUrl } from "./server-config";
import { NO_CACHE, createStaticFiles } from "./static-files";

/** Receives the server's log lines. */
export interface ServerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * How long a client may take to send a whole request, headers and body: 30 minutes. Node's
 * default (`server.requestTimeout`, 300 s, nodejs.org/api/http.html#serverrequesttimeout) answers
 * 408 to an upload still arriving after 5 minutes, i.e. to a 100 MB email (the relay's default
 * cap) sent slower than about 2.8 Mbit/s, which a home or hotel line can be. 30 minutes lets
 * 100 MB through down to about 0.47 Mbit/s and still ends a client that trickles without end. A
 * dead Jira is no reason for a shorter limit: the relay's idle timeout (RELAY_TIMEOUT_SECONDS)
 * answers 504 then.
 */
export const ADDIN_SERVER_REQUEST_TIMEOUT_MS = 30 * 60 * 1000;

/** Options of {@link createAddinServer}; the names match `ServerConfig`. */
export interface AddinServerOptions {
  /** The built add-in folder; must exist when `listen()` is called. */
  distDir: string;
  /** Serve the dev-only Outlook stand-in (`/preview.html`, `/preview/*`). Default false. */
  preview?: boolean;
  /** Port; 0 picks a free one (see the port `listen()` returns). Default 3000. */
  port?: number;
  /** Address to bind. Default `localhost`. */
  host?: string;
  /** Public https URL of the add-in. Default `https://localhost:<actual port>`. */
  addinUrl?: string;
  /** Jira's base URL (may include a context path). Undefined: `/jira/*` answers 503. */
  jiraUrl?: string;
  /** PEM file of a private CA that signed Jira's certificate. */
  jiraCaFile?: string;
  /** Largest request body the relay passes to Jira, in bytes. Default 100 MB (relay-settings.ts). */
  relayMaxBodyBytes?: number;
  /** How long the relay waits for Jira to send or take a byte, in ms. Default 120 s (relay-settings.ts). */
  relayTimeoutMs?: number;
  /**
   * The pane's runtime configuration, served as `/addin-config.json` (and `/preview/addin-config.json`
   * with `preview`) with the relay as its `relayUrl`. Undefined: dist/addin-config.json is served
   * there if an administrator put one in, else 404.
   */
  runtimeConfig?: ServedRuntimeConfig;
  /** Certificate and key to serve, in memory (tests). Wins over the files below. */
  tls?: Pick<TlsCredentials, "cert" | "key" | "ca">;
  /** Certificate file to serve (production); with `tlsKeyFile`. */
  tlsCertFile?: string;
  /** Key file to serve (production); with `tlsCertFile`. */
  tlsKeyFile?: string;
  /** Folder of the generated development certificate. Default `<repo>/.certs`. */
  generatedCertDir?: string;
  /** office-addin-dev-certs' files; default its home-folder paths; `null` ignores them. */
  officeDevCerts?: OfficeDevCertPaths | null;
  /** Replaces the Content-Security-Policy of every answer; "" sends none (see security-headers.ts). */
  contentSecurityPolicy?: string;
  /** Default: console. */
  logger?: ServerLogger;
  /** How long `close()` lets running requests finish before cutting them. Default 3000 ms. */
  shutdownGraceMs?: number;
}

/** What `listen()` resolves to. */
export interface AddinServerAddress {
  /** The add-in's URL without trailing slash, e.g. `https://localhost:3000`. */
  url: string;
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Where the served certificate came from, for the startup log. */
  certificate: Pick<TlsCredentials, "source" | "certFile" | "validTo">;
}

/** A created, not yet listening add-in server. */
export interface AddinServer {
  /** Checks dist/, loads the certificate, starts listening. Rejects with `ConfigError` or a listen error (`code` EADDRINUSE). */
  listen(): Promise<AddinServerAddress>;
  /** Stops accepting connections, lets running requests finish (up to `shutdownGraceMs`), closes upstream connections. */
  close(): Promise<void>;
}

/**
 * Creates the add-in server. Nothing happens until `listen()`: files are read and the port bound then.
 */
export function createAddinServer(options: AddinServerOptions): AddinServer {
  const logger = options.logger ?? console;
  const jiraUrl = options.jiraUrl === undefined ? undefined : normaliseJiraUrl(options.jiraUrl);
  // The pane signs over this URL: a trailing slash here would break every signature.
  const runtimeConfig = options.runtimeConfig && {
    ...options.runtimeConfig,
    jiraBaseUrl: normaliseJiraUrl(options.runtimeConfig.jiraBaseUrl, "runtimeConfig.jiraBaseUrl"),
  };
  let server: https.Server | undefined;
  let relay: JiraRelay | undefined;

  return {
    async listen() {
      if (server) {
        throw new Error("The add-in server is already listening.");
      }
      await assertDistDir(options.distDir);
      const jiraCa =
        options.jiraCaFile === undefined ? undefined : await readJiraCa(options.jiraCaFile);
      const credentials: Pick<
        TlsCredentials,
        "cert" | "key" | "ca" | "source" | "certFile" | "validTo"
      > = options.tls
        ? {
            ...options.tls,
            source: "provided",
            validTo: new Date(new X509Certificate(options.tls.cert).validTo),
          }
        : await loadTlsCredentials({
            ...(options.tlsCertFile === undefined ? {} : { certFile: options.tlsCertFile }),
            ...(options.tlsKeyFile === undefined ? {} : { keyFile: options.tlsKeyFile }),
            ...(options.officeDevCerts === undefined
              ? {}
              : { officeDevCerts: options.officeDevCerts }),
            generatedCertDir: options.generatedCertDir ?? path.join(REPO_ROOT, ".certs"),
            warn: (message) => logger.warn(message),
          });

      relay = createJiraRelay({
        jiraUrl,
        ...(jiraCa === undefined ? {} : { ca: jiraCa }),
        ...(options.relayMaxBodyBytes === undefined
          ? {}
          : { maxBodyBytes: options.relayMaxBodyBytes }),
        ...(options.relayTimeoutMs === undefined ? {} : { timeoutMs: options.relayTimeoutMs }),
        logger,
      });
      const app = buildApp(
        { ...options, ...(runtimeConfig === undefined ? {} : { runtimeConfig }) },
        relay,
        logger
      );
      const httpsServer = https.createServer(
        {
          cert: credentials.cert,
          key: credentials.key,
          ...(credentials.ca ? { ca: credentials.ca } : {}),
          requestTimeout: ADDIN_SERVER_REQUEST_TIMEOUT_MS,
        },
        app
      );
      await new Promise<void>((resolve, reject) => {
        httpsServer.once("error", reject);
        httpsServer.listen(options.port ?? 3000, options.host ?? "localhost", () => {
          httpsServer.off("error", reject);
          resolve();
        });
      }).catch((error: unknown) => {
        relay?.close();
        throw error;
      });
      server = httpsServer;
      const port = (httpsServer.address() as AddressInfo).port;
      return {
        url: options.addinUrl?.replace(/\/+$/, "") ?? `https://localhost:${port}`,
        port,
        certificate: {
          source: credentials.source,
          validTo: credentials.validTo,
          ...(credentials.certFile === undefined ? {} : { certFile: credentials.certFile }),
        },
      };
    },

    async close() {
      const closing = server;
      server = undefined;
      relay?.close();
      if (!closing) {
        return;
      }
      await new Promise<void>((resolve) => {
        // Idle keep-alive connections would hold close() open forever; busy ones get a grace period.
        const cutOff = setTimeout(
          () => closing.closeAllConnections(),
          options.shutdownGraceMs ?? 3000
        );
        cutOff.unref();
        closing.close(() => {
          clearTimeout(cutOff);
          resolve();
        });
        closing.closeIdleConnections();
      });
    },
  };
}

function buildApp(options: AddinServerOptions, relay: JiraRelay, logger: ServerLogger): Express {
  const app = express();
  app.disable("x-powered-by");
  // First, so every answer carries the Content-Security-Policy: pages, files, 404s, relayed Jira.
  app.use(
    createSecurityHeaders(
      options.contentSecurityPolicy === undefined
        ? {}
        : { contentSecurityPolicy: options.contentSecurityPolicy }
    )
  );

  // Only origin-form request targets ("/path?query"). An absolute-form target
  // ("GET http://evil.example/x HTTP/1.1", meant for forward proxies) or "*" is refused outright,
  // so no request can even suggest another host to the relay.
  app.use((req, res, next) => {
    if (!req.url.startsWith("/") || req.url.startsWith("//")) {
      res
        .status(400)
        .type("text/plain")
        .setHeader("Cache-Control", NO_CACHE)
        .send("Bad request target.\n");
      return;
    }
    next();
  });

  // Before the static files: /jira/* is never looked up in dist/. No body parser anywhere in
  // front of it, so uploads stream through.
  app.use(JIRA_RELAY_PATH, relay.router);
  // Before the static files: a generated configuration wins over a file left in dist/, and either
  // is served with no-store.
  app.use(
    createRuntimeConfigRoute({
      distDir: options.distDir,
      preview: options.preview ?? false,
      ...(options.runtimeConfig === undefined ? {} : { runtimeConfig: options.runtimeConfig }),
    })
  );
  app.use(createStaticFiles({ distDir: options.distDir, preview: options.preview ?? false }));

  app.use((_req, res) => {
    res.status(404).type("text/plain").setHeader("Cache-Control", NO_CACHE).send("Not found.\n");
  });
  app.use(createErrorHandler(logger));
  return app;
}

/** Answers errors as plain text without stack traces (Express' default shows them outside production). */
function createErrorHandler(logger: ServerLogger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const candidate = (error as { status?: unknown; statusCode?: unknown }) ?? {};
    const given = Number(candidate.status ?? candidate.statusCode);
    const status = Number.isInteger(given) && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) {
      logger.error(
        `${req.method} ${req.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      );
    }
    res
      .status(status)
      .type("text/plain")
      .setHeader("Cache-Control", NO_CACHE)
      .send(status >= 500 ? "Internal server error.\n" : "Bad request.\n");
  };
}

async function assertDistDir(distDir: string): Promise<void> {
  const info = await stat(distDir).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new ConfigError(
      "dist_missing",
      `The built add-in folder ${distDir} does not exist: run npm run build first (or set DIST_DIR / --dist).`
    );
  }
}

async function readJiraCa(file: string): Promise<string> {
  try {
    const pem = await readFile(file, "utf8");
    if (!pem.includes("-----BEGIN CERTIFICATE-----")) {
      throw new Error("no PEM certificate in it");
    }
    return pem;
  } catch (error) {
    throw new ConfigError(
      "jira_ca_unreadable",
      `JIRA_CA_FILE ${file} cannot be used: ${(error as Error).message}.`,
      {
        cause: error,
      }
    );
  }
}
