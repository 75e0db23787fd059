import { Cron } from 'croner';
import { sql } from 'kysely';
import type { AppDependencies } from '../app.js';
import type { RecurringTask } from './jobs.types.js';

interface ScheduledTask {
  task: RecurringTask;
  cron: Cron;
  next: Date | null;
}

/**
 * When each recurring task is next due, read from its cron expression in UTC with croner. The
 * runner asks which moments have come; moments missed while no instance was running are not made
 * up (a closing task looks at its own data for what is left to do).
 */
export class RecurringSchedule {
  private readonly entries: ScheduledTask[];

  constructor(tasks: readonly RecurringTask[], now: Date) {
    this.entries = tasks.map((task) => {
      // A bad expression is a programming error: the server refuses to start and names the task.
      let cron: Cron;
      try {
        cron = new Cron(task.cron, { timezone: 'UTC', paused: true });
      } catch (error) {
        throw new Error(`Recurring task ${task.name}: bad cron expression "${task.cron}": ${(error as Error).message}`);
      }
      return { task, cron, next: cron.nextRun(now) };
    });
  }

  /** The moments that have come by `now`, each once; the schedule moves past them. */
  due(now: Date): { task: RecurringTask; scheduledFor: Date }[] {
    const due: { task: RecurringTask; scheduledFor: Date }[] = [];
    for (const entry of this.entries) {
      if (entry.next && entry.next.getTime() <= now.getTime()) {
        due.push({ task: entry.task, scheduledFor: entry.next });
        entry.next = entry.cron.nextRun(now);
      }
    }
    return due;
  }

  /** Milliseconds until the next moment of any task; null without tasks. */
  msUntilNext(now: Date): number | null {
    const times = this.entries.flatMap((entry) => (entry.next ? [entry.next.getTime() - now.getTime()] : []));
    return times.length === 0 ? null : Math.max(0, Math.min(...times));
  }
}

export type RecurringOutcome = 'ran' | 'failed' | 'taken';

/**
 * Runs one scheduled moment of a task unless another instance already took it: the row inserted
 * first wins (ON CONFLICT DO NOTHING), so with any number of instances each moment runs once. The
 * outcome (the counts the task returns, or its error) is kept on that row for operators.
 */
export async function runRecurringMoment(
  deps: AppDependencies,
  task: RecurringTask,
  scheduledFor: Date,
  log: { error: (details: object, message: string) => void },
): Promise<RecurringOutcome> {
  const { db } = deps;
  const taken = await db
    .insertInto('recurring_task_runs')
    .values({ task: task.name, scheduled_for: scheduledFor })
    .onConflict((conflict) => conflict.columns(['task', 'scheduled_for']).doNothing())
    .returning('task')
    .executeTakeFirst();
  if (!taken) return 'taken';
  const row = (eb: typeof db) => eb.updateTable('recurring_task_runs').where('task', '=', task.name).where('scheduled_for', '=', scheduledFor);
  try {
    const outcome = await task.run(deps, scheduledFor);
    await row(db)
      .set({ finished_at: sql<Date>`now()`, outcome: JSON.stringify(outcome ?? {}) })
      .execute();
    return 'ran';
  } catch (error) {
    log.error({ err: error, task: task.name }, 'a recurring task failed');
    await row(db)
      .set({ finished_at: sql<Date>`now()`, error: describeError(error) })
      .execute();
    return 'failed';
  }
}

/** One line for operators: the message, never a stack trace. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return text.slice(0, 2000) || 'unknown error';
}
