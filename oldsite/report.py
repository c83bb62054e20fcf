"""What an import did, or would do: counts per kind, one line per record,
and every failure with its old address."""

from collections import Counter, defaultdict

from .models import Kind

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
SKIPPED, FAILED = "skipped", "failed"
ACTIONS = (CREATED, UPDATED, UNCHANGED, SKIPPED, FAILED)
ACTION_WORDS = {
    False: {
        CREATED: "tạo mới",
        UPDATED: "cập nhật",
        UNCHANGED: "không đổi",
        SKIPPED: "bỏ qua",
        FAILED: "lỗi",
    },
    True: {
        CREATED: "sẽ tạo",
        UPDATED: "sẽ cập nhật",
        UNCHANGED: "không đổi",
        SKIPPED: "bỏ qua",
        FAILED: "lỗi",
    },
}


class Report:
    def __init__(self, dry_run):
        self.dry_run = dry_run
        self.counts = defaultdict(Counter)
        self.lines = []
        self.failures = []
        self.failed = set()
        # Pages of the source no section of the mapping claims.
        self.unclaimed = 0
        # What the source itself says (a crawl stopped at its page limit).
        self.notes = []

    def add(self, kind, action, address, detail=""):
        self.counts[kind][action] += 1
        self.lines.append((kind, action, address, detail))

    def fail(self, kind, address, message):
        if (address, message) in self.failed:
            return  # the same picture, missing from two pages
        self.failed.add((address, message))
        self.counts[kind][FAILED] += 1
        self.failures.append((address, message))
        self.lines.append((kind, FAILED, address, message))

    def source_failure(self, address, message):
        """A page the source could not read: no kind is known yet."""
        self.failures.append((address, message))

    def line(self, kind, action, address, detail):
        word = ACTION_WORDS[self.dry_run][action]
        text = f"{word} {Kind(kind).label.lower()} {address}"
        return f"{text}: {detail}" if detail else text

    def summary(self):
        words = ACTION_WORDS[self.dry_run]
        rows = []
        for kind in Kind:
            counts = self.counts.get(kind.value)
            if counts:
                figures = ", ".join(f"{words[action]} {counts[action]}" for action in ACTIONS)
                rows.append(f"{kind.label}: {figures}")
        if self.unclaimed:
            rows.append(
                f"Bỏ qua {self.unclaimed} trang, tệp không thuộc mục nào của tệp ánh xạ "
                "(ảnh, tệp đính kèm, trang khác)."
            )
        return rows + self.notes

    def total(self, action):
        return sum(counts[action] for counts in self.counts.values())
