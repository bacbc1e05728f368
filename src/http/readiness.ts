/**
 * `/readyz` must answer an orchestrator within its probe timeout (3 s) even
 * when a dependency hangs — a paused Redis, a Bot API that never answers. So
 * every check is raced against its own timer, and a check that is late is
 * reported as not ready ("timed out"), never waited for.
 */

/** One readiness check: resolves with a reason when not ready, undefined when ready. */
export type ReadinessCheck = () => Promise<string | undefined>;

/** How long one check may take before it counts as not ready; leaves room under a 3 s probe. */
export const READINESS_CHECK_TIMEOUT_MS = 2_500;

/** The outcome of every check: `failures` maps a check's name to why it is not ready. */
export interface ReadinessReport {
  readonly ok: boolean;
  readonly failures: Readonly<Record<string, string>>;
}

async function runOne(check: ReadinessCheck, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`timed out after ${timeoutMs} ms`), timeoutMs);
  });
  try {
    // Promise.race also takes care of a late rejection of `check`: it is handled, not left unhandled.
    return await Promise.race([
      Promise.resolve().then(check).catch((error: unknown) => (error instanceof Error ? error.message : 'check failed')),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once, each bounded by `timeoutMs`. */
export async function checkReadiness(
  checks: Readonly<Record<string, ReadinessCheck>>, timeoutMs = READINESS_CHECK_TIMEOUT_MS,
): Promise<ReadinessReport> {
  const failures: Record<string, string> = {};
  await Promise.all(Object.entries(checks).map(async ([name, check]) => {
    const reason = await runOne(check, timeoutMs);
    if (reason !== undefined && reason !== '') failures[name] = reason;
  }));
  return { ok: Object.keys(failures).length === 0, failures };
}
