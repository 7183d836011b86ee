"""A note sending some people to another numbered section ("người đã có chứng chỉ … học theo
Mục 3") is followed, as a reader follows it, when the asker's words are that case: the answer
quotes the section's own dates beside the note. Anyone else is told only the note. The letter
is written here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.referred import dated_sections, sent_to
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH NINH BÌNH
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 902/SGDĐT-GDTrH
V/v bồi dưỡng giáo viên dạy thí nghiệm ảo năm học 2026-2027
Ninh Bình, ngày 10 tháng 02 năm 2027
Kính gửi: Các trường trung học cơ sở trong tỉnh.
Sở Giáo dục và Đào tạo tổ chức bồi dưỡng giáo viên Khoa học tự nhiên về dạy học bằng phòng \
thí nghiệm ảo như sau.
1. Người tham dự
Mỗi trường trung học cơ sở cử 01 giáo viên Khoa học tự nhiên.
2. Lớp học tại chỗ
Giáo viên các xã, phường thuộc tỉnh Hà Nam trước đây học tại Trường THCS Lê Hồng Phong, \
phường Phủ Lý, ngày 13/3/2027. Người đã có chứng chỉ thí nghiệm ảo của Sở năm 2025 học \
theo Mục 3, không đến lớp.
3. Học phần mở rộng cho người đã có chứng chỉ
Giáo viên đã được Sở cấp chứng chỉ thí nghiệm ảo năm 2025 không học lại phần cơ bản; làm 02 \
bài thực hành mô phỏng (mạch điện; phản ứng hóa học) trên hệ thống của Sở từ ngày 15/3/2027 \
đến hết ngày 04/4/2027.
4. Liên hệ
Ông Trần Văn Lâm, điện thoại 0229.3871.442.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv902.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_a_note_sends_some_people_to_a_section_and_files_send_no_one() -> None:
    assert sent_to("Người đã có chứng chỉ năm 2025 học theo Mục 3, không đến lớp.") == \
        ("section 3",)
    assert sent_to("Hồ sơ gửi theo Mục 2.") == ()
    assert sent_to("Giáo viên không học lại phần ở Mục 2.") == ()
    found = dated_sections([("3", "3. Học phần mở rộng\nGiáo viên cũ không học lại; làm 02 "
                                  "bài (a; b) từ ngày 15/3/2027 đến ngày 04/4/2027.")])
    assert found == {"section 3": "3. Học phần mở rộng: làm 02 bài (a; b) từ ngày 15/3/2027 đến "
                              "ngày 04/4/2027."}


def test_the_asker_in_the_notes_case_gets_the_sections_dates() -> None:
    answer = engine().answer("Tôi dạy ở phường Phủ Lý, năm 2025 đã được Sở cấp chứng chỉ thí "
                             "nghiệm ảo. Năm nay tôi có phải đến Trường THCS Lê Hồng Phong học "
                             "không?")
    assert answer.kind == "quoted" and answer.quote is not None
    assert "04/4/2027" in answer.quote.text and "13/3/2027" in answer.quote.text


def test_anyone_else_is_told_only_the_note() -> None:
    answer = engine().answer("giáo viên ở phường Phủ Lý học tại chỗ ngày nào, ở đâu")
    assert answer.kind == "quoted" and answer.quote is not None
    assert "13/3/2027" in answer.quote.text and "04/4/2027" not in answer.quote.text
