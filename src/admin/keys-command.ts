/**
 * `keys`: the application link's key pair and consumer key, and exactly what a Jira admin enters.
 *
 * The private key is PKCS#8 PEM, written with mode 0600 (only its owner reads it) and never
 * printed: it goes into the add-in's runtime configuration later (config command). The public key
 * goes onto Jira's incoming link. Jira never calls the link's URL (the link is incoming only), so
 * any URL works there; the add-in's URL is the natural one.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { chmod, mkdir, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { AdminError } from "./admin-error";

/** File names inside the keys folder. */
export const PRIVATE_KEY_FILE = "jira-private.pem";
export const PUBLIC_KEY_FILE = "jira-public.pem";
/** Default folder: git-ignored (.local/), so a key can't be committed by accident. */
export const DEFAULT_KEYS_DIR = path.join(".local", "application-link");
/** The name users see on Jira's page ("Jira for Outlook is requesting access to your Jira account"). */
export const DEFAULT_CONSUMER_NAME = "Jira for Outlook";
/** Shown as the link's URL when no add-in URL is known yet. */
export const PLACEHOLDER_LINK_URL = "https://outlook-addin.example.com";

/** A fresh consumer key: recognisable in Jira's list, unique per deployment. */
export function newConsumerKey(): string {
  return `jira-for-outlook-${randomBytes(4).toString("hex")}`;
}

/** Options of {@link writeApplicationLinkKeys}. */
export interface KeysOptions {
  /** Folder to write into (created, mode 0700, if missing). */
  outDir: string;
  consumerKey: string;
  /** Replace an existing private key. */
  force: boolean;
}

/** What {@link writeApplicationLinkKeys} wrote. */
export interface WrittenKeys {
  consumerKey: string;
  privateKeyFile: string;
  publicKeyFile: string;
  publicKeyPem: string;
}

/**
 * Generates an RSA 2048 key pair and writes it: the private key (PKCS#8, 0600) and the public key
 * (SPKI, 0644) side by side.
 *
 * @throws {AdminError} `private_key_exists` (without `force`), `keys_not_written`
 */
export async function writeApplicationLinkKeys(options: KeysOptions): Promise<WrittenKeys> {
  const privateKeyFile = path.resolve(options.outDir, PRIVATE_KEY_FILE);
  const publicKeyFile = path.resolve(options.outDir, PUBLIC_KEY_FILE);
  if (!options.force && (await exists(privateKeyFile))) {
    throw new AdminError(
      "private_key_exists",
      `${privateKeyFile} exists already: it may be the key your users' add-in signs with today. ` +
        "Choose another --out folder, or add --force to replace it (then put the new public key on Jira's link " +
        "and write a new configuration: see docs/deployment.md, key rotation)."
    );
  }
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  try {
    await mkdir(options.outDir, { recursive: true, mode: 0o700 });
    // Created anew with mode 0600: writeFile's mode only applies to a new file, so an old file
    // (with whatever mode it had) is removed first, and chmod makes sure whatever the umask.
    await unlink(privateKeyFile).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await writeFile(privateKeyFile, privateKey, { mode: 0o600, flag: "wx" });
    await chmod(privateKeyFile, 0o600);
    await writeFile(publicKeyFile, publicKey, { mode: 0o644 });
  } catch (cause) {
    throw new AdminError(
      "keys_not_written",
      `Could not write the keys into ${path.resolve(options.outDir)} (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}): choose a folder you can write with --out.`,
      { cause }
    );
  }
  return {
    consumerKey: options.consumerKey,
    privateKeyFile,
    publicKeyFile,
    publicKeyPem: publicKey,
  };
}

/** What the Jira admin enters, for {@link applicationLinkInstructions}. */
export interface LinkValues {
  consumerKey: string;
  consumerName: string;
  publicKeyPem: string;
  /** The URL to enter for the link (the add-in's URL), if known. */
  linkUrl?: string;
  privateKeyFile: string;
  publicKeyFile: string;
}

/**
 * The steps and values for Jira's application link, as printed by `keys`. Never includes the
 * private key, only where it is.
 */
export function applicationLinkInstructions(values: LinkValues): string {
  const url = values.linkUrl ?? PLACEHOLDER_LINK_URL;
  const urlNote = values.linkUrl
    ? "(the add-in's URL; Jira never calls it)"
    : "(the add-in's URL once you know it; any URL works, Jira never calls it)";
  return [
    `Consumer key: ${values.consumerKey}`,
    `Private key:  ${values.privateKeyFile} (mode 0600; keep it: it goes into the add-in's configuration, never into Jira)`,
    `Public key:   ${values.publicKeyFile}`,
    "",
    "In Jira, as a Jira administrator: Administration › Applications › Application links.",
    "",
    "Jira 8 (and 9 where the page still has a URL field):",
    `  1. Enter the URL ${url} ${urlNote} and choose "Create new link".`,
    '  2. Jira says "No response was received from the URL you entered": choose Continue.',
    '  3. "Link applications": the fields there describe an outgoing link, which is never used: fill them',
    `     with anything (e.g. Application Name "${values.consumerName}", type Generic Application), tick`,
    '     "Create incoming link", and choose Continue.',
    "  4. On the next screen enter the three values below, then Continue.",
    'Jira 9 and later, when the page has a "Create link" button instead (wording not verified here):',
    '  choose "Create link", then "Direct application link" (OAuth 1.0) with the URL above, and continue',
    '  as in steps 2–4. "External application" → "Incoming" makes an OAuth 2.0 link, which this add-in',
    "  does not use.",
    "",
    `  Consumer Key:  ${values.consumerKey}`,
    `  Consumer Name: ${values.consumerName}`,
    "  Public Key:    paste the whole block below (also in the public key file):",
    "",
    values.publicKeyPem.trimEnd(),
    "",
    'Leave 2-legged OAuth ("Allow 2-Legged OAuth", "Execute as", impersonation) OFF on this link: every',
    "add-in user's Outlook holds the private key, and with 2-legged OAuth on, anyone who has it could act in Jira",
    "without a user's approval. The doctor command checks it.",
    "",
    "Jira's logs and upgrade report then warn that the link's URL can't be reached: expected for an",
    "incoming-only link.",
  ].join("\n");
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
