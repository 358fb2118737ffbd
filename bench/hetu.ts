/** Valid test hetus (individual number 900-999, as Kanta's test service requires) for generated data. */
const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** The n-th distinct test hetu: dates from 1940 on, individual numbers 900..999. */
export function testHetu(n: number): string {
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(n / 100) * 86_400_000 * 3);
  const dd = String(day.getUTCDate()).padStart(2, '0');
  const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
  const year = day.getUTCFullYear();
  const yy = String(year % 100).padStart(2, '0');
  const individual = String(900 + (n % 100));
  const century = year >= 2000 ? 'A' : '-';
  return `${dd}${mm}${yy}${century}${individual}${CHECK[Number(`${dd}${mm}${yy}${individual}`) % 31]}`;
}
