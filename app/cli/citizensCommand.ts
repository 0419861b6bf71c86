export async function citizensCommand(): Promise<number> {
  return 1;
}
