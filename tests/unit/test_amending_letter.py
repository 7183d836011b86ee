"""A Sở's newer letter amending an older one, both loaded: the newer wins where it speaks, the
older still answers where it is silent (issue 18, point 2). The two letters are written here, on
a topic and in words of change of their own (sửa đổi, lùi … thay vì, tăng từ … lên, không còn …
mà, được tham gia where the older said không thuộc diện)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.knowledge.amended import amends
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.evaluation import vietnamese_gettext
from bot.knowledge.letters import Letter
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file

ORIGINAL = """UBND TỈNH THANH HÓA
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1520/SGDĐT-TCCB
V/v tập huấn nhân viên thư viện trường trung học cơ sở năm 2027
Thanh Hóa, ngày 10 tháng 3 năm 2027
Kính gửi: Các trường trung học cơ sở.
1. Người tham gia
Mỗi trường cử 01 nhân viên thư viện dự tập huấn. Giáo viên kiêm nhiệm thư viện không thuộc \
diện tham gia đợt này.
2. Thời gian và địa điểm
Lớp tập huấn học tập trung từ ngày 14/4/2027 đến ngày 15/4/2027 tại hai điểm. Trường thuộc các \
phường Hạc Thành, Thành Sen, Đông Quang học tại Trường THCS Lê Hữu Lập. Trường thuộc các xã \
Hoằng Hóa, Hậu Lộc, Nga Sơn học tại Trường THCS Nhữ Bá Sỹ.
3. Bài thu hoạch
Mỗi học viên viết một bài thu hoạch về tổ chức thư viện thân thiện; báo cáo viên của lớp chấm \
bài thu hoạch theo hai mức Đạt, Chưa đạt. Sở cấp giấy chứng nhận cho học viên có bài Đạt.
4. Kinh phí
Sở hỗ trợ tiền ăn 80.000 đồng một ngày cho mỗi học viên; tiền đi lại do trường chi.
5. Liên hệ: ông Lê Văn Bình, chuyên viên Phòng Tổ chức cán bộ, điện thoại 0237.3852.111.
"""

AMENDMENT = """UBND TỈNH THANH HÓA
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 1688/SGDĐT-TCCB
V/v sửa đổi, bổ sung Công văn số 1520/SGDĐT-TCCB
Thanh Hóa, ngày 02 tháng 4 năm 2027
Kính gửi: Các trường trung học cơ sở.
Sở sửa đổi, bổ sung một số điểm của Công văn số 1520/SGDĐT-TCCB ngày 10/3/2027 như sau.
1. Lớp tập huấn lùi sang ngày 21/4/2027 và ngày 22/4/2027, thay vì ngày 14/4/2027 và ngày \
15/4/2027; địa điểm giữ như cũ.
2. Giáo viên kiêm nhiệm thư viện được tham gia nếu trường không có nhân viên thư viện; người \
này học ở điểm học của trường mình.
3. Tiền ăn tăng từ 80.000 đồng lên 120.000 đồng một ngày.
4. Bài thu hoạch không còn do báo cáo viên chấm mà do hội đồng thi đua của trường chấm.
"""


def letter(text: str, name: str, id_: int) -> Letter:
    return dataclasses.replace(read_letter_file(text.encode(), name).letter, id=id_)


def engine(*texts: str) -> AnsweringEngine:
    loaded = AnsweringEngine()
    loaded.letters.replace([letter(text, f"cv{k}.txt", k + 1) for k, text in enumerate(texts)])
    return loaded


def shown(loaded: AnsweringEngine, question: str) -> str:
    return plain_text(render_answer(loaded.answer(question), vietnamese_gettext()))


def test_the_newer_letter_naming_the_older_with_a_word_of_change_amends_it() -> None:
    original, amendment = letter(ORIGINAL, "a.txt", 1), letter(AMENDMENT, "b.txt", 2)
    assert amends(amendment, original)
    assert not amends(original, amendment)  # the older one names no later letter
    unrelated = letter(AMENDMENT.replace("1520/SGDĐT-TCCB", "1499/SGDĐT-TCCB"), "c.txt", 3)
    assert not amends(unrelated, original)


@pytest.mark.parametrize(("question", "new"), [
    ("lớp tập huấn nhân viên thư viện học ngày nào", "21/4/2027"),
    # the old number cited, the old date guessed: the new one answers
    ("theo công văn 1520 thì lớp tập huấn thư viện học ngày 14/4/2027 phải không", "21/4/2027"),
    ("bài thu hoạch tập huấn thư viện do ai chấm", "hội đồng thi đua"),
    ("tập huấn thư viện được hỗ trợ tiền ăn bao nhiêu một ngày", "120.000"),
    ("giáo viên kiêm nhiệm thư viện có được đi tập huấn không", "được tham gia"),
])
def test_the_newer_letter_answers_first_where_it_speaks(question: str, new: str) -> None:
    text = shown(engine(ORIGINAL, AMENDMENT), question)
    newer = text.split("Theo Công văn số 1520")[0]  # what comes before the older letter's
    assert new in newer and "Theo Công văn số 1688/SGDĐT-TCCB" in newer, text


def test_the_older_letter_still_answers_where_the_newer_is_silent() -> None:
    text = shown(engine(ORIGINAL, AMENDMENT), "bài thu hoạch tập huấn thư viện viết về nội dung gì")
    assert "thư viện thân thiện" in text and "1520/SGDĐT-TCCB" in text, text
    text = shown(engine(ORIGINAL, AMENDMENT), "muốn hỏi về tập huấn thư viện thì liên hệ ai")
    assert "0237.3852.111" in text and "1520/SGDĐT-TCCB" in text, text


def test_the_older_line_of_the_askers_place_follows_a_newer_item_silent_on_it() -> None:
    text = shown(engine(ORIGINAL, AMENDMENT), "Tôi là giáo viên kiêm nhiệm thư viện ở phường "
                 "Thành Sen, được cử đi tập huấn thì học ở đâu?")
    newer, _, older = text.partition("Theo Công văn số 1688/SGDĐT-TCCB")
    assert "kiêm nhiệm" in newer and "Lê Hữu Lập" in older, text
    assert "1520/SGDĐT-TCCB" in older and "Nhữ Bá Sỹ" not in text, text


def test_without_the_amendment_the_older_letter_answers_alone() -> None:
    text = shown(engine(ORIGINAL), "bài thu hoạch tập huấn thư viện do ai chấm")
    assert "báo cáo viên" in text and "1688" not in text, text
