"""A letter answering the schools' questions ("Câu 2. Trường … hỏi: …?" then "Trả lời: …")
says in the question what its answer is about: "hạn học trực tuyến có được lùi không" is
answered by "… được học trực tuyến đến hết ngày …", which never says "hạn" nor "lùi". When
the letter is cut into passages between a question and its answer, the answer is still read
with its question. The letter is written here, in our own words.
"""

from __future__ import annotations

import dataclasses

from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letters import read_letter
from tests.letter_quotes import quoted

FIRST_ASKED = (
    "Câu 1. Trường Tiểu học Hòa Bình hỏi: nhiều giáo viên dạy môn Mĩ thuật kiêm nhiệm phụ trách "
    "phòng học bộ môn của trường, không trực tiếp dạy môn Âm nhạc; theo Công văn 1120 thì các "
    "giáo viên này có thuộc đối tượng được cử đi học lớp bồi dưỡng năm nay hay không, và nếu "
    "có thì trường được cử tối đa bao nhiêu người?")
FIRST_ANSWER = (
    "Trả lời: Có. Sở bổ sung đối tượng là giáo viên dạy môn Mĩ thuật phụ trách phòng học bộ môn, "
    "mỗi trường tối đa 02 người. Các giáo viên này học đủ phần trực tuyến và hai ngày trực tiếp "
    "như giáo viên Âm nhạc, làm sản phẩm cuối khóa theo hướng dẫn tại Công văn 1120 và được tính "
    "20 tiết vào nội dung bồi dưỡng 2 của kế hoạch bồi dưỡng thường xuyên năm học 2026-2027. "
    "Nhà trường gửi danh sách bổ sung về Sở qua thư điện tử trước ngày 20/12/2026, ghi rõ môn "
    "đang dạy và phòng học bộ môn được giao phụ trách của từng người.")
SECOND_ASKED = (
    "Câu 2. Phòng Văn hóa - Xã hội phường Thác Bà hỏi: thời gian học phần trực tuyến trùng với "
    "tuần kiểm tra cuối học kỳ I của các trường, giáo viên không thu xếp kịp; Sở có thể cho "
    "giáo viên thêm thời gian để hoàn thành phần này không, vì nhiều trường ở xa, mạng yếu?")
SECOND_ANSWER = (
    "Trả lời: Học viên học trực tiếp tại Trường Cao đẳng Yên Bái được học trực tuyến đến hết ngày "
    "28/02/2027; học viên học tại Trường Trung học phổ thông Nghĩa Lộ vẫn hoàn thành trước hết "
    "ngày 14/02/2027.")


def _letter() -> str:
    return "\n".join([
        "UBND TỈNH LÀO CAI", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 1187/SGDĐT-GDPT",
        "V/v giải đáp vướng mắc về bồi dưỡng giáo viên Âm nhạc, Mĩ thuật năm học 2026-2027",
        "Lào Cai, ngày 02 tháng 12 năm 2026",
        "I. CÂU HỎI VÀ TRẢ LỜI",
        FIRST_ASKED, FIRST_ANSWER, SECOND_ASKED, SECOND_ANSWER,
        "II. LIÊN HỆ",
        "Liên hệ bà Hoàng Thị Lan, chuyên viên Phòng Giáo dục phổ thông, điện thoại 0912 345 118.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    ])


def test_an_answer_cut_from_its_question_is_read_with_it() -> None:
    letter = dataclasses.replace(read_letter(_letter()), id=1)
    # the letter is cut between the second question and its answer
    assert any(p.text.startswith("Trả lời: Học viên học trực tiếp") for p in letter.passages)
    text = quoted(LetterIndex([letter]), "Giáo viên học ở Trường THPT Nghĩa Lộ có được thêm "
                                          "thời gian học trực tuyến vì trùng tuần kiểm tra học "
                                          "kỳ không?")
    assert "14/02/2027" in text, text
