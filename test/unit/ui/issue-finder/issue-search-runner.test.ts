/**
 * Searching issues as the user types: Jira is asked once typing pauses, only the latest request's
 * answer is shown, the switch "Hide resolved issues" is part of the request, and reset forgets an
 * answer on its way. Timers are the test's own, so no test waits for real time.
 */
import {
  ISSUE_SEARCH_DELAY_MS,
  createIssueSearchRunner,
  searchResultsFor,
} from "../../../../src/ui/issue-finder/issue-search-runner";
import type {
  IssueSearchRequest,
  IssueSearchState,
} from "../../../../src/ui/issue-finder/issue-search-runner";
import type { IssueSummary } from "../../../../src/jira/issue-lookup";
import { deferred, settle } from "../../../support/deferred";
import type { Deferred } from "../../../support/deferred";
import { OPS1, SUP2 } from "./issue-fixtures";

/** A runner with hand-driven timers and a search whose answers the test gives. */
function setup() {
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  const runner = createIssueSearchRunner({
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const asked: Array<{ request: IssueSearchRequest; answer: Deferred<IssueSummary[]> }> = [];
  const search = (request: IssueSearchRequest) => {
    const answer = deferred<IssueSummary[]>();
    asked.push({ request, answer });
    return answer.promise;
  };
  const states: IssueSearchState[] = [];
  runner.subscribe(() => states.push(runner.getState()));
  /** Fires the timers still pending, as if typing paused. */
  const pause = () => {
    for (const timer of timers.splice(0)) if (!timer.cleared) timer.run();
  };
  return { runner, search, asked, states, timers, pause };
}

describe("createIssueSearchRunner", () => {
  it("asks Jira once typing pauses, with the trimmed text and the switch", async () => {
    const { runner, search, asked, timers, pause } = setup();
    runner.type({ text: "v", hideResolved: true }, search);
    runner.type({ text: " vpn ", hideResolved: true }, search);
    expect(runner.getState()).toEqual({
      status: "waiting",
      request: { text: "vpn", hideResolved: true },
    });
    expect(timers.map((timer) => [timer.ms, timer.cleared])).toEqual([
      [ISSUE_SEARCH_DELAY_MS, true],
      [ISSUE_SEARCH_DELAY_MS, false],
    ]);
    expect(asked).toEqual([]);

    pause();
    expect(asked.map((call) => call.request)).toEqual([{ text: "vpn", hideResolved: true }]);
    expect(runner.getState().status).toBe("searching");
    asked[0].answer.resolve([SUP2]);
    await settle();
    expect(runner.getState()).toEqual({
      status: "found",
      request: { text: "vpn", hideResolved: true },
      issues: [SUP2],
    });
  });

  it("waits 250 ms by default", () => {
    expect(ISSUE_SEARCH_DELAY_MS).toBe(250);
  });

  it("drops an older answer that arrives after a newer request", async () => {
    const { runner, search, asked, pause } = setup();
    runner.type({ text: "vpn", hideResolved: true }, search);
    pause();
    runner.type({ text: "erp", hideResolved: true }, search);
    pause();
    asked[1].answer.resolve([OPS1]);
    await settle();
    asked[0].answer.resolve([SUP2]);
    await settle();
    expect(runner.getState()).toEqual({
      status: "found",
      request: { text: "erp", hideResolved: true },
      issues: [OPS1],
    });
  });

  it("says why a search failed, and drops a failure of an older request", async () => {
    const { runner, search, asked, pause } = setup();
    const refused = Object.assign(new Error("Jira answered 500."), { code: "http_500" });
    runner.type({ text: "vpn", hideResolved: false }, search);
    pause();
    asked[0].answer.reject(refused);
    await settle();
    expect(runner.getState()).toEqual({
      status: "failed",
      request: { text: "vpn", hideResolved: false },
      error: refused,
    });

    runner.type({ text: "vpn", hideResolved: true }, search);
    pause();
    runner.type({ text: "vpn dr", hideResolved: true }, search);
    asked[1].answer.reject(refused);
    await settle();
    expect(runner.getState().status).toBe("waiting");
  });

  it("is idle for blank text, without asking Jira", () => {
    const { runner, search, asked, timers, pause } = setup();
    runner.type({ text: "vpn", hideResolved: true }, search);
    runner.type({ text: "   ", hideResolved: true }, search);
    expect(timers.map((timer) => timer.cleared)).toEqual([true]);
    pause();
    expect(runner.getState()).toEqual({ status: "idle" });
    expect(asked).toEqual([]);
  });

  it("forgets the request and any answer on its way on reset", async () => {
    const { runner, search, asked, states, pause } = setup();
    runner.type({ text: "vpn", hideResolved: true }, search);
    pause();
    runner.reset();
    asked[0].answer.resolve([SUP2]);
    await settle();
    expect(runner.getState()).toEqual({ status: "idle" });
    expect(states.map((state) => state.status)).toEqual(["waiting", "searching", "idle"]);
  });
});

describe("searchResultsFor", () => {
  const found: IssueSearchState = {
    status: "found",
    request: { text: "vpn", hideResolved: true },
    issues: [SUP2],
  };

  it("gives the issues found for the same text and switch", () => {
    expect(searchResultsFor(found, { text: " vpn ", hideResolved: true })).toEqual([SUP2]);
  });

  it("gives nothing for another text, the other switch, or a search not done", () => {
    expect(searchResultsFor(found, { text: "vpn d", hideResolved: true })).toBeUndefined();
    expect(searchResultsFor(found, { text: "vpn", hideResolved: false })).toBeUndefined();
    const waiting: IssueSearchState = { status: "waiting", request: found.request };
    expect(searchResultsFor(waiting, { text: "vpn", hideResolved: true })).toBeUndefined();
  });
});
