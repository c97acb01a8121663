const SERIALS_PER_DAY = 998; // 001..998: the mutuality simulator knows no one with serial 999
const FIRST_BIRTH_DAY = Date.UTC(1975, 0, 1); // born in the 1900s, after 1970: not in invalidity for the simulator

/**
 * The index-th of a series of distinct valid national numbers (YYMMDD SSS CC with
 * CC = 97 - first nine digits mod 97), so that every case of a run registers a new person.
 */
export function nationalNumber(index: number): string {
  const born = new Date(FIRST_BIRTH_DAY + Math.floor(index / SERIALS_PER_DAY) * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const serial = String((index % SERIALS_PER_DAY) + 1).padStart(3, '0');
  const nine = `${two(born.getUTCFullYear() % 100)}${two(born.getUTCMonth() + 1)}${two(born.getUTCDate())}${serial}`;
  return `${nine}${two(97 - (Number(nine) % 97))}`;
}
