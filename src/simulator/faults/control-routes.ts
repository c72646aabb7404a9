/**
 * `{ctx}/__sim/*`: the simulator's own controls over HTTP, for the e2e harness, the admin kit and
 * people. JSON in and out, no authentication, and apart from the Jira surface: no latency, no
 * faults, real `Date`. Not something a real Jira has.
 */
import express from "express";
import type { ErrorRequestHandler, Router } from "express";
import type { SimulatorControl } from "./simulator-control";
import { SimulatorInputError } from "./simulator-input-error";

/** Where the controls live, below the context path. */
export const CONTROL_PATH = "/__sim";

/** The router to mount at `{ctx}/__sim`. */
export function createControlRoutes(control: SimulatorControl): Router {
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });

  router.get("/state", (_req, res) => {
    res.json(control.state());
  });
  router.post("/reset", (_req, res) => {
    control.reset();
    res.status(204).end();
  });
  router.post("/revoke-tokens", (_req, res) => {
    res.json({ revoked: control.revokeAllTokens() });
  });
  router.patch("/settings", (req, res) => {
    res.json(control.updateSettings(req.body as never));
  });
  router.post("/faults", (req, res) => {
    res.status(201).json(control.failNext(req.body as never));
  });
  router.delete("/faults", (_req, res) => {
    control.clearFaults();
    res.status(204).end();
  });
  router.post("/consumers", (req, res) => {
    res.status(201).json(control.addConsumer(req.body as never));
  });
  router.use((req, res) => {
    res.status(404).json({
      error: `No simulator control ${req.method} ${CONTROL_PATH}${req.path}. Known: GET state, POST reset, POST revoke-tokens, PATCH settings, POST|DELETE faults, POST consumers.`,
    });
  });
  router.use(controlErrors);
  return router;
}

const controlErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  if (error instanceof SimulatorInputError) {
    res.status(400).json({ error: error.message, field: error.field });
    return;
  }
  const status = (error as { status?: unknown }).status;
  if (typeof status === "number" && status >= 400 && status < 500) {
    // body-parser: malformed JSON, wrong charset, too large
    res.status(status).json({ error: `Request body: ${(error as Error).message}` });
    return;
  }
  res.status(500).json({ error: (error as Error).message ?? String(error) });
};
