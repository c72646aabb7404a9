/**
 * The admin CLI (`npm run admin -- <command>`): commander parses, each command module does the
 * work. Every shared option also comes from its environment variable (admin-settings.ts); secrets
 * (the private key, the token secret, signatures) are never printed unless asked for.
 *
 * Exit codes: 0 when the command did what it says (doctor: no FAIL; request: HTTP < 400), 1 otherwise.
 */
import { readFileSync } from "node:fs";
import type { Readable } from "node:stream";
import { Command, Option } from "commander";
import { ConfigError } from "../config/config-error";
import { AdminError } from "./admin-error";
import {
  SETTINGS,
  addinUrlSetting,
  connectionSettings,
  optionalSetting,
  readPrivateKeyFile,
  requiredSetting,
} from "./admin-settings";
import type { ConnectionOptions, SettingSpec } from "./admin-settings";
import { allPassed, formatCheck } from "./check-result";
import { checkManifestVersion, writeDeploymentConfig } from "./config-command";
import { runDoctor } from "./doctor-command";
import {
  DEFAULT_CONSUMER_NAME,
  DEFAULT_KEYS_DIR,
  applicationLinkInstructions,
  newConsumerKey,
  writeApplicationLinkKeys,
} from "./keys-command";
import { runLogin } from "./login-command";
import { officeSchemasDir } from "./manifest-validation";
import { runRequest } from "./request-command";
import { requestTarget } from "./request-target";

/** Where the CLI writes and reads; process's streams in main.ts. */
export interface AdminIo {
  out: (text: string) => void;
  err: (text: string) => void;
  stdin: Readable;
  env: Readonly<Record<string, string | undefined>>;
}

/** Runs the CLI for `argv` (process.argv) and resolves with the exit code. */
export async function runAdminCli(argv: readonly string[], io: AdminIo): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if ((error as { code?: unknown }).code === "commander.helpDisplayed") return 0;
    if (typeof (error as { exitCode?: unknown }).exitCode === "number") {
      return (error as { exitCode: number }).exitCode;
    }
    io.err(`error: ${messageOf(error)}\n`);
    return 1;
  }
  return exitCode;
}

