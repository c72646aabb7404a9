import { createOfficeSignInDialog } from "../../../src/office/sign-in-dialog";
import type { SignInDialogHandlers } from "../../../src/session/session-ports";
import { installOfficeEnums, removeOfficeGlobal } from "../../support/fake-office-global";

const MESSAGE = "dialogMessageReceived";
const EVENT = "dialogEventReceived";

type DialogArgs = { message: string | boolean; origin?: string } | { error: number };
type DisplayCallback = (result: Office.AsyncResult<Office.Dialog>) => void;

/** One dialog as Office hands it out: handlers by event type, and how often close() was called. */
function fakeDialog(options: { closeThrows?: boolean } = {}) {
  const handlers = new Map<string, Array<(args: DialogArgs) => void>>();
  const dialog = {
    closeCalls: 0,
    addEventHandler(eventType: string, handler: (args: DialogArgs) => void) {
      handlers.set(eventType, [...(handlers.get(eventType) ?? []), handler]);
    },
    close() {
      dialog.closeCalls += 1;
      if (options.closeThrows) throw new Error("The dialog is already closed.");
    },
    /** What Office does when the page in the dialog calls messageParent or the dialog ends. */
    raise(eventType: string, args: DialogArgs) {
      for (const handler of handlers.get(eventType) ?? []) handler(args);
    },
    handlerCount: (eventType: string) => handlers.get(eventType)?.length ?? 0,
  };
  return dialog;
}

type FakeDialog = ReturnType<typeof fakeDialog>;

/** Office.context.ui whose displayDialogAsync answers asynchronously with `answer`. */
function installUi(answer: { dialog: FakeDialog } | { code: number; message: string }) {
  const calls: Array<{ url: string; options: Office.DialogOptions }> = [];
  const ui = {
    displayDialogAsync(url: string, options: Office.DialogOptions, callback: DisplayCallback) {
      calls.push({ url, options });
      const result =
        "dialog" in answer
          ? { status: "succeeded", value: answer.dialog }
          : {
              status: "failed",
              value: undefined,
              error: { code: answer.code, name: "Display Dialog Error", message: answer.message },
            };
      setTimeout(() => callback(result as unknown as Office.AsyncResult<Office.Dialog>));
    },
  };
  installOfficeEnums({
    context: { ui },
    EventType: { DialogMessageReceived: MESSAGE, DialogEventReceived: EVENT },
  });
  return calls;
}

function recordingHandlers() {
  const seen: Array<["message", string, string | undefined] | ["closed", number]> = [];
  const handlers: SignInDialogHandlers = {
    onMessage: (message, origin) => seen.push(["message", message, origin]),
    onClosed: (code) => seen.push(["closed", code]),
  };
  return { seen, handlers };
}

const START_URL = "https://addin.example.com/callback.html?start=1";

afterEach(removeOfficeGlobal);

