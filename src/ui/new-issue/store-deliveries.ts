/**
 * The creates of the New issue store: read the chosen files, create the issue at most once, run
 * the other steps, and keep every step's state in the entry (stored with the draft). After the
 * issue exists nothing here creates another: a retry runs only the failed steps after the create.
 *
 * What every main step (the create here, the Add to issue store's comment) shares is here too:
 * {@link createMainStepDeliveries} (read the files, run the main step at most once, record an
 * uncertain outcome, then the steps after it) and {@link createFollowUps} (files held per email,
 * the step reporter, settling, "Retry failed steps").
 */
import type { CreatedIssueOutcome } from "../../jira/create-issue-once";
import type { MailMessage } from "../../mail/mail-message";
import type { DeliveryStep, StepsDelivery } from "./delivery";
import { failedSteps, isMainStep, planDelivery, withStep } from "./delivery";
import type { DestinationMemory } from "./destination-memory";
import { errorCode } from "../error-code";
import { createTheIssue, readUploadFiles, runFollowUpSteps } from "./issue-delivery";
import type { DeliveryPorts, FollowUpTarget, ReadFile, StepReporter } from "./issue-delivery";
import { initialDraftFor } from "./new-issue-draft";
import type { NewIssueDraft } from "./new-issue-draft";
import type { EntryAccess } from "./new-issue-entry";
import type { NewIssueItem } from "./new-issue-item";
import type { CreateRequest, CreatedDelivery } from "./new-issue-submission";
import type { Delivery } from "./delivery";

/** How the follow-up bookkeeping reaches a store's entries. */
export interface FollowUpEntries<Item, Done extends StepsDelivery> {
  /** The delivery of `item` whose main step succeeded; undefined before (or after Done). */
  doneDelivery(item: Item): Done | undefined;
  /** Whether `item`'s delivery still runs something. */
  busy(item: Item): boolean;
  /**
   * Keeps `delivery` as `item`'s: still running, or settled; `linked` when its email-link step just
   * succeeded (the "Linked to" list reads the email again); `persist: false` for progress.
   */
  put(
    item: Item,
    delivery: Done,
    state: { running: boolean; linked?: boolean; persist?: boolean }
  ): void;
  /** Where ignored failures are logged. */
  warn(message: string, error: unknown): void;
}

/** The follow-up bookkeeping of a store (see {@link createFollowUps}). */
export interface FollowUps<Item> {
  /** Keeps the files read for `item`'s uploads until they are uploaded (or the run ends). */
  hold(item: Item, files: Map<string, ReadFile>): void;
  /** Drops `item`'s files (its delivery failed or ended). */
  drop(item: Item): void;
  /** Runs `steps` after the main step, then settles: "delivered", and no file held. */
  run(item: Item, message: MailMessage, steps: readonly DeliveryStep[]): Promise<void>;
  /** Settles `item`'s delivery ("delivered", no file held) after an unexpected stop. */
  settle(item: Item): void;
  /** Runs the failed steps after the main one again; false when none, or something runs. */
  retry(item: Item, message: MailMessage): boolean;
}

/**
 * The part of a delivery after its main step (the create, the comment): the files read for
 * uploads, per email and step, held only while that email's delivery runs (an attachment can be
 * tens of MB); each step's change reported into the entry; and "Retry failed steps", which runs
 * only those (a failed file is read again: only the email's own form offers Retry, so that email is
 * the open one then).
 */
