import {
  createUi,
  DIALOG_CHANNEL,
  DIALOG_CLOSED_POLL_MS,
} from "../../../src/preview/office-standin/dialog";
import type {
  ChannelEvent,
  DialogEnvironment,
  PopupLike,
} from "../../../src/preview/office-standin/dialog";
import { callbackResult } from "./fakes";

type AnyResult = { status: string; value: any; error?: { code: number } }; // eslint-disable-line @typescript-eslint/no-explicit-any

const ORIGIN = "https://localhost:3000";
const schedule = (task: () => void) => setTimeout(task, 0);

/** A fake window pair: the pane's environment, the popup it opens, and a way to post events to the pane. */
function createFakeEnvironment(
  options: { blockPopups?: boolean; opener?: DialogEnvironment["opener"] } = {}
) {
  const listeners = new Set<(event: ChannelEvent) => void>();
  const intervals = new Map<number, () => void>();
  let nextInterval = 1;
  const popup: { closed: boolean; close: jest.Mock; postMessage: jest.Mock } = {
    closed: false,
    close: jest.fn(() => {
      popup.closed = true;
    }),
    postMessage: jest.fn(),
  };
  const openWindow = jest.fn((): PopupLike | null => (options.blockPopups ? null : popup));
  const env: DialogEnvironment = {
    origin: ORIGIN,
    openWindow,
    opener: options.opener ?? null,
    listenForMessages(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setInterval(task) {
      intervals.set(nextInterval, task);
      return nextInterval++;
    },
    clearInterval: (handle) => intervals.delete(handle as number),
    screenSize: { width: 1000, height: 800 },
  };
  return {
    env,
    popup,
    openWindow,
    post: (event: ChannelEvent) => listeners.forEach((listener) => listener(event)),
    tick: () => intervals.forEach((task) => task()),
    activeIntervals: () => intervals.size,
  };
}

describe("displayDialogAsync", () => {
  it.each([
    ["http://localhost:3000/preview/callback.html", 12005],
    ["https://jira.example.com/plugins/servlet/oauth/authorize", 12004],
    ["/preview/callback.html", 12004],
  ])("refuses %s with %i", async (url, code) => {
    const fake = createFakeEnvironment();
    const ui = createUi(fake.env, schedule);
    const result = await callbackResult<AnyResult>((cb) => ui.displayDialogAsync(url, cb));
    expect(result).toMatchObject({ status: "failed", error: { code } });
    expect(fake.openWindow).not.toHaveBeenCalled();
  });

  it("opens a same-origin https page in a popup sized in percent of the screen", async () => {
    const fake = createFakeEnvironment();
    const ui = createUi(fake.env, schedule);
    const result = await callbackResult<AnyResult>((cb) =>
      ui.displayDialogAsync(
        `${ORIGIN}/preview/callback.html`,
        { width: 50, height: 60, asyncContext: "c" },
        cb
      )
    );
    expect(result).toMatchObject({ status: "succeeded", asyncContext: "c" });
    expect(fake.openWindow).toHaveBeenCalledWith(
      `${ORIGIN}/preview/callback.html`,
      "popup,width=500,height=480"
    );
  });

  it("allows one dialog at a time (12007) until it is closed", async () => {
    const fake = createFakeEnvironment();
    const ui = createUi(fake.env, schedule);
    const first = await callbackResult<AnyResult>((cb) => ui.displayDialogAsync(`${ORIGIN}/a`, cb));
    const second = await callbackResult<AnyResult>((cb) =>
      ui.displayDialogAsync(`${ORIGIN}/b`, cb)
    );
    expect(second).toMatchObject({ status: "failed", error: { code: 12007 } });
    first.value.close();
    expect(fake.popup.close).toHaveBeenCalled();
    const third = await callbackResult<AnyResult>((cb) => ui.displayDialogAsync(`${ORIGIN}/c`, cb));
    expect(third.status).toBe("succeeded");
  });

  it("reports a blocked popup as 12011", async () => {
    const ui = createUi(createFakeEnvironment({ blockPopups: true }).env, schedule);
    const result = await callbackResult<AnyResult>((cb) =>
      ui.displayDialogAsync(`${ORIGIN}/a`, cb)
    );
    expect(result).toMatchObject({ status: "failed", error: { code: 12011 } });
  });

  it("delivers messageParent payloads from its own popup only, with their origin", async () => {
    const fake = createFakeEnvironment();
    const ui = createUi(fake.env, schedule);
    const { value: dialog } = await callbackResult<AnyResult>((cb) =>
      ui.displayDialogAsync(`${ORIGIN}/a`, cb)
    );
    const handler = jest.fn();
    dialog.addEventHandler("dialogMessageReceived", handler);
    const data = {
      channel: DIALOG_CHANNEL,
      kind: "messageParent",
      message: '{"oauth_verifier":"v"}',
    };
    fake.post({ source: {}, origin: ORIGIN, data }); // another window
    fake.post({ source: fake.popup, origin: ORIGIN, data: { hello: 1 } }); // not the channel
    fake.post({ source: fake.popup, origin: ORIGIN, data });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith({
      type: "dialogMessageReceived",
      message: '{"oauth_verifier":"v"}',
      origin: ORIGIN,
    });
  });

  it("raises DialogEventReceived 12006 when the user closes the popup, then allows a new dialog", async () => {
    const fake = createFakeEnvironment();
    const ui = createUi(fake.env, schedule);
    const { value: dialog } = await callbackResult<AnyResult>((cb) =>
      ui.displayDialogAsync(`${ORIGIN}/a`, cb)
    );
    const handler = jest.fn();
    dialog.addEventHandler("dialogEventReceived", handler);
    fake.tick();
    expect(handler).not.toHaveBeenCalled();
    fake.popup.closed = true;
    fake.tick();
    expect(handler).toHaveBeenCalledWith({ type: "dialogEventReceived", error: 12006 });
    expect(fake.activeIntervals()).toBe(0);
    expect(DIALOG_CLOSED_POLL_MS).toBeGreaterThan(0);
    const next = await callbackResult<AnyResult>((cb) => ui.displayDialogAsync(`${ORIGIN}/b`, cb));
    expect(next.status).toBe("succeeded");
  });

  it("sends messageChild to the popup for the pane's origin", async () => {
    const fake = createFakeEnvironment();
    const ui = createUi(fake.env, schedule);
    const { value: dialog } = await callbackResult<AnyResult>((cb) =>
      ui.displayDialogAsync(`${ORIGIN}/a`, cb)
    );
    dialog.messageChild("hello");
    expect(fake.popup.postMessage).toHaveBeenCalledWith(
      { channel: DIALOG_CHANNEL, kind: "messageChild", message: "hello" },
      ORIGIN
    );
  });
});

describe("messageParent (dialog side)", () => {
  it("posts to the opener for its own origin unless targetOrigin says otherwise", () => {
    const opener = { postMessage: jest.fn() };
    const ui = createUi(createFakeEnvironment({ opener }).env, schedule);
    ui.messageParent("done");
    ui.messageParent("elsewhere", { targetOrigin: "https://other.example" });
    expect(opener.postMessage).toHaveBeenNthCalledWith(
      1,
      { channel: DIALOG_CHANNEL, kind: "messageParent", message: "done" },
      ORIGIN
    );
    expect(opener.postMessage).toHaveBeenNthCalledWith(
      2,
      { channel: DIALOG_CHANNEL, kind: "messageParent", message: "elsewhere" },
      "https://other.example"
    );
  });

  it("drops the message with a warning when no dialog opened the page", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const ui = createUi(createFakeEnvironment().env, schedule);
    expect(() => ui.messageParent("x")).not.toThrow();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("receives messageChild from the opener through DialogParentMessageReceived", async () => {
    const opener = { postMessage: jest.fn() };
    const fake = createFakeEnvironment({ opener });
    const ui = createUi(fake.env, schedule);
    const handler = jest.fn();
    const result = await callbackResult<AnyResult>((cb) =>
      ui.addHandlerAsync("dialogParentMessageReceived", handler, cb)
    );
    expect(result.status).toBe("succeeded");
    fake.post({
      source: opener,
      origin: ORIGIN,
      data: { channel: DIALOG_CHANNEL, kind: "messageChild", message: "hi" },
    });
    expect(handler).toHaveBeenCalledWith({
      type: "dialogParentMessageReceived",
      message: "hi",
      origin: ORIGIN,
    });
  });
});
