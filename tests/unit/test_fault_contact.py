"""Whom to call when the software a course teaches breaks down: the letter's technical contact.

A letter training school staff on a piece of software names, per area, one person for the
work itself and one for the software's faults ("Hỗ trợ kỹ thuật"), in a table whose header has
two rows and whose technical person is merged down over two areas. A librarian says what broke
("phần mềm quản lý thư viện bị lỗi", "lỗi ứng dụng …") and gets the technical person of their
area, not the one for the work. The letter is written here, in our own words.
"""

from __future__ import annotations

import dataclasses
from functools import cache

import pytest

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.asked import TECHNICAL, technical
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letters import Letter
from bot.knowledge.normalize import fold_word, words
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import ABOVE, LEFT, letter_docx

VI = translator("vi").gettext
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]
FIXER = "Tô Văn Lực"  # the technical person of both northern areas
FIXER_PHONE = "0912 448 306"
WORK_NORTH = "Hà Thị Mai"  # the person for the librarians' work in the former Bắc Kạn
BODY = [
    "Kính gửi: Các trường tiểu học, trung học cơ sở.",
    "1. Nội dung",
    "Nhân viên thư viện học cách dùng phần mềm quản lý thư viện số của tỉnh: nhập sách, cho "
    "mượn, kiểm kê và báo cáo, 16 tiết trực tuyến từ 05/10/2026 đến 25/10/2026.",
    "2. Người hỗ trợ",
    [["Địa bàn", "Hỗ trợ nghiệp vụ thư viện", LEFT, "Hỗ trợ kỹ thuật", LEFT],
     [ABOVE, "Người phụ trách", "Điện thoại", "Người phụ trách", "Điện thoại"],
     ["Các xã thuộc tỉnh Bắc Kạn trước đây", f"Bà {WORK_NORTH}", "0209.3870.115",
      f"Ông {FIXER}", FIXER_PHONE],
     ["Các xã, phường thuộc tỉnh Thái Nguyên trước đây", "Ông Dương Văn Toàn",
      "0208.3855.472", ABOVE, ABOVE]],
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "GIÁM ĐỐC",
]


@cache
def letter() -> Letter:
    header = (["UBND TỈNH THÁI NGUYÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2214/SGDĐT-VP",
               "V/v bồi dưỡng nhân viên thư viện về phần mềm quản lý thư viện số"],
              [*MOTTO, "Thái Nguyên, ngày 22 tháng 9 năm 2026"])
    return read_letter_file(letter_docx(BODY, header), "cv2214.docx").letter


def engine() -> AnsweringEngine:
    found = default_engine()
    found.letters.replace([dataclasses.replace(letter(), id=1)])
    return found


def answer(question: str) -> str:
    return plain_text(render_answer(engine().answer(question, province="thai_nguyen"), VI))


@pytest.mark.parametrize("question", [
    "Trường ở xã Chợ Đồn (Bắc Kạn cũ) bị lỗi phần mềm quản lý thư viện thì gọi ai, sđt nào?",
    "phần mềm thư viện bị lỗi không vào được thì liên hệ ai ạ, số điện thoại bao nhiêu",
    "lỗi ứng dụng thư viện số thì hỏi ai",
])
def test_a_fault_of_the_software_gets_the_technical_person(question: str) -> None:
    text = answer(question)
    assert FIXER in text and FIXER_PHONE in text, text


def test_the_technical_matter_is_read_from_the_letters_own_words() -> None:
    """A letter writes "kỹ thuật" or "kĩ thuật"; either names the technical matter."""
    for said in ("Hỗ trợ kỹ thuật", "hỗ trợ kĩ thuật"):
        assert technical([fold_word(w) for w in words(said, limit=None)]), said


def test_the_software_a_course_teaches_is_no_fault_without_the_word() -> None:
    """"học phần mềm quản lý thư viện ở đâu" asks about the course, not a fault."""
    folded = [fold_word(w) for w in words("học phần mềm quản lý thư viện ở đâu")]
    assert not technical(folded)
    assert TECHNICAL.startswith("\x00")