export function createFollowUps<Item extends { key: string }, Done extends StepsDelivery>(
  entries: FollowUpEntries<Item, Done>,
  ports: DeliveryPorts,
  targetOf: (delivery: Done) => FollowUpTarget
): FollowUps<Item> {
  const files = new Map<string, Map<string, ReadFile>>();

  function reporter(item: Item): StepReporter {
    return (stepId, change, reportOptions) => {
      const delivery = entries.doneDelivery(item);
      if (!delivery) return;
      entries.put(item, withStep(delivery, stepId, change), {
        running: true,
        linked: change.status === "done" && stepId === "email-link",
        persist: reportOptions?.persist !== false,
      });
    };
  }

  function settle(item: Item): void {
    files.delete(item.key);
    const delivery = entries.doneDelivery(item);
    if (delivery) entries.put(item, delivery, { running: false });
  }

  async function run(item: Item, message: MailMessage, steps: readonly DeliveryStep[]) {
    const delivery = entries.doneDelivery(item);
    if (!delivery) return;
    let itemFiles = files.get(item.key);
    if (!itemFiles) files.set(item.key, (itemFiles = new Map()));
    const context = {
      ...targetOf(delivery),
      message,
      jiraBaseUrl: delivery.jiraBaseUrl,
      steps: steps.filter((step) => !isMainStep(step)),
      files: itemFiles,
    };
    await runFollowUpSteps(ports, context, reporter(item));
    settle(item);
  }

  return {
    hold: (item, read) => void files.set(item.key, read),
    drop: (item) => void files.delete(item.key),
    run,
    settle,
    retry(item, message) {
      const delivery = entries.doneDelivery(item);
      if (!delivery || entries.busy(item)) return false;
      const steps = failedSteps(delivery);
      if (steps.length === 0) return false;
      const pending = steps.reduce(
        (next, step) => withStep(next, step.id, { status: "pending" }),
        delivery
      );
      entries.put(item, pending, { running: true });
      run(item, message, steps).catch((error: unknown) => {
        entries.warn("Retrying the failed steps stopped unexpectedly.", error);
        settle(item);
      });
      return true;
    },
  };
}

/** The draft fields of "at most once": the attempt's id and whether its last try was uncertain. */
export interface AttemptDraft {
  previousAttemptUncertain: boolean;
  uncertainSince?: number;
  attemptId?: string;
}

/** Where a store's main step (`Running`: "creating", "commenting") and the steps after it are. */
export type MainStepSubmission<Running extends string, Planned, Done> =
  | { status: "idle" }
  | { status: "failed"; error: unknown }
  | { status: "reading"; delivery: Planned }
  | { status: Running; delivery: Planned }
  | { status: "delivering" | "delivered"; delivery: Done };

/** The part of a store's entry the deliveries read and change. */
export interface MainStepEntry<Draft, Running extends string, Planned, Done> {
  readonly draft: Draft;
  readonly submission: MainStepSubmission<Running, Planned, Done>;
  /** Bumped when a delivery recorded a link on the email. */
  readonly linksRevision: number;
}

/** How the deliveries reach a store's entries. */
export interface MainStepAccess<Item, Draft, Running extends string, Planned, Done> {
  entryOf(item: Item): MainStepEntry<Draft, Running, Planned, Done>;
  set(
    item: Item,
    changes: Partial<MainStepEntry<Draft, Running, Planned, Done>>,
    persist?: boolean
  ): void;
  warn(message: string, error: unknown): void;
}

/** What a store's main step is, and what it does around the shared skeleton. */
export interface MainStep<
  Item,
  Draft extends AttemptDraft,
  Request,
  Running extends string,
  Planned extends StepsDelivery,
  Done extends StepsDelivery,
  Outcome,
> {
  /** The main step's id in the plan, also its name in messages ("create", "comment"). */
  stepId: string;
  /** The submission's status while the main step runs. */
  runningStatus: Running;
  /** The code of the main step's error that says it may have been done ("create_uncertain"). */
  uncertainCode: string;
  /** A random id for a new attempt. */
  randomId(): string;
  /** Whether `request` may start from `draft` (default: always). */
  accepts?(draft: Draft, request: Request): boolean;
  /** The delivery `request` makes, every step pending. */
  plan(request: Request, message: MailMessage, draft: Draft): Planned;
  /** Runs the main step, its files read and its step running; it may rename the planned uploads. */
  run(item: Item, message: MailMessage, request: Request, draft: Draft): Promise<Outcome>;
  /** The delivery once the main step gave `outcome` (its step already done). */
  completed(delivery: Planned, outcome: Outcome, draft: Draft, request: Request): Done;
  /** The draft the form starts again from after the main step succeeded. */
  nextDraft(item: Item, draft: Draft, request: Request, outcome: Outcome): Draft;
  /** Remembers where the email went; a failure is only logged, with `rememberFailure`. */
  remember(item: Item, draft: Draft, request: Request, outcome: Outcome): Promise<void>;
  rememberFailure: string;
  /** The draft after the first uncertain failure (the main step was attempted at `attemptedAt`). */
  uncertain(draft: Draft, request: Request, attemptedAt: number): Draft;
  /** What the steps after the main one work on. */
  target(delivery: Done): FollowUpTarget;
}