describe("createOfficeSignInDialog", () => {
  it("opens the URL outside an iframe, 60% high and 40% wide by default", async () => {
    const calls = installUi({ dialog: fakeDialog() });

    await createOfficeSignInDialog().open(START_URL, recordingHandlers().handlers);

    expect(calls).toEqual([
      { url: START_URL, options: { height: 60, width: 40, displayInIframe: false } },
    ]);
    // promptBeforeOpen is left to Office (its prompt is what popup blockers let through).
    expect(calls[0]?.options).not.toHaveProperty("promptBeforeOpen");
  });

  it("takes another size from its options", async () => {
    const calls = installUi({ dialog: fakeDialog() });

    await createOfficeSignInDialog({ width: 50, height: 70 }).open(
      START_URL,
      recordingHandlers().handlers
    );

    expect(calls[0]?.options).toEqual({ height: 70, width: 50, displayInIframe: false });
  });

  it("passes messages on with the origin Office reports", async () => {
    const dialog = fakeDialog();
    installUi({ dialog });
    const { seen, handlers } = recordingHandlers();
    await createOfficeSignInDialog().open(START_URL, handlers);

    dialog.raise(MESSAGE, {
      message: '{"oauth_verifier":"v"}',
      origin: "https://addin.example.com",
    });

    expect(seen).toEqual([["message", '{"oauth_verifier":"v"}', "https://addin.example.com"]]);
  });

  it("passes undefined as the origin when the client reports none (before DialogOrigin 1.1)", async () => {
    const dialog = fakeDialog();
    installUi({ dialog });
    const { seen, handlers } = recordingHandlers();
    await createOfficeSignInDialog().open(START_URL, handlers);

    dialog.raise(MESSAGE, { message: "denied" });
    dialog.raise(MESSAGE, { message: true, origin: undefined });

    expect(seen).toEqual([
      ["message", "denied", undefined],
      ["message", "true", undefined],
    ]);
  });

  it("reports the dialog closed by the user with Office's code, then nothing more", async () => {
    const dialog = fakeDialog();
    installUi({ dialog });
    const { seen, handlers } = recordingHandlers();
    const opened = await createOfficeSignInDialog().open(START_URL, handlers);

    dialog.raise(EVENT, { error: 12006 });
    dialog.raise(MESSAGE, { message: "late", origin: "https://addin.example.com" });
    dialog.raise(EVENT, { error: 12006 });
    opened.close();

    expect(seen).toEqual([["closed", 12006]]);
    // The window is gone: nothing to close.
    expect(dialog.closeCalls).toBe(0);
  });

  it("closes a dialog left on an error page (12002) so the next sign-in can open one", async () => {
    const dialog = fakeDialog();
    installUi({ dialog });
    const { seen, handlers } = recordingHandlers();
    const opened = await createOfficeSignInDialog().open(START_URL, handlers);

    dialog.raise(EVENT, { error: 12002 });
    opened.close();

    expect(seen).toEqual([["closed", 12002]]);
    expect(dialog.closeCalls).toBe(1);
  });

  it("close() closes the dialog; no handler is called after it, not even onClosed", async () => {
    const dialog = fakeDialog();
    installUi({ dialog });
    const { seen, handlers } = recordingHandlers();
    const opened = await createOfficeSignInDialog().open(START_URL, handlers);

    dialog.raise(MESSAGE, { message: "first", origin: "https://addin.example.com" });
    opened.close();
    dialog.raise(MESSAGE, { message: "second", origin: "https://addin.example.com" });
    dialog.raise(EVENT, { error: 12006 });

    expect(seen).toEqual([["message", "first", "https://addin.example.com"]]);
    expect(dialog.closeCalls).toBe(1);
  });

  it("close() twice closes once and doesn't throw", async () => {
    const dialog = fakeDialog();
    installUi({ dialog });
    const opened = await createOfficeSignInDialog().open(START_URL, recordingHandlers().handlers);

    opened.close();
    expect(() => opened.close()).not.toThrow();

    expect(dialog.closeCalls).toBe(1);
  });

  it("close() doesn't throw when Office does (the window was already gone)", async () => {
    const dialog = fakeDialog({ closeThrows: true });
    installUi({ dialog });
    const opened = await createOfficeSignInDialog().open(START_URL, recordingHandlers().handlers);

    expect(() => opened.close()).not.toThrow();
    expect(() => opened.close()).not.toThrow();
    expect(dialog.closeCalls).toBe(1);
  });

  it("registers one handler per event type", async () => {
    const dialog = fakeDialog();
    installUi({ dialog });

    await createOfficeSignInDialog().open(START_URL, recordingHandlers().handlers);

    expect([dialog.handlerCount(MESSAGE), dialog.handlerCount(EVENT)]).toEqual([1, 1]);
  });

  it.each([
    [12004, "The domain of the URL is not included in the AppDomains element in the manifest."],
    [12005, "The URL uses the HTTP protocol. HTTPS is required."],
    [12007, "A dialog box is already opened from this host window."],
    [12009, "The user chose to ignore the dialog box."],
    [12011, "The user's browser is configured in a way that blocks popups."],
  ])("rejects with Office's code %i when the dialog can't open", async (code, message) => {
    installUi({ code, message });
    const { seen, handlers } = recordingHandlers();

    await expect(createOfficeSignInDialog().open(START_URL, handlers)).rejects.toMatchObject({
      name: "OfficeError",
      code,
      message,
    });
    expect(seen).toEqual([]);
  });

  it("rejects (does not throw) when displayDialogAsync throws synchronously", async () => {
    installOfficeEnums({
      context: {
        ui: {
          displayDialogAsync() {
            throw new Error("Sys.ArgumentOutOfRangeException: width");
          },
        },
      },
      EventType: { DialogMessageReceived: MESSAGE, DialogEventReceived: EVENT },
    });

    await expect(
      createOfficeSignInDialog({ width: 400 }).open(START_URL, recordingHandlers().handlers)
    ).rejects.toMatchObject({
      name: "OfficeError",
      code: 0,
      message: "Sys.ArgumentOutOfRangeException: width",
    });
  });
});
