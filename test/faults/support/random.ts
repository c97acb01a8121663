/** A seeded pseudo-random generator (mulberry32), so that a run can be repeated with its seed. */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

/** Belgian national numbers (INSZ/NISS): YYMMDD, a serial, and the mod-97 check digits. */
export function nationalNumber(random: Random, options: { bornFrom?: number; bornTo?: number; serial?: number } = {}): string {
  const year = random.int(options.bornFrom ?? 1970, options.bornTo ?? 1999);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  // Serial 999 is the mutuality simulator's non-member; avoid it unless asked.
  const serial = options.serial ?? random.int(1, 998);
  const nine = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  const base = year >= 2000 ? Number(`2${nine}`) : Number(nine);
  const check = 97 - (base % 97);
  return `${nine}${String(check).padStart(2, '0')}`;
}

/** The same number with check digits that do not match (for either century). */
export function withWrongCheckDigits(valid: string, random: Random): string {
  const nine = valid.slice(0, 9);
  const good = [97 - (Number(nine) % 97), 97 - (Number(`2${nine}`) % 97)];
  let check: number;
  do check = random.int(0, 99);
  while (good.includes(check));
  return `${nine}${String(check).padStart(2, '0')}`;
}