/** A store's deliveries: `start` (Create, Add comment) and `retry` ("Retry failed steps"). */
export interface MainStepDeliveries<Item, Request> {
  /**
   * Reads the files, runs the main step (at most once across attempts) and the steps after it;
   * false (and nothing sent) while `item`'s delivery runs or shows a result, or the draft refuses.
   */
  start(item: Item, message: MailMessage, request: Request): boolean;
  /** Runs the failed steps after the main one again; false when none, or something runs. */
  retry(item: Item, message: MailMessage): boolean;
}

/**
 * The skeleton of every delivery of a store: the draft gets its attempt id before anything is
 * sent (a reload retries with the same one); the chosen files are read while the email is still
 * the open one; the main step runs; an uncertain failure is recorded in the draft (any other
 * failure proves nothing about an earlier uncertain attempt, so that record stays); once the main
 * step succeeded nothing here runs it again, and the steps after it run ({@link createFollowUps}).
 */
export function createMainStepDeliveries<
  Item extends { key: string },
  Draft extends AttemptDraft,
  Request,
  Running extends string,
  Planned extends StepsDelivery,
  Done extends StepsDelivery,
  Outcome,
>(
  access: MainStepAccess<Item, Draft, Running, Planned, Done>,
  ports: DeliveryPorts,
  step: MainStep<Item, Draft, Request, Running, Planned, Done, Outcome>
): MainStepDeliveries<Item, Request> {
  const { entryOf, set, warn } = access;
  // (Running is a type parameter: TypeScript can't narrow the union by status, hence the casts.)
  const doneDelivery = (item: Item): Done | undefined => {
    const { submission } = entryOf(item);
    return submission.status === "delivering" || submission.status === "delivered"
      ? (submission as { delivery: Done }).delivery
      : undefined;
  };
  const followUps = createFollowUps<Item, Done>(
    {
      doneDelivery,
      busy: (item) => {
        const { status } = entryOf(item).submission;
        return status !== "idle" && status !== "failed" && status !== "delivered";
      },
      put(item, delivery, { running, linked, persist }) {
        const entry = entryOf(item);
        set(
          item,
          {
            submission: { status: running ? "delivering" : "delivered", delivery },
            ...(linked ? { linksRevision: entry.linksRevision + 1 } : {}),
          },
          persist !== false
        );
      },
      warn,
    },
    ports,
    step.target
  );

  /** The planned delivery of `item` (only while its main step is to come or runs). */
  const planned = (item: Item) => (entryOf(item).submission as { delivery: Planned }).delivery;

  function failed(item: Item, request: Request, error: unknown, attemptedAt: number): void {
    followUps.drop(item);
    let { draft } = entryOf(item);
    if (errorCode(error) === step.uncertainCode && !draft.previousAttemptUncertain) {
      draft = step.uncertain(draft, request, attemptedAt);
    }
    set(item, { draft, submission: { status: "failed", error } });
  }

  function succeeded(item: Item, draft: Draft, request: Request, outcome: Outcome): Done {
    const done = withStep(planned(item), step.stepId, { status: "done" });
    const delivery = step.completed(done, outcome, draft, request);
    const next = step.nextDraft(item, draft, request, outcome);
    set(item, { draft: next, submission: { status: "delivering", delivery } });
    step
      .remember(item, draft, request, outcome)
      .catch((error: unknown) =>
        warn(`Where the ${step.stepId} went could not be remembered.`, error)
      );
    return delivery;
  }

  async function deliver(item: Item, message: MailMessage, request: Request) {
    const { draft } = entryOf(item);
    // First the files, while the email is still the open one: Outlook reads no other.
    followUps.hold(item, await readUploadFiles(ports.mailContent, message, planned(item).steps));
    const attemptedAt = ports.now();
    const running = {
      ...withStep(planned(item), step.stepId, { status: "running" }),
      startedAt: attemptedAt,
    };
    set(item, { submission: { status: step.runningStatus, delivery: running } });
    let outcome: Outcome;
    try {
      outcome = await step.run(item, message, request, draft);
    } catch (error) {
      failed(item, request, error, attemptedAt);
      return;
    }
    const delivery = succeeded(item, draft, request, outcome);
    await followUps.run(item, message, delivery.steps);
  }

  return {
    start(item, message, request) {
      const entry = entryOf(item);
      if (entry.submission.status !== "idle" && entry.submission.status !== "failed") return false;
      if (step.accepts && !step.accepts(entry.draft, request)) return false;
      const draft = entry.draft.attemptId
        ? entry.draft
        : { ...entry.draft, attemptId: step.randomId() };
      // The attempt id is stored before anything is sent: a reload must retry with the same one.
      set(item, {
        draft,
        submission: { status: "reading", delivery: step.plan(request, message, draft) },
      });
      deliver(item, message, request).catch((error: unknown) => {
        // Never hide a main step that succeeded behind a failure: only one that failed is one.
        if (!doneDelivery(item)) return failed(item, request, error, ports.now());
        warn(`The steps after the ${step.stepId} stopped unexpectedly.`, error);
        followUps.settle(item);
      });
      return true;
    },
    retry: followUps.retry,
  };
}