function buildProgram(io: AdminIo, setExitCode: (code: number) => void): Command {
  const program = new Command()
    .name("npm run admin --")
    .description(
      "Admin kit of Jira for Outlook: the application link's keys, the deployment's configuration, " +
        "a doctor for the link, and signed requests to Jira as the add-in makes them."
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError("(add --help for the options)");

  const envOption = (spec: SettingSpec, description = spec.description) =>
    new Option(spec.flag, description).env(spec.env);
  const connectionOptions = (command: Command): Command =>
    command
      .addOption(envOption(SETTINGS.jira))
      .addOption(envOption(SETTINGS.consumerKey))
      .addOption(envOption(SETTINGS.privateKey));
  // Each action's failures become one "error: …" line and exit code 1.
  const action =
    <A extends unknown[]>(run: (...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> => {
      try {
        setExitCode(await run(...args));
      } catch (error) {
        io.err(`error: ${messageOf(error)}\n`);
        setExitCode(1);
      }
    };

  program
    .command("keys")
    .description(
      "Make the application link's RSA key pair and consumer key, and print what to enter in Jira"
    )
    .option("--out <dir>", "folder for jira-private.pem and jira-public.pem", DEFAULT_KEYS_DIR)
    .option("--force", "replace an existing private key in that folder")
    .addOption(
      envOption(
        SETTINGS.consumerKey,
        "the consumer key to use (default: jira-for-outlook-<random>)"
      )
    )
    .option(
      "--consumer-name <name>",
      "the name users see on Jira's Allow page",
      DEFAULT_CONSUMER_NAME
    )
    .addOption(envOption(SETTINGS.addinUrl, "the add-in's URL, entered as the link's URL"))
    .action(
      action(
        async (options: {
          out: string;
          force?: boolean;
          consumerKey?: string;
          consumerName: string;
          addinUrl?: string;
        }) => {
          const addinUrl = optionalSetting(options.addinUrl);
          const keys = await writeApplicationLinkKeys({
            outDir: options.out,
            consumerKey: optionalSetting(options.consumerKey) ?? newConsumerKey(),
            force: options.force ?? false,
          });
          io.out(
            `${applicationLinkInstructions({
              ...keys,
              consumerName: options.consumerName,
              ...(addinUrl === undefined ? {} : { linkUrl: addinUrlSetting(addinUrl) }),
            })}\n\nNext: npm run build, then\n  npm run admin -- config --jira <Jira base URL> --consumer-key ${keys.consumerKey} ` +
              `--private-key ${keys.privateKeyFile} --addin-url ${addinUrl ?? "<add-in URL>"}\n`
          );
          return 0;
        }
      )
    );

  connectionOptions(
    program
      .command("config")
      .description(
        "Write addin-config.json (the pane's runtime configuration) and manifest.xml for the add-in's URL"
      )
  )
    .addOption(
      envOption(
        SETTINGS.addinUrl,
        `${SETTINGS.addinUrl.description} (default https://localhost:3000)`
      )
    )
    .option("--out <dir>", "the built add-in folder to write into", "dist")
    .option(
      "--relay-url <path>",
      'where the pane finds the relay to Jira (default "jira" beside addin-config.json)'
    )
    .option(
      "--manifest-version <a.b.c.d>",
      "the manifest's version (default from package.json); raise it for every update"
    )
    .action(
      action(
        async (
          options: ConnectionOptions & {
            addinUrl?: string;
            out: string;
            relayUrl?: string;
            manifestVersion?: string;
          }
        ) => {
          const settings = connectionSettings(options);
          const addinUrl = optionalSetting(options.addinUrl);
          const key = await readPrivateKeyFile(settings.privateKeyFile);
          const written = await writeDeploymentConfig({
            jiraUrl: settings.jiraUrl,
            consumerKey: settings.consumerKey,
            privateKeyPem: key.pem,
            ...(addinUrl === undefined ? {} : { addinUrl: addinUrlSetting(addinUrl) }),
            ...(options.relayUrl === undefined ? {} : { relayUrl: options.relayUrl }),
            ...(options.manifestVersion === undefined
              ? {}
              : { manifestVersion: checkManifestVersion(options.manifestVersion) }),
            outDir: options.out,
            schemasDir: officeSchemasDir(io.env),
          });
          const validation =
            written.validation.status === "valid"
              ? "validated against Microsoft's schema"
              : `not validated: ${written.validation.status === "skipped" ? written.validation.reason : ""}`;
          io.out(
            [
              `Wrote ${written.configFile} (Jira ${settings.jiraUrl}, consumer key ${settings.consumerKey}).`,
              `Wrote ${written.manifestFile} for ${written.addinUrl}, version ${written.manifestVersion}; ${validation}.`,
              ...(addinUrl === undefined
                ? [
                    "  It is for a test on this computer: give --addin-url (or ADDIN_URL) for a deployment.",
                  ]
                : []),
              ...(written.withoutBuild
                ? [
                    `Note: ${options.out} has no taskpane.html. Run npm run build first: the build empties dist/, so write the configuration after it.`,
                  ]
                : []),
              "",
              `Warning: ${written.configFile} holds the link's private key, and the add-in host serves it to every`,
              "Outlook that loads the add-in: the pane signs in the browser, so it needs the key. That is safe only",
              "while 2-legged OAuth (and impersonation) stay OFF on the link: then the key alone reads nothing,",
              "every request also needs a user's own token (docs/security.md). Check it with the doctor command.",
              "",
              "Next: host the folder with the /jira relay (docs/deployment.md), then",
              `  npm run admin -- doctor --jira ${settings.jiraUrl} --consumer-key ${settings.consumerKey} ` +
                `--private-key ${settings.privateKeyFile} --addin-url ${written.addinUrl}`,
              "",
            ].join("\n")
          );
          return 0;
        }
      )
    );

  connectionOptions(
    program
      .command("doctor")
      .description(
        "Check the link and the deployment: one line per check, OK or FAIL with the fix; exit 0 only when none fails"
      )
  )
    .addOption(
      envOption(
        SETTINGS.addinUrl,
        "also check the add-in host there: its page, configuration and relay"
      )
    )
    .option("--json", "print the results as JSON")
    .option("--timeout <seconds>", "time limit of each request", "15")
    .action(
      action(
        async (
          options: ConnectionOptions & { addinUrl?: string; json?: boolean; timeout: string }
        ) => {
          const settings = connectionSettings(options);
          const addinUrl = optionalSetting(options.addinUrl);
          const seconds = Number(options.timeout);
          if (!Number.isFinite(seconds) || seconds <= 0) {
            throw new AdminError(
              "option_invalid",
              `--timeout "${options.timeout}" must be a number of seconds above 0.`
            );
          }
          const results = await runDoctor({
            ...settings,
            ...(addinUrl === undefined ? {} : { addinUrl: addinUrlSetting(addinUrl) }),
            timeoutMs: seconds * 1000,
            ...(options.json ? {} : { onResult: (result) => io.out(`${formatCheck(result)}\n`) }),
          });
          if (options.json) {
            io.out(`${JSON.stringify({ passed: allPassed(results), checks: results }, null, 2)}\n`);
          }
          return allPassed(results) ? 0 : 1;
        }
      )
    );

  connectionOptions(
    program
      .command("login")
      .description(
        "Sign in as a Jira user in the terminal (OAuth with oauth_callback=oob): prints the authorize URL, " +
          "reads the verification code from standard input, prints the access token"
      )
  )
    .option("--show-secret", "also print the token secret (RSA-SHA1 signatures don't use it)")
    .action(
      action(async (options: ConnectionOptions & { showSecret?: boolean }) => {
        const settings = connectionSettings(options);
        const key = await readPrivateKeyFile(settings.privateKeyFile);
        await runLogin({
          ...settings,
          privateKeyPem: key.pem,
          showSecret: options.showSecret ?? false,
          input: io.stdin,
          out: (line) => io.out(`${line}\n`),
        });
        return 0;
      })
    );

  connectionOptions(
    program
      .command("request")
      .description(
        "One signed REST call as the user of --token: prints the status line and the body; exit 1 on HTTP >= 400"
      )
      .argument("<method>", "GET, POST, PUT, DELETE or PATCH")
      .argument(
        "<path>",
        'below Jira\'s base URL, with a query if you like: "/rest/api/2/search?jql=project = SUP"'
      )
  )
    .addOption(envOption(SETTINGS.token))
    .option("--data <json>", "JSON body (or @file to read it from a file)")
    .option(
      "--query <name=value>",
      "a query parameter, value taken literally (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[]
    )
    .option(
      "--via <relay-url>",
      "send through the add-in host's relay (e.g. https://outlook-addin.example.com/jira), signed over Jira's URL as the pane does"
    )
    .option("--verbose", "log each request and retry (redacted) to standard error")
    .action(
      action(
        async (
          method: string,
          rawPath: string,
          options: ConnectionOptions & {
            token?: string;
            data?: string;
            query: string[];
            via?: string;
            verbose?: boolean;
          }
        ) => {
          const settings = connectionSettings(options);
          const token = requiredSetting(options.token, SETTINGS.token);
          const data =
            options.data !== undefined && options.data.startsWith("@")
              ? readDataFile(options.data.slice(1))
              : options.data;
          const target = requestTarget(method, rawPath, {
            jiraUrl: settings.jiraUrl,
            query: options.query,
            ...(data === undefined ? {} : { data }),
          });
          const via = optionalSetting(options.via);
          const key = await readPrivateKeyFile(settings.privateKeyFile);
          return runRequest({
            ...(via === undefined ? {} : { via: relayUrlSetting(via) }),
            ...settings,
            privateKeyPem: key.pem,
            token,
            target,
            out: (text) => io.out(`${text}\n`),
            err: (text) => io.err(`${text}\n`),
            ...(options.verbose
              ? { logger: { debug: (line: string) => io.err(`${line}\n`) } }
              : {}),
          });
        }
      )
    );
  return program;
}

/** The relay's URL: absolute http(s), no query; trailing slashes dropped. */
function relayUrlSetting(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new AdminError(
      "option_invalid",
      `--via "${value}" is not an absolute URL, e.g. https://outlook-addin.example.com/jira.`,
      { cause }
    );
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search || url.hash) {
    throw new AdminError(
      "option_invalid",
      `--via "${value}" must be an http(s) URL without a query, e.g. https://outlook-addin.example.com/jira.`
    );
  }
  return url.href.replace(/\/+$/, "");
}

function readDataFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (cause) {
    throw new AdminError(
      "data_invalid",
      `--data @${file} cannot be read (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}).`,
      { cause }
    );
  }
}

/** AdminError and ConfigError messages are written for the admin; anything else is a bug: its stack helps. */
function messageOf(error: unknown): string {
  if (error instanceof AdminError || error instanceof ConfigError) {
    return error.message;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
