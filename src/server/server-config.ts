/**
 * The add-in server's configuration: environment variables and command-line flags, validated once
 * at startup so a wrong value fails with a message that names the setting to fix.
 *
 * `readServerConfig` is pure (no file system, no process globals) so every rule is unit-testable;
 * files named here (certificates, dist/) are read later, by `createAddinServer().listen()`.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError } from "../config/config-error";
import { normaliseAddinUrl, normaliseJiraUrl } from "../config/urls";
import {
  DEFAULT_RELAY_MAX_BODY_BYTES,
  DEFAULT_RELAY_TIMEOUT_MS,
  parseRelayMaxBodyMb,
  parseRelayTimeoutSeconds,
} from "./relay-settings";

export { ConfigError, normaliseJiraUrl };

/** The validated settings of one add-in server process. */
export interface ServerConfig {
  /** TCP port to listen on; 0 picks a free port (tests, e2e). Env `PORT`, flag `--port`. Default 3000. */
  port: number;
  /** Address to bind. Env `HOST`, flag `--host`. Default `localhost` (not reachable from other machines). */
  host: string;
  /**
   * The public https URL the add-in is served from (no trailing slash). Env `ADDIN_URL`, flag `--addin-url`.
   * Undefined means `https://localhost:<actual port>`, worked out once the port is known (port 0).
   */
  addinUrl: string | undefined;
  /** Jira's base URL, incl. any context path, without trailing slash. Env `JIRA_URL`, flag `--jira-url`. */
  jiraUrl: string | undefined;
  /**
   * Consumer Key of the add-in's application link in the Jira at `jiraUrl`; with
   * `jiraPrivateKeyFile` the server serves the pane's runtime configuration (addin-config.json).
   * Env `JIRA_CONSUMER_KEY`, flag `--consumer-key`. Both or neither, and only with `jiraUrl`.
   */
  jiraConsumerKey: string | undefined;
  /** PEM file of that consumer's RSA private key (absolute). Env `JIRA_PRIVATE_KEY_FILE`, flag `--private-key-file`. */
  jiraPrivateKeyFile: string | undefined;
  /** PEM file of a private CA to trust for Jira's certificate. Env `JIRA_CA_FILE`, flag `--jira-ca`. */
  jiraCaFile: string | undefined;
  /**
   * Largest request body the `/jira` relay passes to Jira, in bytes (an email with its attachments).
   * Env `RELAY_MAX_BODY_MB`, flag `--relay-max-body-mb`, in whole megabytes. Default 100 MB
   * ({@link DEFAULT_RELAY_MAX_BODY_BYTES}).
   */
  relayMaxBodyBytes: number;
  /**
   * How long the relay waits for Jira to send or take a byte before answering 504, in ms.
   * Env `RELAY_TIMEOUT_SECONDS`, flag `--relay-timeout`, in whole seconds. Default 120 s
   * ({@link DEFAULT_RELAY_TIMEOUT_MS}).
   */
  relayTimeoutMs: number;
  /** PEM certificate (chain) to serve. Env `TLS_CERT_FILE`, flag `--cert`. Both or neither with the key. */
  tlsCertFile: string | undefined;
  /** PEM private key to serve. Env `TLS_KEY_FILE`, flag `--key`. */
  tlsKeyFile: string | undefined;
  /** The built add-in folder. Env `DIST_DIR`, flag `--dist`. Default `<repo>/dist`. */
  distDir: string;
  /** Serve the dev-only Outlook stand-in (`/preview.html`, `/preview/*`). Flag `--preview`. */
  preview: boolean;
  /**
   * Port of the built-in Jira simulator, started with `--preview` when no Jira URL is set.
   * Env `JIRA_SIMULATOR_PORT`, flag `--simulator-port`. Default 2990; 0 = any free port.
   */
  simulatorPort: number;
  /** Folder of the simulator's generated consumer key pair. Env `JIRA_SIMULATOR_DIR`. Default `<repo>/.local/simulator`. */
  simulatorDir: string;
  /** `--help` was given: print {@link SERVER_USAGE} instead of starting. */
  help: boolean;
}

/** Defaults that depend on where the code lives; injectable for tests. */
export interface ServerConfigDefaults {
  /** Repository root; `dist/` is resolved against it. */
  repoRoot: string;
}

/** The repository root, two folders above this file (src/server/). */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** Default port; manifest.xml is written for https://localhost:3000. */
export const DEFAULT_PORT = 3000;

/** Default port of the built-in Jira simulator: Jira's own development port (Atlassian SDK). */
export const DEFAULT_SIMULATOR_PORT = 2990;

