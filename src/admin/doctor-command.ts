/**
 * `doctor`: is this deployment able to work? One line per check (check-result.ts), in the order a
 * request travels: the private key, Jira, its clock, the consumer key on the link, 2-legged OAuth
 * off, then (with --addin-url) the add-in host's page, its configuration and its relay.
 */
import type { CheckResult } from "./check-result";
import { checkRelay, checkServedConfig, checkTaskPane } from "./addin-host-checks";
import { readPrivateKeyFile } from "./admin-settings";
import type { ConnectionSettings } from "./admin-settings";
import { connectToJira } from "./jira-connection";
import type { JiraConnection } from "./jira-connection";
import { checkConsumer, checkJiraReachable, checkTwoLeggedOff, clockCheck } from "./jira-checks";

/** Options of {@link runDoctor}. */
export interface DoctorOptions extends ConnectionSettings {
  /** Normalised add-in URL; undefined: the add-in host is not checked. */
  addinUrl?: string;
  timeoutMs?: number;
  /** Receives each result as soon as it is known (the CLI prints lines as they come). */
  onResult?: (result: CheckResult) => void;
}

/** Runs every check; never throws for what it finds (each problem is a FAIL line). */
export async function runDoctor(options: DoctorOptions): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const add = (result: CheckResult): CheckResult => {
    results.push(result);
    options.onResult?.(result);
    return result;
  };
  const context = {
    jiraUrl: options.jiraUrl,
    consumerKey: options.consumerKey,
    privateKeyFile: options.privateKeyFile,
  };
  const timeouts = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };

  let privateKeyPem: string | undefined;
  try {
    const key = await readPrivateKeyFile(options.privateKeyFile);
    privateKeyPem = key.pem;
    add({
      id: "private-key",
      name: "private key",
      status: key.bits >= 2048 ? "ok" : "warn",
      detail: `${options.privateKeyFile}: RSA ${key.bits} bits, ${key.format === "pkcs8" ? "PKCS#8" : "PKCS#1"}`,
      ...(key.bits >= 2048 ? {} : { fix: "make a 2048-bit key pair with the keys command" }),
    });
  } catch (error) {
    add({
      id: "private-key",
      name: "private key",
      status: "fail",
      detail: (error as Error).message,
      fix: "give --private-key the file the keys command wrote",
    });
  }

  // serverInfo unsigned: Jira answers it anonymously, and a signature would make Jira judge the
  // consumer key first (that is the next check's job).
  const anonymous = await connectToJira({ ...context, ...timeouts });
  const reachable = await checkJiraReachable(anonymous, context);
  add(reachable.result);
  add(clockCheck(reachable));
  const connection: JiraConnection | undefined =
    privateKeyPem === undefined
      ? undefined
      : await connectToJira({ ...context, privateKeyPem, ...timeouts });

  let consumerAccepted = false;
  if (!reachable.serverInfo || !connection) {
    const why = !reachable.serverInfo ? "Jira did not answer" : "no usable private key";
    add({ id: "consumer", name: "consumer key", status: "skip", detail: `not checked: ${why}` });
    add({
      id: "two-legged",
      name: "2-legged OAuth",
      status: "skip",
      detail: `not checked: ${why}`,
    });
  } else {
    const consumer = add(await checkConsumer(connection, context));
    consumerAccepted = consumer.status === "ok";
    add(await checkTwoLeggedOff(connection, context));
  }

  if (options.addinUrl !== undefined) {
    const hostContext = {
      ...context,
      addinUrl: options.addinUrl,
      ...(privateKeyPem === undefined ? {} : { privateKeyPem }),
      ...timeouts,
    };
    add(await checkTaskPane(hostContext));
    const served = await checkServedConfig(hostContext);
    add(served.result);
    const relayUrl = served.config?.relayUrl ?? `${options.addinUrl}/jira`;
    add(
      await checkRelay(hostContext, relayUrl, {
        ...(reachable.serverInfo ? { serverInfo: reachable.serverInfo } : {}),
        consumerAccepted,
      })
    );
  }
  return results;
}
