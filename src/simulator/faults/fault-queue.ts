/**
 * Injected failures: "the next N matching Jira requests fail with <status>". Matching is by method and
 * by path prefix (below the context path, or including it). The first pending fault that matches
 * is used, oldest first.
 */
import { SimulatorInputError } from "./simulator-input-error";

/** When a fault strikes: before the route runs (nothing happens) or after (the effect is stored, the answer lost). */
export type FaultTiming = "before" | "after";

/** A fault to inject (body of `POST /__sim/faults`). */
export interface FaultSpec {
  /** HTTP status of the simulated failure (400–599). Required unless `drop` is true. */
  status?: number;
  /**
   * Cut the connection instead of answering: the client gets no HTTP answer at all (a network
   * error), as when a proxy or the network drops mid-request. `before`: as soon as the request
   * arrives, before its body is read; `after`: once the route stored its work.
   */
  drop?: boolean;
  /** How many matching responses fail. Default 1. */
  count?: number;
  /** Default "before". */
  when?: FaultTiming;
  /** Adds `Retry-After: <seconds>`. */
  retryAfterSeconds?: number;
  /** Only requests whose path starts with this (e.g. "/rest/api/2/issue"). Default: every path. */
  pathPrefix?: string;
  /** Only this HTTP method. Default: any. */
  method?: string;
}

/** A fault waiting to strike. */
export interface PendingFault {
  id: number;
  /** The status answered; absent for a dropped connection. */
  status?: number;
  /** true: the connection is cut, nothing is answered. */
  drop?: true;
  remaining: number;
  when: FaultTiming;
  retryAfterSeconds?: number;
  pathPrefix?: string;
  method?: string;
}

/** The queue of pending faults. */
export interface FaultQueue {
  add(spec: FaultSpec): PendingFault;
  /** Consumes one strike of the first fault matching the request, if any. */
  take(method: string, pathBelowContext: string, fullPath: string): PendingFault | undefined;
  list(): PendingFault[];
  clear(): void;
}

/** Checks a fault spec; throws {@link SimulatorInputError} naming the bad field. */
export function validateFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new SimulatorInputError("fault", 'send a JSON object like {"status": 503}');
  }
  const known = ["status", "drop", "count", "when", "retryAfterSeconds", "pathPrefix", "method"];
  const spec = input as Record<string, unknown>;
  for (const field of Object.keys(spec)) {
    if (!known.includes(field)) {
      throw new SimulatorInputError(field, `is not a fault field; known: ${known.join(", ")}`);
    }
  }
  const { status, drop, count, when, retryAfterSeconds, pathPrefix, method } = spec;
  if (drop !== undefined && typeof drop !== "boolean") {
    throw new SimulatorInputError("drop", `must be true or false (got ${JSON.stringify(drop)})`);
  }
  if (drop === true) {
    if (status !== undefined) {
      throw new SimulatorInputError(
        "status",
        "must be left out with drop: a dropped connection answers nothing"
      );
    }
    if (retryAfterSeconds !== undefined) {
      throw new SimulatorInputError(
        "retryAfterSeconds",
        "must be left out with drop: a dropped connection sends no headers"
      );
    }
  } else if (!isInteger(status) || status < 400 || status > 599) {
    throw new SimulatorInputError(
      "status",
      `must be an HTTP error status 400–599, or drop: true for no answer (got ${JSON.stringify(status)})`
    );
  }
  if (count !== undefined && (!isInteger(count) || count < 1)) {
    throw new SimulatorInputError(
      "count",
      `must be a whole number ≥ 1 (got ${JSON.stringify(count)})`
    );
  }
  if (when !== undefined && when !== "before" && when !== "after") {
    throw new SimulatorInputError(
      "when",
      `must be "before" or "after" (got ${JSON.stringify(when)})`
    );
  }
  if (retryAfterSeconds !== undefined && (!isInteger(retryAfterSeconds) || retryAfterSeconds < 0)) {
    throw new SimulatorInputError(
      "retryAfterSeconds",
      `must be a whole number of seconds ≥ 0 (got ${JSON.stringify(retryAfterSeconds)})`
    );
  }
  if (pathPrefix !== undefined && (typeof pathPrefix !== "string" || !pathPrefix.startsWith("/"))) {
    throw new SimulatorInputError(
      "pathPrefix",
      `must be a path starting with "/" (got ${JSON.stringify(pathPrefix)})`
    );
  }
  if (method !== undefined && (typeof method !== "string" || !/^[A-Za-z]+$/.test(method))) {
    throw new SimulatorInputError(
      "method",
      `must be an HTTP method like "POST" (got ${JSON.stringify(method)})`
    );
  }
  return {
    ...(drop === true ? { drop: true } : { status: status as number }),
    ...(count === undefined ? {} : { count }),
    ...(when === undefined ? {} : { when }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    ...(pathPrefix === undefined ? {} : { pathPrefix }),
    ...(method === undefined ? {} : { method: method.toUpperCase() }),
  };
}

/** "502", or "drop" for a cut connection (log lines). */
export function describeFault(fault: PendingFault): string {
  return fault.drop ? "drop" : String(fault.status);
}

/** Creates an empty queue. */
export function createFaultQueue(): FaultQueue {
  let faults: PendingFault[] = [];
  let nextId = 1;
  return {
    add(input) {
      const spec = validateFaultSpec(input);
      const fault: PendingFault = {
        id: nextId++,
        ...(spec.drop === true ? { drop: true as const } : { status: spec.status }),
        remaining: spec.count ?? 1,
        when: spec.when ?? "before",
        ...(spec.retryAfterSeconds === undefined
          ? {}
          : { retryAfterSeconds: spec.retryAfterSeconds }),
        ...(spec.pathPrefix === undefined ? {} : { pathPrefix: spec.pathPrefix }),
        ...(spec.method === undefined ? {} : { method: spec.method }),
      };
      faults.push(fault);
      return { ...fault };
    },
    take(method, pathBelowContext, fullPath) {
      const fault = faults.find(
        (candidate) =>
          (candidate.method === undefined || candidate.method === method.toUpperCase()) &&
          (candidate.pathPrefix === undefined ||
            pathBelowContext.startsWith(candidate.pathPrefix) ||
            fullPath.startsWith(candidate.pathPrefix))
      );
      if (!fault) {
        return undefined;
      }
      fault.remaining -= 1;
      if (fault.remaining === 0) {
        faults = faults.filter((candidate) => candidate !== fault);
      }
      return { ...fault };
    },
    list: () => faults.map((fault) => ({ ...fault })),
    clear() {
      faults = [];
    },
  };
}

function isInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}