/** Help text for `tsx src/server/main.ts --help`. */
export const SERVER_USAGE = `Usage: tsx src/server/main.ts [options]

Serves the built add-in (dist/) over HTTPS and relays /jira/* to Jira.

Options (each overrides its environment variable):
  --port <n>         PORT           port to listen on, 0 = any free port (default 3000)
  --host <address>   HOST           address to bind (default localhost)
  --addin-url <url>  ADDIN_URL      public https URL of the add-in (default https://localhost:<port>)
  --jira-url <url>   JIRA_URL       Jira base URL incl. context path, e.g. https://jira.example.com/jira
  --jira-ca <file>   JIRA_CA_FILE   PEM file of a private CA that signed Jira's certificate
  --relay-max-body-mb <n>  RELAY_MAX_BODY_MB      largest request (an email with its attachments)
                                                  relayed to Jira, in MB, 1-10240 (default 100)
  --relay-timeout <s>      RELAY_TIMEOUT_SECONDS  seconds Jira may send or take nothing before the
                                                  relay answers 504, 1-3600 (default 120)
  --consumer-key <key>       JIRA_CONSUMER_KEY      Consumer Key of the add-in's application link in
                                                    the Jira at JIRA_URL
  --private-key-file <file>  JIRA_PRIVATE_KEY_FILE  PEM file of that consumer's RSA private key
                                    With both, the pane's configuration is served as /addin-config.json;
                                    without, dist/addin-config.json if the administrator put one there
  --cert <file>      TLS_CERT_FILE  PEM certificate to serve (production)
  --key <file>       TLS_KEY_FILE   PEM private key to serve (production)
  --dist <dir>       DIST_DIR       built add-in folder (default <repo>/dist)
  --preview                         also serve the dev-only Outlook stand-in (/preview.html);
                                    without a Jira URL, also start the built-in Jira simulator
  --simulator-port <n>  JIRA_SIMULATOR_PORT  the simulator's port (default 2990, 0 = any free port)
                        JIRA_SIMULATOR_DIR   folder of its generated key pair (default <repo>/.local/simulator)
  --help                            show this text
`;

/**
 * Reads and validates the server configuration from `env` and command-line `argv`
 * (`process.argv.slice(2)`). Flags win over environment variables.
 *
 * @throws {ConfigError} with a `code` (`option_invalid`, `port_invalid`, `host_invalid`,
 *   `addin_url_invalid`, `jira_url_invalid`, `tls_files_incomplete`, `consumer_incomplete`,
 *   `consumer_without_jira`, `relay_max_body_invalid`, `relay_timeout_invalid`) and a message
 *   naming the setting.
 */
