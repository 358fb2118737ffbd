/**
 * Runs `work` for each item, `lanes` at a time: seeding a sandbox is mostly CPU work, so more at once
 * would only queue, while a few let one sandbox's database writes overlap another's signing.
 */
export async function inLanes<T>(
  lanes: number,
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, lanes), queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        await work(item);
      }
    }),
  );
}
