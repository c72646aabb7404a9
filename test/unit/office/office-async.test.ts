import { officeCall } from "../../../src/office/office-async";
import { installOfficeEnums, removeOfficeGlobal } from "../../support/fake-office-global";

beforeAll(() => installOfficeEnums());
afterAll(removeOfficeGlobal);

describe("officeCall", () => {
  it("resolves with the AsyncResult's value", async () => {
    await expect(
      officeCall<string>((callback) =>
        setTimeout(() =>
          callback({ status: "succeeded", value: "saved" } as unknown as Office.AsyncResult<string>)
        )
      )
    ).resolves.toBe("saved");
  });

  it("rejects with an OfficeError carrying Office's code and message", async () => {
    const failed = {
      status: "failed",
      value: undefined,
      error: { code: 9057, name: "Settings too large", message: "The settings exceed 32 KB." },
    } as unknown as Office.AsyncResult<void>;
    await expect(
      officeCall<void>((callback) => setTimeout(() => callback(failed)))
    ).rejects.toMatchObject({
      name: "OfficeError",
      code: 9057,
      message: "The settings exceed 32 KB.",
    });
  });

  it("turns a synchronous throw from the host into a rejection", async () => {
    await expect(
      officeCall<void>(() => {
        throw new Error("Sys.ArgumentException");
      })
    ).rejects.toMatchObject({ name: "OfficeError", code: 0, message: "Sys.ArgumentException" });
  });
});
