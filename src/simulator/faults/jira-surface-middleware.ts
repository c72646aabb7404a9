/**
 * What sits in front of every Jira-surface route (never in front of `/__sim/`): the added latency,
 * the simulator clock's `Date` header, and the injected faults.
 */
import type { RequestHandler, Response } from "express";
import type { SimulatorClock, SimulatorSettings } from "../simulator-contract";
import { describeFault } from "./fault-queue";
import type { FaultQueue, PendingFault } from "./fault-queue";

/** Waits `settings.latencyMs` before the request is handled (read per request, so changes apply at once). */
export function simulatedLatency(settings: SimulatorSettings): RequestHandler {
  return (_req, _res, next) => {
    if (settings.latencyMs > 0) {
      // unref: a pending delay must not keep a closing process alive
      setTimeout(next, settings.latencyMs).unref();
    } else {
      next();
    }
  };
}

/**
 * Sets `Date` from the simulator clock: Node would send the real time, but a client that corrects
 * its clock after `timestamp_refused` reads Jira's `Date`, so it must show the skewed clock.
 */
export function simulatorDateHeader(clock: SimulatorClock): RequestHandler {
  return (_req, res, next) => {
    res.setHeader("Date", new Date(clock()).toUTCString());
    next();
  };
}

/**
 * Applies the first pending fault matching the request. "before": answers at once, the route
 * never runs. "after": the route runs (its effect is stored) and its answer is swapped for the fault.
 */
export function simulatedFaults(options: {
  faults: FaultQueue;
  clock: SimulatorClock;
  log: (line: string) => void;
}): RequestHandler {
  return (req, res, next) => {
    const queryStart = req.originalUrl.indexOf("?");
    const fullPath = queryStart === -1 ? req.originalUrl : req.originalUrl.slice(0, queryStart);
    const fault = options.faults.take(req.method, req.path, fullPath);
    if (!fault) {
      next();
      return;
    }
    options.log(
      `Fault: ${describeFault(fault)} ${fault.when} ${req.method} ${fullPath} (${fault.remaining} more)`
    );
    const fail = () => (fault.drop ? dropConnection(res) : sendFault(res, fault, options.clock));
    if (fault.when === "before") {
      fail();
      return;
    }
    replaceResponse(res, fail);
    next();
  };
}

/**
 * No answer at all: the socket is destroyed, so the client sees the connection reset (a network
 * error, as when a proxy or the network drops). Nothing of the route's answer is sent.
 */
function dropConnection(res: Response): void {
  res.socket?.destroy();
}

/** The simulated failure: Jira's error body shape, `Retry-After` when asked. */
function sendFault(res: Response, fault: PendingFault, clock: SimulatorClock): void {
  const status = fault.status ?? 500;
  res.status(status);
  res.setHeader("Date", new Date(clock()).toUTCString());
  if (fault.retryAfterSeconds !== undefined) {
    res.setHeader("Retry-After", String(fault.retryAfterSeconds));
  }
  res.type("application/json").send(JSON.stringify({ errorMessages: [`Simulated ${status}`] }));
}

/**
 * Lets the route write its response into the void, then sends `replacement` instead when the route
 * ends it. Headers the route set are dropped, so nothing of its answer leaks into the fault's.
 */
function replaceResponse(res: Response, replacement: () => void): void {
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    flushHeaders: res.flushHeaders,
  };
  let replaced = false;
  const restore = (): void => {
    Object.assign(res, original);
  };
  res.writeHead = ((..._args: unknown[]) => res) as unknown as Response["writeHead"];
  res.flushHeaders = () => undefined;
  res.write = ((_chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) => {
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    if (typeof done === "function") {
      process.nextTick(done as () => void);
    }
    return true;
  }) as Response["write"];
  res.end = ((...args: unknown[]) => {
    if (!replaced) {
      replaced = true;
      restore();
      for (const name of res.getHeaderNames()) {
        res.removeHeader(name);
      }
      const done = args.find((arg) => typeof arg === "function");
      if (typeof done === "function") {
        res.once("finish", done as () => void);
      }
      replacement();
    }
    return res;
  }) as Response["end"];
}