export function readServerConfig(
  env: Readonly<Record<string, string | undefined>>,
  argv: readonly string[],
  defaults: ServerConfigDefaults = { repoRoot: REPO_ROOT }
): ServerConfig {
  const flags = parseFlags(argv);
  const pick = (flag: string | undefined, name: string): string | undefined => {
    const value = flag ?? env[name];
    // An empty variable (`JIRA_URL=` in a .env file) means "not set", not "set to nothing".
    return value === undefined || value.trim() === "" ? undefined : value.trim();
  };

  const port = parsePort(pick(flags.port, "PORT"), flags.port !== undefined ? "--port" : "PORT");
  const host = pick(flags.host, "HOST") ?? "localhost";
  if (/[\s/]/.test(host)) {
    throw new ConfigError(
      "host_invalid",
      `HOST "${host}" must be a host name or IP address to bind, e.g. localhost or 0.0.0.0.`
    );
  }

  const addinUrlValue = pick(flags["addin-url"], "ADDIN_URL");
  const jiraUrlValue = pick(flags["jira-url"], "JIRA_URL");
  const tlsCertFile = pick(flags.cert, "TLS_CERT_FILE");
  const tlsKeyFile = pick(flags.key, "TLS_KEY_FILE");
  if ((tlsCertFile === undefined) !== (tlsKeyFile === undefined)) {
    throw new ConfigError(
      "tls_files_incomplete",
      "TLS_CERT_FILE and TLS_KEY_FILE (--cert/--key) must be set together: give both, or neither to use a development certificate."
    );
  }
  const jiraConsumerKey = pick(flags["consumer-key"], "JIRA_CONSUMER_KEY");
  const jiraPrivateKeyFile = pick(flags["private-key-file"], "JIRA_PRIVATE_KEY_FILE");
  if ((jiraConsumerKey === undefined) !== (jiraPrivateKeyFile === undefined)) {
    throw new ConfigError(
      "consumer_incomplete",
      "JIRA_CONSUMER_KEY and JIRA_PRIVATE_KEY_FILE (--consumer-key/--private-key-file) must be set together: " +
        "give both to serve the pane its configuration, or neither."
    );
  }
  if (jiraConsumerKey !== undefined && jiraUrlValue === undefined) {
    // Without JIRA_URL, --preview starts the simulator, which trusts only its own generated key.
    throw new ConfigError(
      "consumer_without_jira",
      "JIRA_CONSUMER_KEY/JIRA_PRIVATE_KEY_FILE describe the application link of the Jira at JIRA_URL; " +
        "set JIRA_URL too, or unset them to use the built-in simulator."
    );
  }
  const jiraCaFile = pick(flags["jira-ca"], "JIRA_CA_FILE");
  const relayMaxBodyValue = pick(flags["relay-max-body-mb"], "RELAY_MAX_BODY_MB");
  const relayTimeoutValue = pick(flags["relay-timeout"], "RELAY_TIMEOUT_SECONDS");
  const distDir = pick(flags.dist, "DIST_DIR");
  const simulatorPortValue = pick(flags["simulator-port"], "JIRA_SIMULATOR_PORT");
  const simulatorDir = pick(undefined, "JIRA_SIMULATOR_DIR");

  return {
    port,
    host,
    addinUrl:
      addinUrlValue === undefined
        ? port === 0
          ? undefined
          : `https://localhost:${port}`
        : normaliseAddinUrl(addinUrlValue),
    jiraUrl: jiraUrlValue === undefined ? undefined : normaliseJiraUrl(jiraUrlValue),
    jiraConsumerKey,
    jiraPrivateKeyFile: jiraPrivateKeyFile && path.resolve(jiraPrivateKeyFile),
    jiraCaFile: jiraCaFile && path.resolve(jiraCaFile),
    relayMaxBodyBytes:
      relayMaxBodyValue === undefined
        ? DEFAULT_RELAY_MAX_BODY_BYTES
        : parseRelayMaxBodyMb(
            relayMaxBodyValue,
            settingName(flags["relay-max-body-mb"], "--relay-max-body-mb", "RELAY_MAX_BODY_MB")
          ),
    relayTimeoutMs:
      relayTimeoutValue === undefined
        ? DEFAULT_RELAY_TIMEOUT_MS
        : parseRelayTimeoutSeconds(
            relayTimeoutValue,
            settingName(flags["relay-timeout"], "--relay-timeout", "RELAY_TIMEOUT_SECONDS")
          ),
    tlsCertFile: tlsCertFile && path.resolve(tlsCertFile),
    tlsKeyFile: tlsKeyFile && path.resolve(tlsKeyFile),
    distDir: distDir === undefined ? path.join(defaults.repoRoot, "dist") : path.resolve(distDir),
    preview: flags.preview ?? false,
    simulatorPort:
      simulatorPortValue === undefined
        ? DEFAULT_SIMULATOR_PORT
        : parsePort(
            simulatorPortValue,
            flags["simulator-port"] !== undefined ? "--simulator-port" : "JIRA_SIMULATOR_PORT"
          ),
    simulatorDir:
      simulatorDir === undefined
        ? path.join(defaults.repoRoot, ".local", "simulator")
        : path.resolve(simulatorDir),
    help: flags.help ?? false,
  };
}

/**
 * How an error names a setting: the one that held the value first, the other in brackets, so the
 * administrator finds it whether it sits in a unit file's environment or on the command line.
 */
function settingName(flagValue: string | undefined, flag: string, variable: string): string {
  return flagValue !== undefined ? `${flag} (${variable})` : `${variable} (${flag})`;
}

function parsePort(value: string | undefined, name: string): number {
  if (value === undefined) {
    return DEFAULT_PORT;
  }
  // Number("") is 0 and Number("3e3") is 3000: accept plain digits only.
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(
      "port_invalid",
      `${name} "${value}" must be a whole number from 0 to 65535 (0 = any free port).`
    );
  }
  return port;
}

interface Flags {
  port?: string;
  host?: string;
  "addin-url"?: string;
  "jira-url"?: string;
  "jira-ca"?: string;
  "relay-max-body-mb"?: string;
  "relay-timeout"?: string;
  "consumer-key"?: string;
  "private-key-file"?: string;
  cert?: string;
  key?: string;
  dist?: string;
  preview?: boolean;
  "simulator-port"?: string;
  help?: boolean;
}

function parseFlags(argv: readonly string[]): Flags {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        "addin-url": { type: "string" },
        "jira-url": { type: "string" },
        "jira-ca": { type: "string" },
        "relay-max-body-mb": { type: "string" },
        "relay-timeout": { type: "string" },
        "consumer-key": { type: "string" },
        "private-key-file": { type: "string" },
        cert: { type: "string" },
        key: { type: "string" },
        dist: { type: "string" },
        preview: { type: "boolean" },
        "simulator-port": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
    return values;
  } catch (error) {
    // parseArgs throws TypeErrors like "Unknown option '--prot'"; keep its text, add the way out.
    throw new ConfigError(
      "option_invalid",
      `${(error as Error).message}. Run with --help to list the options.`,
      {
        cause: error,
      }
    );
  }
}
