"""Progress reporting for long-running management commands."""

import sys
import time


class Progress:
    """Prints ``label: done/total (pct%) rate/s, ETA`` at most every half second."""

    def __init__(self, total, label, stream=None, min_interval=0.5):
        self.total, self.label, self.done_count = total, label, 0
        self.stream = stream or sys.stderr
        self.started = self.last = time.monotonic()
        self.min_interval = min_interval
        self.interactive = getattr(self.stream, "isatty", lambda: False)()

    def step(self, n=1):
        self.done_count += n
        now = time.monotonic()
        if now - self.last >= self.min_interval or self.done_count == self.total:
            self.last = now
            self._write(self._line(now), final=False)

    def done(self):
        self._write(self._line(time.monotonic()) + " done", final=True)

    def _line(self, now):
        elapsed = max(now - self.started, 1e-6)
        rate = self.done_count / elapsed
        pct = 100 * self.done_count / self.total if self.total else 100
        remaining = (self.total - self.done_count) / rate if rate else 0
        return (
            f"{self.label}: {self.done_count}/{self.total} ({pct:.0f}%) "
            f"{rate:.1f}/s, elapsed {elapsed:.0f}s, ETA {remaining:.0f}s"
        )

    def _write(self, line, final):
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if final else ""))
            if hasattr(self.stream, "flush"):
                self.stream.flush()
        elif final or self.total <= 0 or self.done_count % max(1, self.total // 10) == 0:
            self.stream.write(line + "\n")
