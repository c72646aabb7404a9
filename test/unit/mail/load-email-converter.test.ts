import type { EmailConverter } from "../../../src/mail/email-description-types";
import {
  createEmailConverterLoader,
  EmailConverterUnavailableError,
  loadEmailConverter,
} from "../../../src/mail/load-email-converter";

const converter: EmailConverter = {
  describe: () => ({ markup: "", usedInlineImages: [] }),
  describeAsync: () => Promise.resolve({ markup: "", usedInlineImages: [] }),
};

describe("createEmailConverterLoader", () => {
  it("loads once and shares the result", async () => {
    const load = jest.fn(() => Promise.resolve(converter));
    const loadConverter = createEmailConverterLoader(load);
    const [first, second] = await Promise.all([loadConverter(), loadConverter()]);
    expect(await loadConverter()).toBe(first);
    expect(second).toBe(first);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("rejects with converter_unavailable, telling to reload the pane, and tries again next time", async () => {
    const chunkError = new Error("Loading chunk email-converter failed.");
    const load = jest
      .fn<Promise<EmailConverter>, []>()
      .mockRejectedValueOnce(chunkError)
      .mockResolvedValueOnce(converter);
    const loadConverter = createEmailConverterLoader(load);

    const failure = await loadConverter().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(EmailConverterUnavailableError);
    expect(failure).toMatchObject({
      code: "converter_unavailable",
      message: expect.stringMatching(/reload the pane/i),
      cause: chunkError,
    });

    await expect(loadConverter()).resolves.toBe(converter);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe("loadEmailConverter", () => {
  it("imports the converter module once and converts a text body", async () => {
    const loaded = await loadEmailConverter();
    expect(await loadEmailConverter()).toBe(loaded);
    const result = loaded.describe({
      message: {
        itemId: "i",
        subject: "s",
        from: null,
        to: [],
        cc: [],
        sentAt: null,
        internetMessageId: "<m@x>",
        conversationId: "c",
        attachments: [],
      },
      body: { html: null, text: "Hello *there*" },
      options: { includeHeaderBlock: false, cutQuotedHistory: false },
      inlineImages: [],
      locale: "en-US",
    });
    expect(result.markup).toBe("Hello \\*there*");
  });
});
