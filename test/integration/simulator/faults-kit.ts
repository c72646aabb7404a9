/**
 * What the fault tests share: one consumer (its key pair made once per test file), simulators that
 * know it, and a signed create of an SUP task.
 */
import type { RunningJiraSimulator } from "../../../src/simulator/create-jira-simulator";
import { generateConsumerKeyPair, signedFetch } from "../../support/reference-oauth-client";
import type { SignedResponse } from "../../support/reference-oauth-client";
import { setUpSimulatorStarter } from "../../support/started-simulators";

export const CONSUMER_KEY = "jira-for-outlook";
export const keys = generateConsumerKeyPair();
/** The consumer as the reference client signs with it. */
export const me = { consumerKey: CONSUMER_KEY, privateKeyPem: keys.privateKeyPem };

/**
 * `start`: a simulator that knows our consumer, closed after the test (call at the top level of a
 * test file).
 */
export function setUpConsumerSimulators(): ReturnType<typeof setUpSimulatorStarter> {
  return setUpSimulatorStarter({
    consumers: [
      { consumerKey: CONSUMER_KEY, publicKeyPem: keys.publicKeyPem, name: "Jira for Outlook" },
    ],
  });
}

/** `POST issue` of an SUP task with `summary`, signed with `token`. */
export const createIssue = (
  simulator: RunningJiraSimulator,
  token: string,
  summary: string
): Promise<SignedResponse> =>
  signedFetch(simulator, {
    ...me,
    token,
    method: "POST",
    path: "/rest/api/2/issue",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      fields: { project: { key: "SUP" }, issuetype: { name: "Task" }, summary },
    }),
  });
