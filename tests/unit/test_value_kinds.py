"""A question asking for a value is answered by the text stating that value about its subject:
the passage holding it wins over one that covers more words without it, a count is the
number written with the noun counted ("7 cán bộ quản lý", not "1 hàng"), the items of a list
carry the sentence that leads them ("Cụ thể như sau:"), and "bao lâu" asked where no text
gives a span of time is an honest "no".

The letters are written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

import dataclasses

from bot.knowledge.asked import asked_kind, counted, holds, states_count
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letters import read_letter

FIGURES = "\n".join([
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH",
    "Số: 610/SGDĐT-GDPT",
    "V/v rà soát kết quả học mô đun chuyển đổi số năm 2027",
    "Tây Ninh, ngày 10 tháng 3 năm 2027",
    "1. Kết quả rà soát",
    "Theo tổng hợp của Sở, hiện nay vẫn còn cán bộ quản lý, giáo viên chưa hoàn thành mô đun "
    "chuyển đổi số. Cụ thể như sau:",
    "- Cấp tiểu học: 7 cán bộ quản lý và 52 giáo viên.",
    "- Cấp trung học cơ sở: 4 cán bộ quản lý và 31 giáo viên.",
    "Các trường nhắc cán bộ quản lý, giáo viên chưa hoàn thành mô đun chuyển đổi số khẩn "
    "trương hoàn thành.",
    "2. Cách báo cáo",
    "Cán bộ quản lý, giáo viên chưa hoàn thành mô đun chuyển đổi số vào hệ thống, nhấp dấu + "
    "để hiện ra 1 hàng mới rồi ghi lý do chưa hoàn thành.",
])


def _index(*letters: str) -> LetterIndex:
    return LetterIndex([dataclasses.replace(read_letter(text), id=k)
                        for k, text in enumerate(letters, 1)])


def test_a_count_is_the_number_written_with_the_noun_the_question_counts() -> None:
    question = "cap tieu hoc con bao nhieu can bo quan ly chua hoan thanh mo dun chuyen doi so"
    assert counted(question) == "can bo"
    assert states_count("can bo", "- Cấp tiểu học: 7 cán bộ quản lý và 52 giáo viên.")
    assert not states_count("can bo", "nhấp dấu + để hiện ra 1 hàng mới")
    # the comma ends the number: "mô đun 3" counts no managers
    assert not states_count("can bo", "báo cáo mô đun 3, cán bộ quản lý nhấp vào")
    quote = _index(FIGURES).search(question)
    assert quote is not None and "7 cán bộ quản lý" in quote.text


def test_list_items_hold_the_value_of_the_sentence_that_leads_them() -> None:
    # the items share few of the question's words; their lead ("… chưa hoàn thành mô đun …
    # Cụ thể như sau:") holds the rest, and to a reader they are one statement
    quote = _index(FIGURES).search("theo tong hop cua so hien nay van con bao nhieu giao vien "
                                   "chua hoan thanh mo dun chuyen doi so")
    assert quote is not None and quote.holds_value
    assert "52 giáo viên" in quote.text


DEADLINES = "\n".join([
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH",
    "Số: 611/SGDĐT-GDPT",
    "V/v phê duyệt kế hoạch hỗ trợ đồng nghiệp năm học 2026-2027",
    "Tây Ninh, ngày 02 tháng 10 năm 2026",
    "1. Người phê duyệt",
    "Hiệu trưởng phê duyệt kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán trường mình; "
    "Phòng Văn hóa - Xã hội phê duyệt kế hoạch hỗ trợ đồng nghiệp của hiệu trưởng cốt cán.",
    "2. Thời hạn",
    "Hạn phê duyệt kế hoạch của giáo viên cốt cán: 25/11/2026.",
])


def test_the_passage_stating_the_value_asked_wins_over_one_sharing_more_words() -> None:
    quote = _index(DEADLINES).search(
        "hiệu trưởng phê duyệt kế hoạch hỗ trợ đồng nghiệp của giáo viên cốt cán trước ngày nào")
    assert quote is not None and "25/11/2026" in quote.text


PROBATION = "\n".join([
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH",
    "Số: 612/SGDĐT-TCCB",
    "V/v bồi dưỡng giáo viên mới tuyển dụng năm học 2026-2027",
    "Tây Ninh, ngày 05 tháng 9 năm 2026",
    "1. Đối tượng",
    "Giáo viên mầm non, tiểu học mới tuyển dụng trong thời gian tập sự tham gia lớp bồi dưỡng "
    "do Sở tổ chức.",
    "2. Thời gian",
    "Lớp học trực tuyến từ ngày 01/10/2026 đến ngày 30/11/2026.",
])


def _engine(letter: str) -> AnsweringEngine:
    engine = AnsweringEngine([])
    engine.letters.replace([dataclasses.replace(read_letter(letter), id=1)])
    return engine


def test_how_long_where_no_text_gives_a_span_of_time_is_an_honest_no() -> None:
    question = "thoi gian tap su cua giao vien mam non moi tuyen dung la bao lau"
    assert asked_kind(question) == "duration"
    assert _engine(PROBATION).answer(question).kind == "none"
    stated = PROBATION.replace("trong thời gian tập sự", "trong thời gian tập sự 12 tháng")
    answer = _engine(stated).answer(question)
    assert answer.kind == "quoted" and answer.quote is not None
    assert "12 tháng" in answer.quote.text


def test_a_plan_numbered_and_issued_asks_no_desk_phone() -> None:
    # "số mấy, ban hành ngày nào" is the plan's number and date, not "số máy bàn"
    assert asked_kind("Sở triển khai theo kế hoạch số mấy, ban hành ngày nào?") != "landline"
    assert asked_kind("so may ban cua phong to chuc can bo") == "landline"


CLOSING = "\n".join([
    "UBND TỈNH TÂY NINH",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 613/SGDĐT-GDPT",
    "V/v rà soát hồ sơ giáo viên dự thi giáo viên dạy giỏi năm học 2026-2027",
    "Tây Ninh, ngày 12 tháng 10 năm 2026",
    "1. Nội dung rà soát",
    "Các trường rà soát hồ sơ giáo viên dự thi, gửi về Sở trước ngày 30/10/2026 để làm căn cứ "
    "lập danh sách dự thi.",
    # many sections sharing the letter's words: the recipients and the signature share none
    *(line for k in range(2, 16) for line in (
        f"{k}. Hồ sơ giáo viên dạy giỏi cấp {k}",
        f"Hồ sơ giáo viên dự thi giáo viên dạy giỏi năm học 2026-2027 nhóm {k} do trường rà "
        "soát công văn và hồ sơ.")),
    "Nơi nhận:",
    "- Như trên;",
    "- Cổng thông tin điện tử Sở: https://sogd.tayninh.edu.vn;",
    "- Lưu: VT, GDPT.",
    "KT. GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "Trương Thị Mỹ Dung",
])


def test_who_signed_the_letter_is_the_name_under_its_closing_titles() -> None:
    question = "công văn rà soát hồ sơ giáo viên dạy giỏi năm học 2026-2027 do ai ký"
    assert asked_kind(question) == "signer"
    answer = _engine(CLOSING).answer(question)
    assert answer.kind == "quoted" and answer.quote is not None
    assert "Trương Thị Mỹ Dung" in answer.quote.text and "PHÓ GIÁM ĐỐC" in answer.quote.text
    unsigned = CLOSING.replace("Trương Thị Mỹ Dung", "")
    assert _engine(unsigned).answer(question).kind == "none"  # no name: an honest no


def test_the_website_a_letter_is_posted_on_is_read_from_its_recipients() -> None:
    question = "cong van ra soat ho so gv day gioi cua so tay ninh duoc dang tren website nao"
    answer = _engine(CLOSING).answer(question)
    assert answer.kind == "quoted" and answer.quote is not None
    assert "sogd.tayninh.edu.vn" in answer.quote.text
    # the other recipients and the storage note answer nothing
    assert "Lưu" not in answer.quote.text


def test_why_is_answered_by_the_sentence_giving_the_purpose() -> None:
    question = "tai sao cac truong phai ra soat ho so giao vien du thi day gioi"
    assert asked_kind(question) == "reason"
    quote = _index(CLOSING).search(question)
    assert quote is not None and quote.holds_value and "để làm căn cứ" in quote.text


def _entry(id_: str, title: str, answer: str, *questions: str) -> Entry:
    return Entry(id=id_, topic="fixture", title=title, answer=answer, questions=questions)


def test_of_the_entries_it_would_offer_the_one_stating_the_date_asked_answers() -> None:
    # the first words the question like the way to fix a birth date; the deadline is the other's
    engine = AnsweringEngine([
        _entry("fix", "Sai ngày sinh trên hệ thống thì sửa thế nào?",
               "Trường lập danh sách giáo viên sai ngày sinh theo mẫu và nhắc giáo viên tự "
               "sửa trên hệ thống.",
               "Sai ngày sinh trên hệ thống thì sửa thế nào?",
               "Danh sách giáo viên sai ngày sinh lập theo mẫu nào?"),
        _entry("due", "Hạn gửi danh sách giáo viên sai ngày sinh",
               "Trường lập danh sách giáo viên sai ngày sinh theo mẫu, gửi về Phòng chậm "
               "nhất ngày 12/3/2027.",
               "Danh sách giáo viên cần sửa thông tin gửi Phòng khi nào?"),
        _entry("other", "Lịch học tập trung", "Lớp học tập trung khai giảng ngày 5/4/2027.",
               "Lớp tập trung học khi nào?"),
    ])
    answer = engine.answer("danh sách gv sai ngày sinh lập theo mẫu hạn cuối hôm nào")
    assert answer.entry is not None and answer.entry.id == "due"


def test_whom_to_call_for_a_failed_login_reaches_the_letters_technical_contact() -> None:
    letter = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH", "Số: 614/SGDĐT-TCCB",
        "V/v bồi dưỡng trực tuyến cho giáo viên mới năm học 2026-2027",
        "Tây Ninh, ngày 01 tháng 10 năm 2026",
        "1. Học trực tuyến",
        "Giáo viên mới học các chuyên đề trên hệ thống học trực tuyến của Sở từ ngày "
        "15/10/2026.",
        "2. Liên hệ",
        "Về tổ chức lớp học liên hệ cô Lâm Thị Hạnh, điện thoại 0276.3822.301. Về tài khoản và "
        "sự cố của hệ thống liên hệ thầy Mai Văn Tâm, điện thoại 0913.554.210.",
    ])
    # "goij" is "gọi" typed in Telex without its tone: the question asks a phone, about the
    # failed login, which the letter calls "tài khoản và sự cố"
    quote = _index(letter).search("loi dang nhap he thong hoc truc tuyen thi goij ai, sdt "
                                  "bao nhieu")
    assert quote is not None and "0913.554.210" in quote.text


def test_a_summary_naming_its_signer_states_who_signed() -> None:
    assert holds("signer", "Kế hoạch của Sở (Giám đốc Trần Văn Hòa ký) về bồi dưỡng")
    assert holds("signer", "Ký: KT. Giám đốc, Phó Giám đốc <b>Lý Thị Thu</b>.")
    assert not holds("signer", "Giám đốc Sở Giáo dục và Đào tạo giao các phòng thực hiện")


SAMPLES = "\n".join([
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO PHÚ THỌ",
    "Số: 715/SGDĐT-GDTrH",
    "V/v bồi dưỡng giáo viên dạy môn Tin học lớp 6 năm 2027",
    "Phú Thọ, ngày 02 tháng 3 năm 2027",
    "2. Cách học",
    "Giáo viên học trên hệ thống https://hoc.phutho.edu.vn bằng tài khoản bồi dưỡng thường "
    "xuyên; giáo án minh họa, phim bài dạy mẫu được để ở chuyên mục \"Tin học 6\". Mỗi tuần "
    "giáo viên học ít nhất hai chuyên đề.",
])


def test_a_clause_after_a_semicolon_gives_its_sentence_the_value_asked() -> None:
    # "…hệ thống https://…; giáo án minh họa … được để ở chuyên mục …" is one sentence: the
    # website of the sample lessons is the address before the semicolon
    quote = _index(SAMPLES).search("giáo án minh họa, phim bài dạy mẫu tin học 6 xem ở trang "
                                   "web nào")
    assert quote is not None and quote.holds_value
    assert "https://hoc.phutho.edu.vn" in quote.text and "giáo án minh họa" in quote.text


ALLOWANCES = "\n".join([
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH",
    "Số: 735/SGDĐT-TCCB",
    "V/v tổ chức lớp bồi dưỡng giáo viên dạy học hòa nhập năm 2027",
    "Tây Ninh, ngày 02 tháng 4 năm 2027",
    "1. Đánh giá kết quả",
    "Kết quả bồi dưỡng của giáo viên được xếp một trong ba mức. Mức tốt: điểm trung bình các "
    "bài kiểm tra từ 8,0 trở lên và không bài nào dưới 6,5; mức đạt: điểm trung bình từ 5,0 "
    "trở lên.",
    "2. Chế độ cho học viên",
    "Học viên học tập trung được hỗ trợ tiền ăn 120.000 đồng/người/ngày.",
])


def test_an_amount_of_money_asked_is_answered_only_by_a_sum_or_the_rule_it_is_paid_by() -> None:
    # "thưởng bao nhiêu tiền" asks a sum: the grading rule states numbers, not money, and a
    # reader asking about a reward learns nothing from 8,0 and 6,5
    reward = "kết quả bồi dưỡng xếp mức tốt được thưởng bao nhiêu tiền"
    assert asked_kind(reward) == "money"
    assert _engine(ALLOWANCES).answer(reward).kind == "none"
    meals = "hoc tap trung duoc ho tro tien an khong, bao nhieu 1 ngay"
    assert asked_kind(meals) == "money"
    answer = _engine(ALLOWANCES).answer(meals)
    assert answer.kind == "quoted" and answer.quote is not None
    assert "120.000 đồng" in answer.quote.text
    # "thời lượng", "số lượng", "thường xuyên" are no money: their questions ask a count
    for count in ("bồi dưỡng thường xuyên bao nhiêu tiết", "thời lượng bao nhiêu tiết",
                  "số lượng giáo viên bao nhiêu"):
        assert asked_kind(count) == "number", count
    assert holds("money", "theo giá vé xe khách") and not holds("money", "đạt 8,0 điểm")
