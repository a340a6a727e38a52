import type { Term } from '../organizations/api';

/** The term that holds the business date, else the latest one to start. */
export function currentTerm(terms: readonly Term[], today: string | undefined): Term | undefined {
  const sorted = [...terms].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  if (today) {
    const running = sorted.find((x) => x.startsOn <= today && today <= x.endsOn);
    if (running) return running;
    const started = sorted.find((x) => x.startsOn <= today);
    if (started) return started;
  }
  return sorted[0];
}

/** Seats by rank of the position (secretary first), then as the server listed them. */
export function sortSeats<T extends { position: string }>(
  seats: readonly T[],
  order: readonly string[],
): T[] {
  const rank = (p: string) => {
    const i = order.indexOf(p);
    return i < 0 ? order.length : i;
  };
  return seats
    .map((seat, index) => ({ seat, index }))
    .sort((a, b) => rank(a.seat.position) - rank(b.seat.position) || a.index - b.index)
    .map((x) => x.seat);
}
