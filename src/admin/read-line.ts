/**
 * Reads one line from a stream (standard input): typed at a terminal, or piped in. Resolves at the
 * first line break, or with what came before the end of the stream; undefined when nothing came.
 */
import type { Readable } from "node:stream";

/** One line from `input`, without its line break (`\n` or `\r\n`). */
export function readOneLine(input: Readable): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let buffered = "";
    const finish = (line: string | undefined): void => {
      input.off("data", onData);
      input.off("end", onEnd);
      input.off("error", onError);
      input.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer | string): void => {
      buffered += chunk.toString();
      const newline = buffered.indexOf("\n");
      if (newline !== -1) {
        finish(buffered.slice(0, newline).replace(/\r$/, ""));
      }
    };
    const onEnd = (): void => finish(buffered === "" ? undefined : buffered.replace(/\r$/, ""));
    const onError = (error: Error): void => {
      input.off("data", onData);
      input.off("end", onEnd);
      reject(error);
    };
    input.on("data", onData);
    input.once("end", onEnd);
    input.once("error", onError);
    input.resume();
  });
}