/** What the creates need beside the entries. */
export interface DeliveriesOptions {
  ports: DeliveryPorts;
  destinations: DestinationMemory;
  randomId: () => string;
}

/** The New issue store's `create` and `retry`. */
export function createDeliveries(access: EntryAccess, options: DeliveriesOptions) {
  const { ports, destinations, randomId } = options;
  const deliveries = createMainStepDeliveries<
    NewIssueItem,
    NewIssueDraft,
    CreateRequest,
    "creating",
    Delivery,
    CreatedDelivery,
    CreatedIssueOutcome
  >(access, ports, {
    stepId: "create",
    runningStatus: "creating",
    uncertainCode: "create_uncertain",
    randomId,
    plan: (request, message) =>
      planDelivery({
        startedAt: ports.now(),
        jiraBaseUrl: request.jiraBaseUrl,
        projectKey: request.issue.projectKey,
        issueTypeId: request.issue.issueTypeId,
        summary: request.issue.summary,
        uploads: request.uploads,
        remoteLink: message.internetMessageId.trim() !== "",
      }),
    run: (_item, message, request, draft) =>
      createTheIssue(ports, message, request.issue, {
        attemptId: draft.attemptId as string,
        previousAttemptUncertain: draft.previousAttemptUncertain,
        ...(draft.uncertainSince !== undefined ? { uncertainSince: draft.uncertainSince } : {}),
      }),
    completed: (delivery, issue) => ({ ...delivery, issue }),
    // The next issue likely goes to the same place: keep the project and issue type.
    nextDraft: (item, { projectKey, issueTypeId, attachEmail }) => ({
      ...initialDraftFor(item, { attachEmail }),
      projectKey,
      issueTypeId,
    }),
    remember: (item, { projectKey, issueTypeId, attachEmail }, _request, issue) =>
      destinations.remember(item, { projectKey, issueTypeId, issueKey: issue.key, attachEmail }),
    rememberFailure: "The destination could not be remembered.",
    // The first uncertain attempt's time stays through later ones: the search must reach back to it.
    uncertain: (draft, _request, attemptedAt) => ({
      ...draft,
      previousAttemptUncertain: true,
      uncertainSince: attemptedAt,
    }),
    target: (delivery) => ({ issue: delivery.issue, linkKind: "created" }),
  });
  return { create: deliveries.start, retry: deliveries.retry };
}
