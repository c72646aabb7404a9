/**
 * How the New issue form loads a list from Jira (createJiraLoad): once per key, only while signed
 * in, never in a loop, the newest key winning, and again after a new sign-in when the load was
 * turned away for want of one.
 */
import { createJiraLoad } from "../../../src/ui/jira-load";
import type { JiraLoad } from "../../../src/ui/jira-load";
import { SessionError } from "../../../src/session/session-types";
import { deferred, settle } from "../../support/deferred";
import type { Deferred } from "../../support/deferred";

/** A load function whose calls the test answers one by one. */
function loads<T>() {
  const calls: Deferred<T>[] = [];
  const load = jest.fn(() => {
    const call = deferred<T>();
    calls.push(call);
    return call.promise;
  });
  return { load, calls };
}

const state = <T>(loader: JiraLoad<T>) => loader.getSnapshot().state;

describe("createJiraLoad", () => {
  it("is idle with nothing to load", () => {
    const loader = createJiraLoad<string[]>();
    const { load } = loads<string[]>();
    loader.sync(null, true, load);
    expect(state(loader)).toEqual({ status: "idle" });
    expect(load).not.toHaveBeenCalled();
  });

  it("loads once per key however often it is synced (no withJira loop on re-renders)", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    for (let render = 0; render < 50; render++) loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(state(loader)).toEqual({ status: "loading" });
    calls[0]?.resolve(["OPS"]);
    await settle();
    for (let render = 0; render < 50; render++) loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(state(loader)).toEqual({ status: "loaded", value: ["OPS"] });
  });

  it("does not load again after a failure until asked (a new key: Retry)", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    loader.sync("projects#0", true, load);
    calls[0]?.reject(new SessionError("sign_in_required", "Sign in to Jira to continue."));
    await settle();
    // Still signed in as far as the view knows: no automatic reload, so no loop.
    for (let render = 0; render < 10; render++) loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(state(loader)).toMatchObject({ status: "failed", error: { code: "sign_in_required" } });
    loader.sync("projects#1", true, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("waits for the sign-in before it starts", () => {
    const loader = createJiraLoad<string[]>();
    const { load } = loads<string[]>();
    loader.sync("projects#0", false, load);
    expect(load).not.toHaveBeenCalled();
    expect(state(loader)).toEqual({ status: "loading" });
    loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("lets a started load finish when the connection ends meanwhile", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    loader.sync("projects#0", true, load);
    loader.sync("projects#0", false, load);
    calls[0]?.resolve(["OPS"]);
    await settle();
    loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(1);
    expect(state(loader)).toEqual({ status: "loaded", value: ["OPS"] });
  });

  it("drops the answer for a key it no longer shows", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    loader.sync("issue-types:OPS#0", true, load);
    loader.sync("issue-types:SUP#0", true, load);
    calls[1]?.resolve(["SUP type"]);
    calls[0]?.resolve(["OPS type"]);
    await settle();
    expect(loader.getSnapshot()).toEqual({
      key: "issue-types:SUP#0",
      state: { status: "loaded", value: ["SUP type"] },
    });
  });

  it("drops the answer of an earlier request for the same key", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    loader.sync("issue-types:OPS#0", true, load);
    loader.sync("issue-types:SUP#0", true, load);
    loader.sync("issue-types:OPS#0", true, load);
    calls[2]?.resolve(["new"]);
    await settle();
    calls[0]?.resolve(["old"]);
    await settle();
    expect(state(loader)).toEqual({ status: "loaded", value: ["new"] });
  });

  it("turns a load that throws at once into a failure", async () => {
    const loader = createJiraLoad<string[]>();
    loader.sync("projects#0", true, () => {
      throw new Error("boom");
    });
    await settle();
    expect(state(loader)).toMatchObject({ status: "failed", error: { message: "boom" } });
  });

  it("tells its subscribers about every change, and keeps the snapshot until one", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    const listener = jest.fn();
    const unsubscribe = loader.subscribe(listener);
    loader.sync("projects#0", true, load);
    const loading = loader.getSnapshot();
    expect(loader.getSnapshot()).toBe(loading);
    calls[0]?.resolve([]);
    await settle();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    loader.sync("projects#1", true, load);
    expect(listener).toHaveBeenCalledTimes(2);
  });

  // Bug: a load turned away with sign_in_required while the connection had ended (the user chose
  // Cancel on a waiting create, which rejects every waiting operation) stayed failed after the
  // new sign-in: the form kept "Couldn't load the projects" until Retry was clicked by hand.
  it("loads again after the new sign-in when the load was turned away for want of one", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    loader.sync("projects#0", true, load);
    loader.sync("projects#0", false, load); // the connection ended; the load waits in withJira
    calls[0]?.reject(new SessionError("sign_in_required", "Sign in to Jira to continue."));
    await settle();
    loader.sync("projects#0", false, load);
    expect(load).toHaveBeenCalledTimes(1);

    loader.sync("projects#0", true, load); // signed in again
    expect(load).toHaveBeenCalledTimes(2);
    expect(state(loader)).toEqual({ status: "loading" });
    loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(2);
    calls[1]?.resolve(["OPS"]);
    await settle();
    expect(state(loader)).toEqual({ status: "loaded", value: ["OPS"] });
  });

  it("loads again, as the new user, when the waiting load was handed back because someone else signed in", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    loader.sync("projects#0", true, load);
    loader.sync("projects#0", false, load); // the connection ended; the load waits in withJira
    loader.sync("projects#0", true, load); // John signed in: the session hands Jane's load back
    calls[0]?.reject(
      new SessionError("other_user_signed_in", "Signed in as John Smith, not Jane Doe.")
    );
    await settle();
    loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(2);
    calls[1]?.resolve(["ENG"]);
    await settle();
    expect(state(loader)).toEqual({ status: "loaded", value: ["ENG"] });
  });

  it("does not load again after a new sign-in when the failure had another cause", async () => {
    const loader = createJiraLoad<string[]>();
    const { load, calls } = loads<string[]>();
    loader.sync("projects#0", true, load);
    loader.sync("projects#0", false, load);
    calls[0]?.reject(Object.assign(new Error("403"), { code: "http_403" }));
    await settle();
    loader.sync("projects#0", true, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("answers from what is kept without loading, and a started view renders once", () => {
    const { load } = loads<string[]>();
    const kept = ["SUP"];
    // A view whose list is kept starts with it: its first sync changes nothing (no second render).
    const loader = createJiraLoad<string[]>({
      key: "projects#0",
      state: { status: "loaded", value: kept },
    });
    const listener = jest.fn();
    loader.subscribe(listener);
    loader.sync("projects#0", true, load, () => kept);
    expect(listener).not.toHaveBeenCalled();
    expect(load).not.toHaveBeenCalled();
    // A new key that is kept is answered at once, once, without a load.
    loader.sync("issue-types:SUP#0", true, load, () => ["Task"]);
    expect(state(loader)).toEqual({ status: "loaded", value: ["Task"] });
    expect(listener).toHaveBeenCalledTimes(1);
    // One that is not is loaded as before.
    loader.sync("issue-types:OPS#0", true, load, () => undefined);
    expect(state(loader)).toEqual({ status: "loading" });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("peeks only once signed in, and a view that started loading stays quiet on its first sync", () => {
    const { load } = loads<string[]>();
    const peek = jest.fn(() => ["SUP"]);
    const loader = createJiraLoad<string[]>({ key: "projects#0", state: { status: "loading" } });
    const listener = jest.fn();
    loader.subscribe(listener);
    loader.sync("projects#0", false, load, peek);
    expect(peek).not.toHaveBeenCalled();
    expect(listener).not.toHaveBeenCalled();
    loader.sync("projects#0", true, load, peek);
    expect(state(loader)).toEqual({ status: "loaded", value: ["SUP"] });
    expect(load).not.toHaveBeenCalled();
  });
});
