/**
 * Serves the pane's runtime configuration (addin-config.json, see src/config/runtime-config.ts):
 * generated from the server's own settings when it has them (`npm start` with the built-in
 * simulator, or JIRA_URL + JIRA_CONSUMER_KEY + JIRA_PRIVATE_KEY_FILE), else the file an
 * administrator put into dist/. Either way with `Cache-Control: no-store`, so a changed
 * configuration reaches the next pane load rather than whenever a cache lets go of the old one.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import express from "express";
import type { RequestHandler, Router } from "express";
import { ConfigError } from "../config/config-error";
import { RUNTIME_CONFIG_FILE, runtimeConfigDocument } from "../config/runtime-config";
import { readPrivateKeyPem } from "../oauth/private-key-pem";
import { JIRA_RELAY_PATH } from "./jira-relay";
import { NO_STORE, normalisedRequestPath } from "./static-files";

/** The runtime configuration the server generates addin-config.json from. */
export interface ServedRuntimeConfig {
  /** Jira's base URL (the one the relay forwards to), without trailing slash. */
  jiraBaseUrl: string;
  /** Consumer Key of the add-in's application link in that Jira. */
  consumerKey: string;
  /** The consumer's RSA private key, PEM. */
  privateKeyPem: string;
}

/** Options of {@link createRuntimeConfigRoute}. */
export interface RuntimeConfigRouteOptions {
  /** The built add-in folder; its addin-config.json is served when `runtimeConfig` is not given. */
  distDir: string;
  /** Also answer at `/preview/addin-config.json`, beside the preview's pane and callback pages. */
  preview: boolean;
  /** Generate the file from these values instead of serving dist/'s. */
  runtimeConfig?: ServedRuntimeConfig;
}

/**
 * Returns a router answering GET and HEAD for `/addin-config.json` (and, with `preview`,
 * `/preview/addin-config.json`), however the path is spelled (`/addin%2Dconfig.json`,
 * `/x/../addin-config.json`, `/preview/%2e%2e/addin-config.json`): every spelling the static files
 * would resolve to the file gets the same answer, so a generated configuration can't be bypassed to
 * reach an older file left in dist/. Without `runtimeConfig` and without dist/addin-config.json the
 * request falls through (to the server's 404).
 */
export function createRuntimeConfigRoute(options: RuntimeConfigRouteOptions): Router {
  const router = express.Router();
  const paths = new Set([
    `/${RUNTIME_CONFIG_FILE}`,
    ...(options.preview ? [`/preview/${RUNTIME_CONFIG_FILE}`] : []),
  ]);
  const route = (handler: RequestHandler) =>
    router.use((req, res, next) => {
      const normalised = normalisedRequestPath(req.path)?.replace(/(.)\/+$/, "$1");
      if ((req.method === "GET" || req.method === "HEAD") && normalised && paths.has(normalised)) {
        // res.send and res.sendFile leave the body out for HEAD.
        handler(req, res, next);
        return;
      }
      next();
    });

  if (options.runtimeConfig) {
    // relayUrl absolute: the preview's pages read the file from /preview/, where the default
    // ("jira" beside the file) would point at /preview/jira.
    const body = `${JSON.stringify(
      runtimeConfigDocument({ ...options.runtimeConfig, relayUrl: JIRA_RELAY_PATH }),
      null,
      2
    )}\n`;
    route((_req, res) => {
      res
        .status(200)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .setHeader("Cache-Control", NO_STORE)
        .send(body);
    });
    return router;
  }

  // sendFile wants an absolute path.
  const file = path.resolve(options.distDir, RUNTIME_CONFIG_FILE);
  route((_req, res, next) => {
    res.sendFile(
      file,
      {
        cacheControl: false,
        headers: { "Cache-Control": NO_STORE },
      },
      (error?: Error & { status?: number; code?: string }) => {
        if (!error) {
          return;
        }
        if (!res.headersSent && (error.status === 404 || error.code === "ENOENT")) {
          next(); // no file: the static files, then the server's 404
          return;
        }
        next(error);
      }
    );
  });
  return router;
}

/** Options of {@link readServedRuntimeConfig}. */
export interface ReadServedRuntimeConfigOptions {
  jiraBaseUrl: string;
  consumerKey: string;
  /** The consumer's private key file. */
  privateKeyFile: string;
  /** How messages name the file's setting. Default `JIRA_PRIVATE_KEY_FILE`. */
  settingName?: string;
}

/**
 * Reads and checks the consumer's private key file at startup, so a wrong key stops the server
 * with a message naming the file rather than failing in every user's pane at the first request.
 * The PEM served is the private key block alone: anything else in the file (a certificate, say)
 * stays on the server.
 *
 * @throws {ConfigError} `private_key_unreadable`, or {@link servedRuntimeConfig}'s codes
 */
export async function readServedRuntimeConfig(
  options: ReadServedRuntimeConfigOptions
): Promise<ServedRuntimeConfig> {
  let text: string;
  try {
    text = await readFile(options.privateKeyFile, "utf8");
  } catch (cause) {
    throw new ConfigError(
      "private_key_unreadable",
      `${keyFilePrefix(options)}cannot be read (${(cause as Error).message}). Give the path of the consumer's private key PEM file, readable by the user running the server.`,
      { cause }
    );
  }
  return servedRuntimeConfig(options, text);
}

/**
 * {@link readServedRuntimeConfig} for a key file whose text was read already (the built-in
 * simulator's, which startLocalJiraSimulator read or generated): the same checks and messages.
 *
 * @throws {ConfigError} readPrivateKeyPem's codes (`private_key_malformed`,
 *   `private_key_encrypted`, …), the message prefixed with the setting and file
 */
export function servedRuntimeConfig(
  options: ReadServedRuntimeConfigOptions,
  privateKeyFileText: string
): ServedRuntimeConfig {
  let privateKeyPem: string;
  try {
    privateKeyPem = readPrivateKeyPem(privateKeyFileText).pem;
  } catch (cause) {
    if (cause instanceof ConfigError) {
      throw new ConfigError(cause.code, `${keyFilePrefix(options)}${cause.message}`, { cause });
    }
    throw cause;
  }
  return { jiraBaseUrl: options.jiraBaseUrl, consumerKey: options.consumerKey, privateKeyPem };
}

function keyFilePrefix(options: ReadServedRuntimeConfigOptions): string {
  return `${options.settingName ?? "JIRA_PRIVATE_KEY_FILE"} ${options.privateKeyFile}: `;
}
