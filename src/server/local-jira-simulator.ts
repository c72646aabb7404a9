/**
 * The zero-configuration Jira for `npm start`: when no JIRA_URL is set, the preview server starts
 * the built-in Jira simulator in the same process and points the relay at it, so a newcomer sees
 * the add-in work against "a Jira" without one.
 *
 * The simulator needs the public half of an application-link key pair, like a Jira admin would
 * paste into the incoming link; the add-in signs with the private half. The pair is generated on
 * first run into a git-ignored folder (`.local/simulator/`) and reused afterwards, so the link's
 * keys stay the same across restarts of the same checkout. Tokens do not: the simulator keeps them
 * in memory, so after a restart the preview signs in again.
 */
import { generateKeyPair, createPublicKey } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { startJiraSimulator } from "../simulator/create-jira-simulator";
import type { RunningJiraSimulator } from "../simulator/create-jira-simulator";

/** The consumer key of the preview's application link in the simulator. */
export const LOCAL_CONSUMER_KEY = "jira-for-outlook-preview";

/** The consumer name Jira shows on its authorize page ("… is requesting access"). */
export const LOCAL_CONSUMER_NAME = "Jira for Outlook (preview)";

/** The consumer credentials of the local application link. */
export interface LocalConsumerKeys {
  consumerKey: string;
  /** PKCS#8 PEM, file mode 0600. */
  privateKeyFile: string;
  /** The file's text, as read (or written) here: the server serves it without reading it again. */
  privateKeyPem: string;
  publicKeyPem: string;
  /** True when this call generated the pair (first run). */
  generated: boolean;
}

/** The files of the local key pair inside `dir`. */
export function localKeyPaths(dir: string): { privateKeyFile: string; publicKeyFile: string } {
  return {
    privateKeyFile: path.join(dir, "consumer-private-key.pem"),
    publicKeyFile: path.join(dir, "consumer-public-key.pem"),
  };
}

/**
 * Reads the key pair in `dir`, generating an RSA 2048 pair there first if there is none.
 * The public key is always derived from the private one, so a hand-edited public file can't
 * make the two halves disagree.
 */
export async function ensureLocalConsumerKeys(dir: string): Promise<LocalConsumerKeys> {
  const { privateKeyFile, publicKeyFile } = localKeyPaths(dir);
  let privateKeyPem: string | undefined;
  try {
    privateKeyPem = await readFile(privateKeyFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw error;
    }
  }
  const generated = privateKeyPem === undefined;
  if (privateKeyPem === undefined) {
    const pair = await promisify(generateKeyPair)("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    privateKeyPem = pair.privateKey;
    await mkdir(dir, { recursive: true });
    await writeFile(privateKeyFile, privateKeyPem, { mode: 0o600 });
    await chmod(privateKeyFile, 0o600); // mode is ignored when the file already existed
  }
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: "spki", format: "pem" });
  await writeFile(publicKeyFile, publicKeyPem);
  return {
    consumerKey: LOCAL_CONSUMER_KEY,
    privateKeyFile,
    privateKeyPem,
    publicKeyPem: String(publicKeyPem),
    generated,
  };
}

/** A running local simulator and the consumer it trusts. */
export interface LocalJiraSimulator {
  simulator: RunningJiraSimulator;
  keys: LocalConsumerKeys;
}

/**
 * Starts the simulator on 127.0.0.1 with the local consumer registered. When the preferred port is
 * taken (a second checkout running), falls back to any free port rather than failing `npm start`.
 */
export async function startLocalJiraSimulator(options: {
  keyDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<LocalJiraSimulator> {
  const keys = await ensureLocalConsumerKeys(options.keyDir);
  const start = (port: number) =>
    startJiraSimulator({
      port,
      host: "127.0.0.1",
      consumers: [
        {
          consumerKey: keys.consumerKey,
          publicKeyPem: keys.publicKeyPem,
          name: LOCAL_CONSUMER_NAME,
        },
      ],
      ...(options.log ? { log: options.log } : {}),
    });
  try {
    return { simulator: await start(options.port), keys };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || options.port === 0) {
      throw error;
    }
    return { simulator: await start(0), keys };
  }
}
