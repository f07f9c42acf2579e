/**
 * Progress on stderr for long commands (`jianbao build`), by the habits of
 * gh and cargo: on a terminal, one bar redrawn in place (at most ten times a
 * second) with counts and an estimate of the time left, and a line left behind
 * as each phase of a second or more ends; piped or redirected, plain lines, and
 * only for large, slow phases (a small build says nothing but its closing line
 * and a failed one nothing but its error, however loaded the machine): one once
 * a phase of 1,000 units or more has run two seconds, one every few seconds
 * after, one as it ends. Quiet prints nothing. Never on stdout.
 */

export interface Progress {
  /** Starts a phase: "lexicon", of `total` units ("articles"). */
  phase(label: string, total?: number, unit?: string): void;
  /** `done` of the phase's total. */
  update(done: number, total?: number): void;
  /** Ends the phase, leaving one line: what it did and how long it took. */
  end(detail?: string): void;
  /** A line that must not be overwritten by the bar (a warning, a skipped page). */
  note(message: string): void;
}

interface Stream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function seconds(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export function createProgress(options: { stream?: Stream; quiet?: boolean; safe?: (text: string) => string; now?: () => number; plainEveryMs?: number } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const safe = options.safe ?? ((t: string) => t);
  const now = options.now ?? (() => performance.now());
  const tty = Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
  const plainEvery = options.plainEveryMs ?? 5000;
  let label = '';
  let unit = '';
  let total = 0;
  let done = 0;
  let started = 0;
  let lastDraw = 0;
  let drawn = false;
  let announced = false;
  const ANNOUNCE_AFTER = 2000;
  const LARGE = 1000;
  const KEEP_AFTER = 1000;

  const left = (): string => {
    const elapsed = now() - started;
    if (!total || done <= 0 || done >= total || elapsed < 500) return '';
    return `about ${seconds((elapsed / done) * (total - done))} left`;
  };
  const counts = () => (total ? `${fmt(done)}/${fmt(total)}${unit ? ` ${unit}` : ''}` : '');
  const clear = () => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  const draw = () => {
    const pct = total ? Math.floor((done / total) * 100) : 0;
    const tail = [counts(), left()].filter(Boolean).join(' · ');
    const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - label.length - tail.length - 12));
    const filled = total ? Math.round((done / total) * width) : 0;
    const bar = total ? `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(pct).padStart(3)}%` : '…';
    stream.write(`\r\x1b[K${label} ${bar}${tail ? ` ${tail}` : ''}`);
    drawn = true;
  };

  if (options.quiet) return { phase() {}, update() {}, end() {}, note: (m) => void stream.write(`${safe(m)}\n`) };

  return {
    phase(name, of = 0, what = '') {
      clear();
      label = name;
      total = of;
      unit = what;
      done = 0;
      started = now();
      lastDraw = started;
      announced = false;
      if (tty) draw();
    },
    update(value, of) {
      done = value;
      if (of !== undefined) total = of;
      const t = now();
      if (tty) {
        if (t - lastDraw < 100) return;
        lastDraw = t;
        return draw();
      }
      if (!announced) {
        if (t - started < ANNOUNCE_AFTER || (total ? total : done) < LARGE) return;
        announced = true;
      } else if (t - lastDraw < plainEvery) return;
      lastDraw = t;
      stream.write(`${label}: ${total ? `${Math.floor((done / total) * 100)}% (${counts()})` : fmt(done)}${left() ? `, ${left()}` : ''}\n`);
    },
    end(detail) {
      clear();
      const ms = now() - started;
      const took = seconds(ms);
      if (tty ? ms < KEEP_AFTER : !announced) return void (label = '');
      stream.write(`${label}: ${detail ?? (total ? `${fmt(total)}${unit ? ` ${unit}` : ''}` : 'done')} (${took})\n`);
      label = '';
    },
    note(message) {
      clear();
      stream.write(`${safe(message)}\n`);
      if (tty && label) draw();
    },
  };
}
