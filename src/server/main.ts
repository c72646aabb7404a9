/**
 * CLI entry of the add-in server: `npm start`, `npm run serve`, `npm run dev-server`
 * (`tsx src/server/main.ts [--preview]`). Reads the configuration, starts the server, prints
 * where it runs, and stops cleanly on Ctrl+C / SIGTERM.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError } from "../config/config-error";
import { RUNTIME_CONFIG_FILE } from "../config/runtime-config";
import { createAddinServer } from "./create-addin-server";
import type { AddinServerAddress } from "./create-addin-server";
import { OFFICE_DEV_CERT_PATHS } from "./dev-certificate";
import { JIRA_RELAY_PATH } from "./jira-relay";
import { startLocalJiraSimulator } from "./local-jira-simulator";
import type { LocalJiraSimulator } from "./local-jira-simulator";
import { MEGABYTE } from "./relay-settings";
import { readServedRuntimeConfig, servedRuntimeConfig } from "./runtime-config-route";
import type { ServedRuntimeConfig } from "./runtime-config-route";
import { SERVER_USAGE, readServerConfig } from "./server-config";
import type { ServerConfig } from "./server-config";

async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readServerConfig(process.env, process.argv.slice(2));
  } catch (error) {
    fail(error);
  }
  if (config.help) {
    process.stdout.write(SERVER_USAGE);
    return;
  }

  // `npm run serve` serves a build: a dist/ without the pane (an empty folder, the wrong one) would
  // start fine and then answer 404 to every Outlook. `--preview` is left alone: `npm run watch`
  // may still be writing its first build when the dev server starts.
  if (
    !config.preview &&
    existsSync(config.distDir) &&
    !existsSync(path.join(config.distDir, "taskpane.html"))
  ) {
    fail(
      new ConfigError(
        "dist_incomplete",
        `The built add-in folder ${config.distDir} has no taskpane.html: run npm run build first (or set DIST_DIR / --dist to the built folder).`
      )
    );
  }

  // `npm start` with no Jira configured: bring our own, so the preview works out of the box.
  let local: LocalJiraSimulator | undefined;
  if (config.preview && config.jiraUrl === undefined) {
    try {
      local = await startLocalJiraSimulator({
        keyDir: config.simulatorDir,
        port: config.simulatorPort,
      });
    } catch (error) {
      fail(error, "start the built-in Jira simulator");
    }
    config = { ...config, jiraUrl: local.simulator.url };
  }

  // Read before listening: a wrong key file stops the server here, naming the file, instead of
  // failing in every user's pane.
  let runtimeConfig: ServedRuntimeConfig | undefined;
  try {
    if (local) {
      runtimeConfig = servedRuntimeConfig(
        {
          jiraBaseUrl: local.simulator.url,
          consumerKey: local.keys.consumerKey,
          privateKeyFile: local.keys.privateKeyFile,
          settingName: "The built-in simulator's key file",
        },
        local.keys.privateKeyPem
      );
    } else if (
      config.jiraUrl !== undefined &&
      config.jiraConsumerKey !== undefined &&
      config.jiraPrivateKeyFile !== undefined
    ) {
      runtimeConfig = await readServedRuntimeConfig({
        jiraBaseUrl: config.jiraUrl,
        consumerKey: config.jiraConsumerKey,
        privateKeyFile: config.jiraPrivateKeyFile,
      });
    }
  } catch (error) {
    await local?.simulator.close();
    fail(error);
  }

  const server = createAddinServer({
    distDir: config.distDir,
    preview: config.preview,
    port: config.port,
    host: config.host,
    ...(config.addinUrl === undefined ? {} : { addinUrl: config.addinUrl }),
    ...(config.jiraUrl === undefined ? {} : { jiraUrl: config.jiraUrl }),
    ...(config.jiraCaFile === undefined ? {} : { jiraCaFile: config.jiraCaFile }),
    relayMaxBodyBytes: config.relayMaxBodyBytes,
    relayTimeoutMs: config.relayTimeoutMs,
    ...(runtimeConfig === undefined ? {} : { runtimeConfig }),
    ...(config.tlsCertFile === undefined ? {} : { tlsCertFile: config.tlsCertFile }),
    ...(config.tlsKeyFile === undefined ? {} : { tlsKeyFile: config.tlsKeyFile }),
  });

  let address: AddinServerAddress;
  try {
    address = await server.listen();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      fail(
        new Error(`port ${config.port} is in use: stop the other server or set PORT (or --port).`)
      );
    }
    if ((error as NodeJS.ErrnoException).code === "EACCES") {
      fail(
        new Error(
          `port ${config.port} on ${config.host} needs more privileges: choose a port above 1023 with PORT.`
        )
      );
    }
    fail(error);
  }

  printStartup(config, address, local, runtimeConfig);
  stopOnSignals(async () => {
    await server.close();
    await local?.simulator.close();
  });
}

function printStartup(
  config: ServerConfig,
  address: AddinServerAddress,
  local: LocalJiraSimulator | undefined,
  runtimeConfig: ServedRuntimeConfig | undefined
): void {
  const lines = [`Jira for Outlook add-in server: ${address.url}/`];
  if (config.preview) {
    lines.push(`Preview: ${address.url}/preview.html`);
  }
  if (local) {
    lines.push(
      `Jira simulator: ${local.simulator.url} (built in, because JIRA_URL is not set; sign in as Jane Doe)`,
      `  consumer key ${local.keys.consumerKey}, private key ${path.relative(process.cwd(), local.keys.privateKeyFile) || local.keys.privateKeyFile}` +
        (local.keys.generated ? " (generated now)" : "")
    );
  }
  lines.push(
    config.jiraUrl === undefined
      ? `Jira relay: not configured, ${JIRA_RELAY_PATH}/* answers 503 (set JIRA_URL to Jira's base URL)`
      : `Jira relay: ${JIRA_RELAY_PATH}/* -> ${config.jiraUrl}/*` +
          (config.jiraCaFile ? ` (trusting CA ${config.jiraCaFile})` : "")
  );
  if (config.jiraUrl !== undefined) {
    // Both limits in the administrator's units, so a 413 or 504 in a user's pane can be matched.
    lines.push(
      `  requests up to ${config.relayMaxBodyBytes / MEGABYTE} MB (RELAY_MAX_BODY_MB), ` +
        `Jira idle timeout ${config.relayTimeoutMs / 1000} s (RELAY_TIMEOUT_SECONDS)`
    );
  }
  // The consumer key is no secret (Jira shows it on the application link); the private key is.
  if (runtimeConfig) {
    lines.push(
      `Runtime configuration: ${address.url}/${RUNTIME_CONFIG_FILE} (Jira ${runtimeConfig.jiraBaseUrl}, consumer key ${runtimeConfig.consumerKey})`
    );
  } else {
    const distFile = path.join(config.distDir, RUNTIME_CONFIG_FILE);
    lines.push(
      existsSync(distFile)
        ? `Runtime configuration: ${displayPath(distFile)}`
        : `Runtime configuration: none (set JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE, or put ${RUNTIME_CONFIG_FILE} into dist/); the pane will say it is not configured`
    );
  }
  const { certificate } = address;
  const validTo = certificate.validTo.toISOString().slice(0, 10);
  switch (certificate.source) {
    case "configured":
    case "provided":
      lines.push(`Certificate: ${certificate.certFile ?? "provided"} (valid until ${validTo})`);
      break;
    case "office-addin-dev-certs":
      lines.push(
        `Certificate: office-addin-dev-certs' ${certificate.certFile} (valid until ${validTo})`
      );
      break;
    case "generated":
      lines.push(
        `Certificate: self-signed ${path.relative(process.cwd(), certificate.certFile ?? "") || certificate.certFile} (valid until ${validTo}).`,
        "  Outlook and browsers don't trust it. To fix that once: npx office-addin-dev-certs install",
        `  then restart this server; it will use ${OFFICE_DEV_CERT_PATHS.certFile}.`
      );
      break;
  }
  lines.push("Press Ctrl+C to stop.");
  console.log(lines.join("\n"));
}

/** Relative to the working folder when inside it (`dist/addin-config.json`), else absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative)
    ? file
    : relative;
}

function stopOnSignals(close: () => Promise<void>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.exit(1); // second Ctrl+C: don't wait for running requests
    }
    stopping = true;
    console.log(`\n${signal}: stopping the add-in server...`);
    close().then(
      () => process.exit(0),
      (error: unknown) => fail(error, "stop cleanly")
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function fail(error: unknown, what = "start"): never {
  const message =
    error instanceof ConfigError ||
    (error instanceof Error && !(error as NodeJS.ErrnoException).code)
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  console.error(`Jira for Outlook add-in server could not ${what}: ${message}`);
  process.exit(1);
}

void main();
