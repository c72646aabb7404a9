/**
 * CLI of the Jira simulator: `npm run simulator -- [options]` (tsx src/simulator/main.ts).
 * Prints where it listens, each trusted consumer and where the fault controls are; stops on
 * Ctrl+C / SIGTERM. Bad input ends it at once with one line naming the flag to fix.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { normaliseBaseUrl, startJiraSimulator } from "./create-jira-simulator";
import type { JiraSimulatorConsumer, RunningJiraSimulator } from "./create-jira-simulator";
import { CONTROL_PATH } from "./faults/control-routes";
import { validateSettingsPatch } from "./faults/settings-patch";
import type { SimulatorSettingsPatch } from "./faults/settings-patch";
import { SimulatorInputError } from "./faults/simulator-input-error";
import { parseConsumerPublicKey } from "./oauth/consumer-registry";

const DEFAULT_PORT = 2990; // the port of Atlassian's own dev Jira (atlas-run)

const USAGE = `Usage: npm run simulator -- [options]

A Jira Server stand-in with an OAuth 1.0a application link (RSA-SHA1), for development and tests.

Options:
  --port <p>                       Port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --consumer <key>=<public.pem>    Trust a consumer: its key and the PEM file of its PUBLIC key
                                   (repeatable; also addable later: POST /__sim/consumers)
  --base-url <url>                 The URL Jira believes it lives at (signatures are verified over
                                   it); a path such as http://localhost:2990/jira is the context path
  --upload-limit <bytes>           Attachment size limit (default 10485760)
  --two-legged                     Allow 2-legged OAuth (signed requests without a token run as the
                                   service user). Never do this on a real Jira.
  --jira-version <x.y.z>           Version serverInfo reports (default 9.12.2)
  --help                           Show this help
`;

/** The parsed command line. */
interface SimulatorCli {
  help: boolean;
  port: number;
  baseUrl?: string;
  consumers: (JiraSimulatorConsumer & { file: string })[];
  settings: SimulatorSettingsPatch;
}

/** Fails with one line: the flag and what to do. */
class CliError extends Error {}

function readFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      consumer: { type: "string", multiple: true },
      "base-url": { type: "string" },
      "upload-limit": { type: "string" },
      "two-legged": { type: "boolean" },
      "jira-version": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
}

function parseCli(argv: string[]): SimulatorCli {
  let values: ReturnType<typeof readFlags>;
  try {
    values = readFlags(argv);
  } catch (error) {
    throw new CliError(`${(error as Error).message.split("\n")[0]} (see --help)`);
  }
  if (values.help) {
    return { help: true, port: DEFAULT_PORT, consumers: [], settings: {} };
  }

  const port = values.port === undefined ? DEFAULT_PORT : wholeNumber("--port", values.port);
  if (port > 65535) {
    throw new CliError(`--port must be from 0 to 65535 (got "${values.port}").`);
  }

  let baseUrl: string | undefined;
  if (values["base-url"] !== undefined) {
    try {
      baseUrl = normaliseBaseUrl(values["base-url"]);
    } catch (error) {
      throw new CliError(`--base-url ${(error as Error).message}`);
    }
  }

  const settings: SimulatorSettingsPatch = {};
  if (values["upload-limit"] !== undefined) {
    settings.uploadLimitBytes = wholeNumber("--upload-limit", values["upload-limit"]);
  }
  if (values["jira-version"] !== undefined) {
    settings.version = checked("--jira-version", { version: values["jira-version"] }).version;
  }
  if (values["two-legged"]) {
    settings.twoLeggedOAuth = true;
  }

  const consumers = (values.consumer ?? []).map(readConsumer);
  return { help: false, port, ...(baseUrl ? { baseUrl } : {}), consumers, settings };
}

/** Runs the settings validation on one flag's value so the error names the flag. */
function checked(flag: string, patch: SimulatorSettingsPatch): SimulatorSettingsPatch {
  try {
    return validateSettingsPatch(patch);
  } catch (error) {
    if (error instanceof SimulatorInputError) {
      throw new CliError(`${flag} ${error.problem}.`);
    }
    throw error;
  }
}

function wholeNumber(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new CliError(`${flag} must be a whole number (got "${text}").`);
  }
  return Number(text);
}

function readConsumer(argument: string): JiraSimulatorConsumer & { file: string } {
  const equals = argument.indexOf("=");
  if (equals <= 0 || equals === argument.length - 1) {
    throw new CliError(`--consumer must be <consumer-key>=<public-key.pem> (got "${argument}").`);
  }
  const consumerKey = argument.slice(0, equals);
  const file = argument.slice(equals + 1);
  let publicKeyPem: string;
  try {
    publicKeyPem = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(
      `--consumer ${consumerKey}: can't read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`
    );
  }
  try {
    parseConsumerPublicKey(publicKeyPem);
  } catch (error) {
    throw new CliError(`--consumer ${consumerKey}: ${file} ${(error as Error).message}.`);
  }
  return { consumerKey, publicKeyPem, name: consumerKey, file };
}

async function main(): Promise<void> {
  let cli: SimulatorCli;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (error) {
    fail(error);
  }
  if (cli.help) {
    process.stdout.write(USAGE);
    return;
  }

  let simulator: RunningJiraSimulator;
  try {
    simulator = await startJiraSimulator({
      port: cli.port,
      host: "127.0.0.1",
      ...(cli.baseUrl ? { baseUrl: cli.baseUrl } : {}),
      consumers: cli.consumers.map(({ consumerKey, publicKeyPem, name }) => ({
        consumerKey,
        publicKeyPem,
        ...(name ? { name } : {}),
      })),
      settings: cli.settings,
      log: (line) => console.log(line),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      fail(
        new CliError(
          `--port ${cli.port} is in use: stop the other server or choose another --port.`
        )
      );
    }
    if (code === "EACCES") {
      fail(new CliError(`--port ${cli.port} needs more privileges: choose a port above 1023.`));
    }
    fail(error);
  }

  const contextPath = new URL(simulator.settings.baseUrl).pathname.replace(/\/$/, "");
  const lines = [`Jira simulator listening on ${simulator.url}`];
  if (simulator.settings.baseUrl !== simulator.url) {
    lines.push(`Base URL (signatures are verified over it): ${simulator.settings.baseUrl}`);
  }
  for (const consumer of cli.consumers) {
    lines.push(`Consumer key: ${consumer.consumerKey} (public key ${consumer.file})`);
  }
  if (cli.consumers.length === 0) {
    lines.push(
      `No consumer yet: add one with --consumer <key>=<public.pem> or POST ${CONTROL_PATH}/consumers`
    );
  }
  if (simulator.settings.twoLeggedOAuth) {
    lines.push("2-legged OAuth is ON: signed requests without a token run as the service user.");
  }
  lines.push(
    `Fault controls: ${simulator.url}${contextPath}${CONTROL_PATH}/state (reset, settings, faults, revoke-tokens, consumers)`
  );
  lines.push("Press Ctrl+C to stop.");
  console.log(lines.join("\n"));
  stopOnSignals(simulator);
}

function stopOnSignals(simulator: RunningJiraSimulator): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.exit(1); // second Ctrl+C: don't wait
    }
    stopping = true;
    console.log(`${signal}: stopping the Jira simulator...`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => fail(error)
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

function fail(error: unknown): never {
  const message =
    error instanceof CliError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  console.error(`Jira simulator: ${message}`);
  process.exit(1);
}

void main();
