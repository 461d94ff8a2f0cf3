"""What an import run tells its operator: a line per problem, a progress bar, a summary."""

from collections import Counter

NO_ALT_TEXT_WARNING = (
    "{url} has no alt text on the old site; marked decorative until an editor describes it"
)

KINDS = [
    "person",
    "author page",
    "project",
    "post",
    "method",
    "event",
    "page",
    "image",
    "document",
    "redirect",
]
OUTCOMES = ["created", "updated", "unchanged", "skipped", "failed"]
PROGRESS_WIDTH = 30


class Progress:
    """A one-line progress bar, drawn only when ``stream`` is a terminal."""

    def __init__(self, stream, total):
        self.stream = stream
        self.total = total
        self.done = 0
        self.shown = False
        self.enabled = total > 0 and hasattr(stream, "isatty") and stream.isatty()

    def advance(self, label):
        self.done += 1
        if not self.enabled:
            return
        filled = PROGRESS_WIDTH * self.done // self.total
        bar = "#" * filled + "-" * (PROGRESS_WIDTH - filled)
        self.write(f"\r\033[K[{bar}] {self.done}/{self.total} {label[-60:]}")
        self.shown = True

    def clear(self):
        if self.shown:
            self.write("\r\033[K")
            self.shown = False

    def write(self, text):
        """Without the line ending and colour a management command's stream would add."""
        self.stream.write(text, style_func=str, ending="")
        self.stream.flush()


class Warner:
    """``warn(message, line)`` for one file: writes ``LABEL: warning: line N: message``.

    Images without alt text are common on the old site (a post with a gallery has dozens); one
    line per image buried every other warning, so they are counted and written as one line
    when the file is done (``close``), unless ``verbose`` asks for each.
    """

    def __init__(self, write, label, verbose=False):
        self.write = write
        self.label = label
        self.verbose = verbose
        self.images_without_alt_text = []

    def __call__(self, message, line=None):
        where = f"line {line}: " if line else ""
        self.write(f"{self.label}: warning: {where}{message}")

    def missing_alt_text(self, url, line=None):
        if self.verbose:
            self(NO_ALT_TEXT_WARNING.format(url=url), line)
        else:
            self.images_without_alt_text.append(line)

    def close(self):
        lines = self.images_without_alt_text
        self.images_without_alt_text = []
        if not lines:
            return
        numbers = ", ".join(str(line) for line in dict.fromkeys(lines) if line)
        where = f" (line {numbers})" if numbers else ""
        self(
            f"{len(lines)} image{'s' if len(lines) > 1 else ''} without alt text{where}, "
            "marked decorative until an editor describes them; --verbose names each"
        )


class ImportReport:
    """Counts outcomes by kind and writes problems as ``PATH: line N: reason``."""

    def __init__(self, stdout, stderr, warning_style=str, verbose=False):
        self.stdout = stdout
        self.stderr = stderr
        self.warning_style = warning_style
        self.verbose = verbose
        self.counts = Counter()
        self.failures = []
        self.progress = Progress(stderr, 0)

    def start(self, total):
        self.progress = Progress(self.stderr, total)

    def count(self, kind, outcome, number=1):
        self.counts[kind, outcome] += number

    def write_problem(self, label, message, line=None, kind=None, outcome="failed"):
        where = f"line {line}: " if line else ""
        self.progress.clear()
        self.stderr.write(f"{label}: {where}{message}")
        if kind:
            self.count(kind, outcome)
        if outcome == "failed":
            self.failures.append(f"{label}: {where}{message}")

    def warner(self, label):
        return Warner(self.write_warning, label, self.verbose)

    def write_warning(self, text):
        self.progress.clear()
        self.stderr.write(text, style_func=self.warning_style)

    @property
    def failed(self):
        return sum(number for (_, outcome), number in self.counts.items() if outcome == "failed")

    def summary(self, missing_assets, notes=()):
        self.progress.clear()
        width = max(map(len, KINDS)) + 2
        lines = [" " * width + "".join(f"{outcome:>11}" for outcome in OUTCOMES)]
        for kind in KINDS:
            figures = [self.counts[kind, outcome] for outcome in OUTCOMES]
            lines.append(f"{kind + 's':<{width}}" + "".join(f"{figure:>11}" for figure in figures))
        lines.append(f"missing assets: {missing_assets}")
        lines += notes
        if self.failures:
            lines.append(f"Failed ({len(self.failures)}):")
            lines += [f"  {failure}" for failure in self.failures]
        return lines
