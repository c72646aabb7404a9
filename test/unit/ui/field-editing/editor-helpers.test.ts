/**
 * The plain rules under the editors: the choices a select lists and how typing filters them,
 * how typed text becomes labels, and how the user search waits, answers and fails.
 */
import type { UserChoice } from "../../../../src/ui/field-editing/field-form-types";
import { createScreenOf } from "../../../../src/ui/field-editing/field-kinds";
import {
  choiceText,
  choicesOf,
  filterChoices,
} from "../../../../src/ui/field-editing/editors/choices";
import { splitLabelInput, withLabels } from "../../../../src/ui/field-editing/editors/label-input";
import {
  USER_SEARCH_DELAY_MS,
  createUserSearchRunner,
} from "../../../../src/ui/field-editing/editors/user-search-runner";
import type { UserSearchState } from "../../../../src/ui/field-editing/editors/user-search-runner";
import { customField } from "./create-meta-fixtures";

describe("choices", () => {
  const [impact] = createScreenOf([
    customField(
      "customfield_1",
      "Impact",
      "select",
      { type: "option" },
      {
        allowedValues: [
          { id: "1", value: "Zürich office" },
          { id: "2", value: "Retired", disabled: true },
          { id: "3", value: "New York office" },
        ],
      }
    ),
  ]).editable;

  it("lists what Jira still offers, with the text it shows", () => {
    expect(choicesOf(impact)).toEqual([
      { id: "1", text: "Zürich office" },
      { id: "3", text: "New York office" },
    ]);
  });

  it("filters by every typed word, ignoring case and accents", () => {
    const choices = choicesOf(impact);
    expect(filterChoices(choices, "zur")).toEqual([{ id: "1", text: "Zürich office" }]);
    expect(filterChoices(choices, "OFFICE york")).toEqual([{ id: "3", text: "New York office" }]);
    expect(filterChoices(choices, "  ")).toEqual(choices);
    expect(filterChoices(choices, "paris")).toEqual([]);
  });

  it("shows the id of a chosen option Jira no longer offers", () => {
    expect(choiceText(choicesOf(impact), "3")).toBe("New York office");
    expect(choiceText(choicesOf(impact), "2")).toBe("2");
  });
});

describe("label input", () => {
  it("finishes labels at blanks and commas, keeping the unfinished rest", () => {
    expect(splitLabelInput("vpn")).toEqual({ labels: [], rest: "vpn" });
    expect(splitLabelInput("vpn ")).toEqual({ labels: ["vpn"], rest: "" });
    expect(splitLabelInput("vpn, outage\turgent")).toEqual({
      labels: ["vpn", "outage"],
      rest: "urgent",
    });
    expect(splitLabelInput(" , ,")).toEqual({ labels: [], rest: "" });
  });

  it("adds each label once, in the order first given", () => {
    expect(withLabels(["a", "b"], ["b", "c", "", "a", "d"])).toEqual(["a", "b", "c", "d"]);
  });
});

describe("user search runner", () => {
  const jane: UserChoice = { name: "jane", displayName: "Jane Doe" };
  const john: UserChoice = { name: "john", displayName: "John Smith" };

  /** A runner on a hand-driven clock, and what its state went through. */
  function setUp() {
    const timers: { run: () => void; ms: number; cleared: boolean }[] = [];
    const runner = createUserSearchRunner({
      setTimer: (run, ms) => {
        const timer = { run, ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => {
        (timer as { cleared: boolean }).cleared = true;
      },
    });
    const states: UserSearchState[] = [];
    runner.subscribe(() => states.push(runner.getState()));
    const fireTimers = () => {
      for (const timer of timers.splice(0)) if (!timer.cleared) timer.run();
    };
    return { runner, timers, states, fireTimers };
  }

  /** A search whose answers the test hands out. */
  function controlledSearch() {
    const calls: {
      query: string;
      resolve(users: UserChoice[]): void;
      reject(reason: unknown): void;
    }[] = [];
    const search = (query: string) =>
      new Promise<UserChoice[]>((resolve, reject) => calls.push({ query, resolve, reject }));
    return { calls, search };
  }

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it("asks Jira once typing pauses, with the trimmed latest text", async () => {
    const { runner, timers, fireTimers } = setUp();
    const { calls, search } = controlledSearch();
    runner.type("j", search);
    runner.type("ja", search);
    runner.type(" jan ", search);
    expect(runner.getState()).toEqual({ status: "waiting", query: "jan" });
    expect(timers.map((timer) => [timer.ms, timer.cleared])).toEqual([
      [USER_SEARCH_DELAY_MS, true],
      [USER_SEARCH_DELAY_MS, true],
      [USER_SEARCH_DELAY_MS, false],
    ]);
    fireTimers();
    expect(calls.map((call) => call.query)).toEqual(["jan"]);
    expect(runner.getState()).toEqual({ status: "searching", query: "jan" });
    calls[0].resolve([jane]);
    await settle();
    expect(runner.getState()).toEqual({ status: "found", query: "jan", users: [jane] });
  });

  it("shows only the latest query's answer, whatever order the answers come in", async () => {
    const { runner, fireTimers } = setUp();
    const { calls, search } = controlledSearch();
    runner.type("ja", search);
    fireTimers();
    runner.type("jo", search);
    fireTimers();
    calls[1].resolve([john]);
    await settle();
    calls[0].resolve([jane]);
    await settle();
    expect(runner.getState()).toEqual({ status: "found", query: "jo", users: [john] });
  });

  it("says why a search failed, and an empty answer is a found nothing", async () => {
    const { runner, fireTimers } = setUp();
    const { calls, search } = controlledSearch();
    runner.type("x", search);
    fireTimers();
    calls[0].reject(new Error("Jira answered 503: Service Unavailable"));
    await settle();
    expect(runner.getState()).toEqual({
      status: "failed",
      query: "x",
      message: "Couldn't search users: Jira answered 503: Service Unavailable",
    });
    runner.type("y", search);
    fireTimers();
    calls[1].reject("not an error");
    await settle();
    expect(runner.getState()).toMatchObject({
      message: "Couldn't search users. Try typing again.",
    });
    runner.type("z", search);
    fireTimers();
    calls[2].resolve([]);
    await settle();
    expect(runner.getState()).toEqual({ status: "found", query: "z", users: [] });
  });

  it("blank text or a reset drops the pending search and any answer on its way", async () => {
    const { runner, timers, fireTimers, states } = setUp();
    const { calls, search } = controlledSearch();
    runner.type("ja", search);
    runner.type("  ", search);
    expect(timers[0].cleared).toBe(true);
    expect(runner.getState()).toEqual({ status: "idle" });
    runner.type("jo", search);
    fireTimers();
    runner.reset();
    calls[0].resolve([john]);
    await settle();
    expect(runner.getState()).toEqual({ status: "idle" });
    expect(states.at(-1)).toEqual({ status: "idle" });
  });

  it("tells subscribers of each change until they unsubscribe", () => {
    const runner = createUserSearchRunner({ setTimer: () => 0, clearTimer: () => undefined });
    const seen: string[] = [];
    const unsubscribe = runner.subscribe(() => seen.push(runner.getState().status));
    runner.type("a", async () => []);
    unsubscribe();
    runner.type("", async () => []);
    expect(seen).toEqual(["waiting"]);
  });
});
