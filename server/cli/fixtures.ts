/**
 * `kanta-sim fixtures`: writes signed example messages for a vendor to look at or replay.
 */
export async function runFixturesCommand(_args: string[], _env: NodeJS.ProcessEnv): Promise<number> {
  return 1;
}
