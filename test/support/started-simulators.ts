/**
 * Simulators a test starts for itself (each with its own options), all closed after each test so
 * no server outlives the test that started it, whatever it asserted.
 */
import { startJiraSimulator } from "../../src/simulator/create-jira-simulator";
import type {
  JiraSimulatorOptions,
  RunningJiraSimulator,
} from "../../src/simulator/create-jira-simulator";

/**
 * Registers the `afterEach` that closes them (call at the top level of a test file) and returns
 * `start`: a simulator with `defaults`, overridden member by member by the test's `options`.
 */
export function setUpSimulatorStarter(
  defaults: JiraSimulatorOptions
): (options?: JiraSimulatorOptions) => Promise<RunningJiraSimulator> {
  const running: RunningJiraSimulator[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((simulator) => simulator.close()));
  });
  return async (options = {}) => {
    const simulator = await startJiraSimulator({ ...defaults, ...options });
    running.push(simulator);
    return simulator;
  };
}
