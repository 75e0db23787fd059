import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppDependencies } from '../app.js';
import { JOB_HANDLERS, RECURRING_TASKS } from './catalogue.js';
import { claimDueJob, defaultRetryDelayMs, extendJobLock, markJobDone, markJobFailed, scheduleJobRetry, type ClaimedJob } from './jobs.claim.js';
import { JOBS_CHANNEL } from './jobs.repo.js';
import { PermanentJobError, type JobHandler, type RecurringTask } from './jobs.types.js';
import { describeError, RecurringSchedule, runRecurringMoment } from './recurring.js';

export interface RunnerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface JobRunnerOptions {
  // Handlers of every payload type share one list; each parses its own payload before running.
  handlers?: readonly JobHandler<unknown>[];
  tasks?: readonly RecurringTask[];
  pollMs?: number;
  concurrency?: number;
  lockMs?: number;
  log: RunnerLog;
  /** Tests move time by hand; the runner reads it for due times, locks and recurring moments. */
  clock?: () => Date;
  instanceId?: string;
}

/**
 * Runs due jobs and recurring tasks in this process. Jobs are taken one statement at a time with
 * SKIP LOCKED, so any number of instances share the work and a job runs once; a job whose instance
 * died is taken again when its lock passes. The runner wakes on NOTIFY when a job is queued for now,
 * and polls anyway, so a lost notification only delays work.
 */
export class JobRunner {
  readonly instanceId: string;
  private readonly handlers: Map<string, JobHandler<unknown>>;
  private readonly tasks: readonly RecurringTask[];
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly lockMs: number;
  private readonly clock: () => Date;
  private schedule: RecurringSchedule | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private pumping: Promise<void> | undefined;
  private pumpAgain = false;
  private timer: NodeJS.Timeout | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private running = false;

  constructor(
    private readonly deps: AppDependencies,
    private readonly options: JobRunnerOptions,
  ) {
    this.handlers = new Map((options.handlers ?? JOB_HANDLERS).map((handler) => [handler.kind, handler]));
    this.tasks = options.tasks ?? RECURRING_TASKS;
    this.pollMs = options.pollMs ?? deps.config.jobs.pollMs;
    this.concurrency = options.concurrency ?? deps.config.jobs.concurrency;
    this.lockMs = options.lockMs ?? deps.config.jobs.lockMs;
    this.clock = options.clock ?? (() => new Date());
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  async start(): Promise<void> {
    this.schedule = new RecurringSchedule(this.tasks, this.clock());
    this.running = true;
    try {
      this.stopListening = await this.deps.database.listen(JOBS_CHANNEL, () => this.wake());
    } catch (error) {
      this.options.log.warn({ err: error }, 'job runner: no notifications, polling only');
    }
    this.wake();
  }

  /** Stops taking work and waits for the jobs and tasks already running to finish. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.stopListening?.();
    this.stopListening = undefined;
    await this.pumping;
    await Promise.allSettled([...this.inFlight]);
  }

  /** Looks for work now (a job was queued for now, a job finished, or the poll interval passed). */
  wake(): void {
    if (!this.running) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.pumping = this.pump()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'job runner: could not look for due jobs'))
      .finally(() => {
        this.pumping = undefined;
        if (this.pumpAgain) {
          this.pumpAgain = false;
          this.wake();
        } else this.sleep();
      });
  }

  /** Runs every due job one after another and returns how many ran (tests and one-off use). */
  async runDueJobs(): Promise<number> {
    let count = 0;
    for (;;) {
      const job = await claimDueJob(this.deps.db, this.instanceId, this.clock(), this.lockMs);
      if (!job) return count;
      await this.runJob(job);
      count++;
    }
  }

  /** Runs the recurring moments that have come by now (tests and the loop). */
  async runDueRecurring(): Promise<void> {
    this.schedule ??= new RecurringSchedule(this.tasks, this.clock());
    const due = this.schedule.due(this.clock());
    await Promise.all(due.map(({ task, scheduledFor }) => runRecurringMoment(this.deps, task, scheduledFor, this.options.log)));
  }

  private sleep(): void {
    if (!this.running) return;
    const untilRecurring = this.schedule?.msUntilNext(this.clock()) ?? null;
    const delay = Math.min(this.pollMs, untilRecurring === null ? Infinity : untilRecurring + 5);
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref();
  }

  private async pump(): Promise<void> {
    for (const { task, scheduledFor } of this.schedule?.due(this.clock()) ?? []) {
      this.track(runRecurringMoment(this.deps, task, scheduledFor, this.options.log).then(() => undefined));
    }
    while (this.running && this.inFlight.size < this.concurrency) {
      const job = await claimDueJob(this.deps.db, this.instanceId, this.clock(), this.lockMs);
      if (!job) return;
      this.track(this.runJob(job).finally(() => this.wake()));
    }
  }

  private track(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.options.log.error({ err: error }, 'job runner: work failed unexpectedly'));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  /** Runs one claimed job and records its outcome; never throws for a job's own failure. */
  private async runJob(job: ClaimedJob): Promise<void> {
    const { db } = this.deps;
    const handler = this.handlers.get(job.kind);
    if (!handler) {
      await markJobFailed(db, job, this.instanceId, `No handler for job kind "${job.kind}"`);
      return;
    }
    if (job.attempts > job.maxAttempts) {
      await markJobFailed(db, job, this.instanceId, 'The instance running its last attempt stopped before it finished');
      return;
    }
    const payload = handler.payload.safeParse(job.payload);
    if (!payload.success) {
      const fields = payload.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ');
      await markJobFailed(db, job, this.instanceId, `Bad payload for "${job.kind}": ${fields}`);
      return;
    }
    // A long job keeps its lock fresh so another instance does not take it over while it works.
    const heartbeat = setInterval(() => {
      extendJobLock(db, job, this.instanceId, new Date(this.clock().getTime() + this.lockMs)).catch(() => undefined);
    }, Math.max(50, Math.floor(this.lockMs / 3)));
    heartbeat.unref();
    try {
      await handler.run(this.deps, payload.data, { id: job.id, attempts: job.attempts, maxAttempts: job.maxAttempts });
      clearInterval(heartbeat);
      await markJobDone(db, job, this.instanceId);
    } catch (error) {
      clearInterval(heartbeat);
      const message = describeError(error);
      if (error instanceof PermanentJobError || job.attempts >= job.maxAttempts) {
        // The error stays in the jobs table: it may name a recipient, and logs are not for personal data.
        this.options.log.warn({ job: job.id, kind: job.kind, attempts: job.attempts }, 'job failed; see its last_error');
        await markJobFailed(db, job, this.instanceId, message);
      } else {
        const delay = (handler.retryDelayMs ?? defaultRetryDelayMs)(job.attempts);
        await scheduleJobRetry(db, job, this.instanceId, message, new Date(this.clock().getTime() + delay));
      }
    }
  }
}
