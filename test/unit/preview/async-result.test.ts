import {
  defaultSchedule,
  deliver,
  failed,
  parseAsyncArgs,
  succeeded,
} from "../../../src/preview/office-standin/async-result";
import type { StandInAsyncResult } from "../../../src/preview/office-standin/async-result";
import { OfficeErrors } from "../../../src/preview/office-standin/errors";

describe("AsyncResult semantics", () => {
  it("hands the result to the callback on a later turn, never synchronously", async () => {
    const calls: string[] = [];
    const delivered = new Promise<StandInAsyncResult<number>>((resolve) => {
      deliver(
        defaultSchedule,
        (result: StandInAsyncResult<number>) => {
          calls.push("callback");
          resolve(result);
        },
        succeeded(42, "ctx")
      );
    });
    calls.push("after call");
    const result = await delivered;
    expect(calls).toEqual(["after call", "callback"]);
    expect(result).toEqual({
      status: "succeeded",
      value: 42,
      error: undefined,
      asyncContext: "ctx",
    });
  });

  it("shapes a failure like Office: status failed, value undefined, error {code, name, message}", () => {
    const result = failed(OfficeErrors.invalidAttachmentId, { id: 1 });
    expect(result).toEqual({
      status: "failed",
      value: undefined,
      error: { code: 9003, name: "InvalidAttachmentId", message: "The attachment ID was invalid." },
      asyncContext: { id: 1 },
    });
  });

  it("accepts a missing callback", () => {
    expect(() => deliver(defaultSchedule, undefined, succeeded(1))).not.toThrow();
  });

  it("reads (options, callback), (callback) and (options) tails and echoes asyncContext", () => {
    const callback = () => undefined;
    expect(parseAsyncArgs([{ asyncContext: "a" }, callback])).toEqual({
      options: { asyncContext: "a" },
      callback,
      asyncContext: "a",
    });
    expect(parseAsyncArgs([callback])).toEqual({ options: {}, callback, asyncContext: undefined });
    expect(parseAsyncArgs([{ asyncContext: 7 }])).toMatchObject({
      callback: undefined,
      asyncContext: 7,
    });
  });
});
