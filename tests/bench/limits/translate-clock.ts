/**
 * The virtual clock of the fake Amazon Translate: each request is answered at once, and given a latency
 * drawn uniformly from 200–1,400 ms (seeded). The translator keeps at most `slots` requests in flight
 * (DEFAULT_TRANSLATE_CONCURRENCY) and sends the next as soon as one returns, so the time the requests
 * take is that of a list schedule on `slots` lanes: each request starts when the earliest lane frees up.
 * `elapsedMs` is when the last answered request would have come back.
 */
import { seededRandom } from "../../support/seeded-random";

export const LATENCY_MS = { min: 200, max: 1400 } as const;

export class TranslateClock {
  private lanes: number[];
  private readonly random: () => number;
  elapsedMs = 0;
  requests = 0;

  constructor(
    private readonly slots: number,
    seed: number,
  ) {
    this.lanes = new Array<number>(slots).fill(0);
    this.random = seededRandom(seed);
  }

  /** A new invocation: its requests start from zero (the latency draws go on). */
  reset(): void {
    this.lanes = new Array<number>(this.slots).fill(0);
    this.elapsedMs = 0;
    this.requests = 0;
  }

  request(): void {
    const latency = LATENCY_MS.min + this.random() * (LATENCY_MS.max - LATENCY_MS.min);
    let lane = 0;
    for (let i = 1; i < this.lanes.length; i++) {
      if ((this.lanes[i] as number) < (this.lanes[lane] as number)) lane = i;
    }
    const finish = (this.lanes[lane] as number) + latency;
    this.lanes[lane] = finish;
    this.elapsedMs = Math.max(this.elapsedMs, finish);
    this.requests += 1;
  }
}
