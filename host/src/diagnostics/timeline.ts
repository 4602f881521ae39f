// One monotonic millisecond axis over a whole log, from whichever clock its lines carry: the
// host's arrival time (live ports), the device's time of day, or ms since boot with each boot's
// segment placed after the previous one (the gap of a reboot itself is unknown: taken as zero).
type Mode = 'host' | 'clock' | 'uptime';
const DAY = 86_400_000;

export class Timeline {
  private mode: Mode | undefined;
  private origin: number | undefined;
  private dayOffset = 0;
  private lastClock: number | undefined;
  private bootBase = 0;
  private last: number | undefined;

  /** A new boot: ms-since-boot values restart, so the next segment starts where this one ended. */
  newBoot(): void {
    if (this.mode === 'uptime' && this.last !== undefined) this.bootBase = this.last;
  }

  /** Where host time `host` lies on the axis (live sources only). */
  atHost(host: number): number | undefined {
    return this.mode === 'host' && this.origin !== undefined ? host - this.origin : undefined;
  }

  /** The line's position on the axis; lines without a usable clock inherit the previous one. */
  place(t: number | undefined, clock: number | undefined, host: number | undefined): number | undefined {
    this.mode ??= host !== undefined ? 'host' : clock !== undefined ? 'clock' : t !== undefined ? 'uptime' : undefined;
    let v: number | undefined;
    if (this.mode === 'host' && host !== undefined) {
      this.origin ??= host;
      v = host - this.origin;
    } else if (this.mode === 'clock' && clock !== undefined) {
      // A jump back by more than half a day is midnight passing, not a reordering.
      if (this.lastClock !== undefined && clock < this.lastClock - DAY / 2) this.dayOffset += DAY;
      this.lastClock = clock;
      this.origin ??= clock;
      v = clock + this.dayOffset - this.origin;
    } else if (this.mode === 'uptime' && t !== undefined) {
      v = this.bootBase + t;
    }
    if (v !== undefined && (this.last === undefined || v >= this.last)) this.last = v;
    return v ?? this.last;
  }
}
