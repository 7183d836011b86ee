"""Reading a letter's numbering and its figures the way a teacher asks about them: "bước mấy"
asks which step (its number), not how many; "cộng giáo viên THCS và THPT" asks a total; "khối
THPT" is the letters' "cấp THPT"; an entry on just the module asked answers before one naming
it among others, and an entry written from the named province's letter ranks as that
province's own. The letter and the entries below are our own."""

from __future__ import annotations

import dataclasses

from bot.knowledge.asked import asked_kind, counted, counted_as_typed
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import load_entries
from bot.knowledge.figures import asks_sum, work_out
from bot.knowledge.normalize import fold_word, words
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH YÊN BÁI
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 512/KH-SGDĐT
KẾ HOẠCH
Bồi dưỡng giáo viên dạy môn Khoa học tự nhiên năm 2027
Yên Bái, ngày 10 tháng 4 năm 2027
1. Số lượng
Tổng số giáo viên được bồi dưỡng: 940 người, trong đó THCS 610; THPT 330.
2. Trình tự thực hiện
Bước 1: Phòng Giáo dục và Đào tạo lập danh sách giáo viên gửi Sở trước ngày 25/4/2027.
Bước 2: Sở cấp tài khoản học trên hệ thống trực tuyến cho từng giáo viên.
Bước 3: Giáo viên tự học phần trực tuyến và làm bài kiểm tra cuối phần.
Bước 4: Sở mở lớp thực hành trực tiếp tại các cụm trường cho giáo viên đạt bài kiểm tra.
Bước 5: Sở cấp giấy chứng nhận cho giáo viên hoàn thành cả hai phần.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "kh512.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_which_step_is_asked_by_its_number_not_counted() -> None:
    for asked in ("lớp thực hành trực tiếp là bước mấy trong trình tự",
                  "lop thuc hanh truc tiep la buoc may",
                  "danh sách giáo viên gửi theo phụ lục số mấy"):
        assert asked_kind(asked) == "which", asked
        assert counted(asked) is None and counted_as_typed(asked) is None, asked
    assert counted("trình tự có mấy bước") == "buoc"  # how many steps is still a count


def test_the_step_asked_by_number_is_answered_by_the_letter() -> None:
    answer = engine().answer("Ở Yên Bái lớp thực hành trực tiếp cho giáo viên là bước mấy, "
                             "mở sau khi giáo viên làm xong việc gì?")
    assert answer.kind == "quoted" and answer.quote is not None, answer
    assert "Bước 4" in answer.quote.text


def test_two_groups_added_with_cong_are_summed_from_the_letters_figures() -> None:
    question = "Cộng giáo viên THCS và giáo viên THPT được bồi dưỡng thì ra bao nhiêu người?"
    assert asks_sum(question)
    worked = work_out(question, "Tổng số giáo viên: 940 người, trong đó THCS 610; THPT 330.")
    assert worked is not None and worked.result == 940
    # "công lập", "công văn": no verb adding groups
    assert not asks_sum("trường công lập có bao nhiêu giáo viên THCS và THPT")


def test_khoi_before_a_level_reads_as_the_letters_cap() -> None:
    folded = [fold_word(w) for w in words("khối THPT có bao nhiêu giáo viên")]
    assert folded[:2] == ["cap", "thpt"]
    assert [fold_word(w) for w in words("khối 6")] == ["khoi", "6"]  # a grade stays


def test_the_askers_unsureness_and_a_cause_are_read_as_asking() -> None:
    folded = [fold_word(w) for w in words("Em chưa rõ phần nào khiến bài chưa đạt")]
    assert "ro" not in folded and "khien" not in folded and "lam" in folded
    assert "ro" in [fold_word(w) for w in words("thông tin chưa rõ ràng")]


def test_the_entry_on_the_module_asked_answers_before_the_named_provinces_overview() -> None:
    # the shipped entries: one per module, written from Hà Nội's letter for every province,
    # beside Hà Nội's own summaries of that letter
    engine = AnsweringEngine.from_entries(load_entries())
    for question, entry in (
            ("md3 cua hieu truong truong thcs o ha noi nam 2022 la gi", "module_3_titles"),
            ("hà nội 2022 cbql trường tiểu học học md2 về cái gì", "modules_cbql_list")):
        found = engine.answer(question)
        assert found.entry is not None and found.entry.id == entry, (question, found.entry)
