from hypothesis import given
from hypothesis import strategies as st

from handlers.common import split_message


def test_a_long_answer_is_split_between_lines_under_the_limit() -> None:
    lines = [f"<b>Dòng {i}</b>: " + "nội dung " * 20 for i in range(60)]
    chunks = split_message("\n".join(lines), limit=4096)
    assert len(chunks) > 1 and all(len(c) <= 4096 for c in chunks)
    assert "\n".join(chunks) == "\n".join(lines)  # nothing lost, no tag cut in two
    assert all(c.count("<b>") == c.count("</b>") for c in chunks)


@given(st.text(min_size=1, max_size=20_000))
def test_never_over_the_limit_and_nothing_lost(text: str) -> None:
    chunks = split_message(text, limit=500)
    assert chunks and all(0 < len(c) <= 500 for c in chunks)
    assert "".join(chunks).replace("\n", "") == text.replace("\n", "") or not text.strip()
