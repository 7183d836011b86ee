"""A campaign file of N tasks for the benchmarks: a quarter of them cốt cán reviews, the rest
done/pass tasks of every teacher and manager, and two deadlines covering all of them."""

from __future__ import annotations


def campaign_yaml(tasks: int, key: str = "bench") -> str:
    reviews = max(1, tasks // 4)
    lines = [f"campaign: {key}", f'name: "Đợt đo hiệu năng, {tasks} việc"', "province: bench",
             "letters:", '  - {key: l1, issuer: "Sở GD&ĐT", date: "2027"}', "tasks:"]
    staff_codes, review_codes = [], []
    for n in range(tasks):
        code = f"t{n}"
        if n < tasks - reviews:
            kind = "pass" if n % 2 else "done"
            staff_codes.append(code)
            extra = ""
        else:
            kind = "review"
            review_codes.append(code)
            extra = ", approver: default, group: plan"
        lines.append(f'  - {{code: {code}, header: "Việc {n}", label: "Việc số {n}", '
                     f"kind: {kind}{extra}, source: {{letter: l1}}}}")
    lines.append("deadlines:")
    for key, title, date, codes in (("staff", "Việc chung", "30/03", staff_codes),
                                    ("core", "Việc cốt cán", "28/02", review_codes)):
        lines.append(f'  - {{key: {key}, title: "{title}", date: "{date}", '
                     f'tasks: [{", ".join(codes)}], source: {{letter: l1}}}}')
    return "\n".join(lines) + "\n"


def task_codes(tasks: int) -> tuple[list[str], list[str]]:
    """(done/pass codes, review codes) of ``campaign_yaml(tasks)``."""
    reviews = max(1, tasks // 4)
    return ([f"t{n}" for n in range(tasks - reviews)],
            [f"t{n}" for n in range(tasks - reviews, tasks)])
