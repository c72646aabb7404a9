import {
  loadOpenedEml,
  loadPreviewState,
  MAX_PERSISTED_EML_BYTES,
  OPENED_EML_KEY,
  saveOpenedEml,
  savePreviewState,
} from "../../../src/preview/preview-state";
import { createMemoryStorage } from "../../../src/preview/storage";

describe("preview state persistence", () => {
  it("round-trips selection, theme and mode", () => {
    const storage = createMemoryStorage();
    expect(loadPreviewState(storage)).toEqual({
      selection: null,
      theme: "light",
      mailboxMode: "modern",
    });
    savePreviewState(storage, {
      selection: { kind: "sample", id: "reply-sup-2" },
      theme: "dark",
      mailboxMode: "onPremises15",
    });
    expect(loadPreviewState(storage)).toEqual({
      selection: { kind: "sample", id: "reply-sup-2" },
      theme: "dark",
      mailboxMode: "onPremises15",
    });
  });

  it("keeps an opened .eml under 2 MB and refuses a larger one", () => {
    const storage = createMemoryStorage();
    const small = new Uint8Array([70, 114, 111, 109, 58, 0xff]);
    expect(saveOpenedEml(storage, small)).toBe(true);
    expect(loadOpenedEml(storage)).toEqual(small);
    expect(saveOpenedEml(storage, new Uint8Array(MAX_PERSISTED_EML_BYTES + 1))).toBe(false);
    expect(storage.getItem(OPENED_EML_KEY)).toBeNull();
  });

  it("falls back to defaults on garbage", () => {
    const storage = createMemoryStorage({
      "outlookPreview.state": '{"theme":"purple","selection":{"kind":"x"}}',
    });
    expect(loadPreviewState(storage)).toEqual({
      selection: null,
      theme: "light",
      mailboxMode: "modern",
    });
  });
});
