/**
 * The consumers Jira trusts: one per incoming application link, each a consumer key, a name shown
 * on the authorize page, and the RSA public key its RSA-SHA1 signatures verify against.
 */
import { createPrivateKey, createPublicKey } from "node:crypto";
import type { KeyObject } from "node:crypto";

/** An incoming application link as a Jira admin enters it: Consumer Key, Consumer Name, Public Key. */
export interface JiraSimulatorConsumer {
  consumerKey: string;
  /** PEM: a public key (`BEGIN PUBLIC KEY` / `BEGIN RSA PUBLIC KEY`) or an X.509 certificate. */
  publicKeyPem: string;
  /** Shown on the authorize page ("<name> is requesting access…"). Default: the consumer key. */
  name?: string;
}

/** A consumer can't be registered; `field` names the field to fix. */
export class InvalidConsumerError extends Error {
  override readonly name = "InvalidConsumerError";

  constructor(
    readonly field: "consumerKey" | "publicKeyPem" | "name",
    readonly problem: string
  ) {
    super(`${field} ${problem}`);
  }
}

/** A registered consumer with its parsed key. */
export interface RegisteredConsumer {
  consumerKey: string;
  name: string;
  publicKey: KeyObject;
}

/** The consumers, by key. Adding a key that exists replaces it (like editing the link). */
export interface ConsumerRegistry {
  add(consumer: JiraSimulatorConsumer): RegisteredConsumer;
  get(consumerKey: string): RegisteredConsumer | undefined;
  list(): RegisteredConsumer[];
}

/**
 * Parses an application link's public key. Throws an Error saying what is wrong: not PEM, a
 * private key (the admin pasted the wrong half), or not RSA (Jira's links sign with RSA-SHA1 only).
 */
export function parseConsumerPublicKey(pem: string): KeyObject {
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(pem)) {
    throw new Error("is not a PEM public key (expected -----BEGIN PUBLIC KEY-----)");
  }
  if (/-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(pem) || isPrivateKey(pem)) {
    throw new Error(
      "is a private key: give the PUBLIC half (openssl pkey -in private.pem -pubout), never the private key"
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new Error(`is not a readable public key (${(error as Error).message})`);
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new Error(
      `is a ${key.asymmetricKeyType ?? "non-RSA"} key; Jira application links need an RSA key (RSA-SHA1)`
    );
  }
  return key;
}

/** Checks one consumer and parses its key; throws {@link InvalidConsumerError}. */
export function registerConsumer(consumer: JiraSimulatorConsumer): RegisteredConsumer {
  if (typeof consumer.consumerKey !== "string" || consumer.consumerKey.trim() === "") {
    throw new InvalidConsumerError("consumerKey", "must be a non-empty string");
  }
  if (consumer.name !== undefined && typeof consumer.name !== "string") {
    throw new InvalidConsumerError("name", "must be a string");
  }
  if (typeof consumer.publicKeyPem !== "string") {
    throw new InvalidConsumerError("publicKeyPem", "must be a PEM string");
  }
  let publicKey: KeyObject;
  try {
    publicKey = parseConsumerPublicKey(consumer.publicKeyPem);
  } catch (error) {
    throw new InvalidConsumerError("publicKeyPem", (error as Error).message);
  }
  return {
    consumerKey: consumer.consumerKey,
    name: consumer.name?.trim() ? consumer.name : consumer.consumerKey,
    publicKey,
  };
}

/** Creates the registry with `initial` consumers (each checked as by {@link registerConsumer}). */
export function createConsumerRegistry(
  initial: readonly JiraSimulatorConsumer[] = []
): ConsumerRegistry {
  const consumers = new Map<string, RegisteredConsumer>();
  const registry: ConsumerRegistry = {
    add(consumer) {
      const registered = registerConsumer(consumer);
      consumers.set(registered.consumerKey, registered);
      return registered;
    },
    get: (consumerKey) => consumers.get(consumerKey),
    list: () => [...consumers.values()],
  };
  initial.forEach((consumer) => registry.add(consumer));
  return registry;
}

function isPrivateKey(pem: string): boolean {
  try {
    createPrivateKey(pem);
    return true;
  } catch {
    return false;
  }
}
