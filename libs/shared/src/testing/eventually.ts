/**
 * Polls `probe` until it returns without throwing, for asynchronous outcomes (a relay publishing, a
 * consumer applying). Fails with the probe's last error when time runs out.
 */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  { timeoutMs = 20_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
