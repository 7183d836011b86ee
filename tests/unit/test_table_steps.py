"""A timetable's row is found the way a reader finds it: by the step the question names
("duyệt kế hoạch" is not "nộp kế hoạch" nor "duyệt báo cáo"), by who the asker says they are
("tôi là phó hiệu trưởng" even when they ask who approves), principals apart from their
deputies when the table gives each a row, a school of several levels in its highest level's
group when the letter says so, and a numbering column ("Bước" 1, 2, 3) never taken for the
row's name.

The letters are written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import ABOVE, LEFT, table_lines
from bot.knowledge.table_rows import question_keys
from tests.letter_quotes import one_letter

HEADER = [
    "UBND TỈNH HƯNG YÊN",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 1412/SGDĐT-GDPT",
    "V/v lập, phê duyệt kế hoạch và báo cáo hỗ trợ đồng nghiệp của cốt cán năm học 2026-2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hưng Yên, ngày 02 tháng 11 năm 2026",
]
# the steps of the year, numbered; deadlines by level, merged across TH and THCS on some rows
STEPS = [
    ["Bước", "Nội dung", "Người thực hiện", "Thời hạn", LEFT, LEFT],
    [ABOVE, ABOVE, ABOVE, "Tiểu học", "Trung học cơ sở", "Trung học phổ thông"],
    ["1", "Nộp kế hoạch hỗ trợ đồng nghiệp lên hệ thống", "Giáo viên, cán bộ quản lý cốt cán",
     "16/11/2026", "17/11/2026", "19/11/2026"],
    ["2", "Duyệt kế hoạch của giáo viên cốt cán", "Hiệu trưởng", "26/11/2026", LEFT,
     "01/12/2026"],
    ["3", "Duyệt kế hoạch của cán bộ quản lý cốt cán",
     "Phòng Văn hóa - Xã hội (tiểu học, THCS); Phòng Tổ chức cán bộ Sở (THPT)", "07/12/2026",
     LEFT, "10/12/2026"],
    ["4", "Nộp báo cáo kết quả hỗ trợ đồng nghiệp", "Giáo viên, cán bộ quản lý cốt cán",
     "12/5/2027", "13/5/2027", "17/5/2027"],
    ["5", "Duyệt báo cáo của giáo viên cốt cán", "Hiệu trưởng", "20/5/2027", "21/5/2027",
     "25/5/2027"],
    ["6", "Duyệt báo cáo của cán bộ quản lý cốt cán",
     "Phòng Văn hóa - Xã hội (tiểu học, THCS); Phòng Tổ chức cán bộ Sở (THPT)", "02/6/2027",
     LEFT, "07/6/2027"],
]


def _index(header: list[str], *body: str) -> LetterIndex:
    return one_letter("\n".join([*header, *body]))


def _steps() -> LetterIndex:
    return _index(HEADER,
                  "1. Thời hạn",
                  "Cốt cán lập kế hoạch, báo cáo trên hệ thống của Sở; người duyệt duyệt bằng "
                  "tài khoản của mình. Thời hạn từng bước như sau:",
                  *table_lines(STEPS),
                  "2. Ghi nhận",
                  "Cốt cán hoàn thành được tính 15 tiết bồi dưỡng thường xuyên.",
                  "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def _quoted(index: LetterIndex, question: str) -> str:
    quote = index.search(question)
    assert quote is not None, question
    return quote.text


def test_a_column_numbering_the_steps_is_no_name_for_the_row() -> None:
    lines = table_lines(STEPS)
    assert lines[1] == ("Duyệt kế hoạch của giáo viên cốt cán — Bước: 2; Người thực hiện: "
                        "Hiệu trưởng; Thời hạn - Tiểu học: 26/11/2026; Thời hạn - Trung học cơ "
                        "sở: 26/11/2026; Thời hạn - Trung học phổ thông: 01/12/2026.")
    # a column of figures that count something is a value, and STT is still left out
    people = [["STT", "Đơn vị", "Số học viên"], ["1", "Trường A", "3"], ["2", "Trường B", "7"]]
    assert table_lines(people)[:2] == ["Trường A — Số học viên: 3.", "Trường B — Số học viên: 7."]


def test_the_step_asked_is_quoted_not_the_one_sharing_more_words() -> None:
    index = _steps()
    # the submitting step names the peer support in full; the approving step is the one asked
    text = _quoted(index, "ht trường thcs duyệt kh htđn của gv cốt cán hạn chót khi nào")
    assert "Duyệt kế hoạch của giáo viên cốt cán" in text and "26/11/2026" in text
    assert "Nộp kế hoạch" not in text and "Duyệt báo cáo" not in text
    text = _quoted(index, "gv cốt cán trường thcs nộp kế hoạch hỗ trợ đồng nghiệp trước ngày nào")
    assert "17/11/2026" in text and "Duyệt" not in text
    text = _quoted(index, "báo cáo htđn của cbql cốt cán trường thpt duyệt hạn khi nào")
    assert "Duyệt báo cáo của cán bộ quản lý cốt cán" in text and "07/6/2027" in text


def test_who_the_asker_says_they_are_names_their_row_even_asking_who_approves() -> None:
    question = ("Tôi là phó hiệu trưởng trường tiểu học và là cốt cán. Kế hoạch hỗ trợ đồng "
                "nghiệp của tôi do ai duyệt, hạn duyệt là ngày nào?")
    text = _quoted(_steps(), question)
    assert "Phòng Văn hóa - Xã hội" in text and "07/12/2026" in text
    assert "giáo viên cốt cán —" not in text
    # a principal named as the approver is not the group asked about
    assert question_keys("hiệu trưởng duyệt kế hoạch của gv cốt cán hạn nào")[2] == {"GV"}


def test_a_role_asked_about_is_told_from_a_role_that_approves() -> None:
    # the approver is what is asked: the one role named is whose plan it is
    text = _quoted(_steps(), "Phó hiệu trưởng trường THPT là cốt cán thì kế hoạch do ai phê "
                             "duyệt, hạn khi nào?")
    assert "Phòng Tổ chức cán bộ" in text and "10/12/2026" in text
    assert "giáo viên cốt cán —" not in text
    # the principal approving, or asking the day to approve by: no group is read from him
    for question in ("hiệu trưởng duyệt kế hoạch đến ngày nào",
                     "kế hoạch của tôi do hiệu trưởng duyệt hay phòng duyệt",
                     "hiệu trưởng trường thcs hạn duyệt kế hoạch"):
        assert question_keys(question)[2] == set(), question


def test_a_principal_also_teacher_cot_can_is_a_manager_when_the_letter_says_so() -> None:
    rule = ("Trường hợp hiệu trưởng đồng thời là giáo viên cốt cán của một môn học, kế hoạch "
            "của hiệu trưởng được duyệt như của cán bộ quản lý cốt cán.")

    def steps(*said: str) -> LetterIndex:
        return _index(HEADER, "1. Thời hạn", *said, *table_lines(STEPS),
                      "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")

    question = ("Tôi là hiệu trưởng trường tiểu học, cũng là giáo viên cốt cán môn Toán, kế "
                "hoạch hỗ trợ đồng nghiệp của tôi ai duyệt, hạn duyệt khi nào?")
    text = _quoted(steps(rule), question)
    assert "Duyệt kế hoạch của cán bộ quản lý cốt cán" in text and "07/12/2026" in text
    assert rule in text
    # without the rule the letter says nothing of the kind: no managers' row is chosen for it
    assert "07/12/2026" not in _quoted(steps(), question)
    # a principal approving a teacher's plan is not one of them
    text = _quoted(steps(rule), "ht trường thcs duyệt kh của gv cốt cán hạn chót khi nào")
    assert "26/11/2026" in text and "07/12/2026" not in text


MANAGERS_HEADER = [
    "UBND TỈNH HƯNG YÊN",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 1530/SGDĐT-TCCB",
    "V/v bồi dưỡng cán bộ quản lý trường phổ thông năm 2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Hưng Yên, ngày 15 tháng 3 năm 2027",
]
GROUPS = [
    ["STT", "Đối tượng", "Thời lượng", "Học tập trung"],
    ["1", "Hiệu trưởng trường tiểu học", "30 tiết", "10/5/2027 - 11/5/2027"],
    ["2", "Phó hiệu trưởng trường tiểu học", "26 tiết", ABOVE],
    ["3", "Hiệu trưởng trường trung học cơ sở", "34 tiết", "17/5/2027 - 18/5/2027"],
    ["4", "Phó hiệu trưởng trường trung học cơ sở", "28 tiết", ABOVE],
    ["5", "Hiệu trưởng, phó hiệu trưởng trường trung học phổ thông; giám đốc, phó giám đốc "
     "trung tâm giáo dục nghề nghiệp - giáo dục thường xuyên", "40 tiết",
     "07/6/2027 - 08/6/2027"],
    ["6", "Cán bộ quản lý bổ nhiệm lần đầu từ ngày 01/8/2026", "56 tiết",
     "21/6/2027 - 23/6/2027"],
]


def _managers(*rule: str) -> LetterIndex:
    return _index(MANAGERS_HEADER,
                  "1. Đối tượng",
                  "Hiệu trưởng, phó hiệu trưởng các trường tiểu học, trung học cơ sở tham gia "
                  "khóa bồi dưỡng theo nhóm.", *rule,
                  "2. Lịch học",
                  "Thời lượng và lịch học tập trung của từng nhóm như sau:",
                  *table_lines(GROUPS),
                  "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def test_a_principal_and_a_deputy_each_get_their_own_row() -> None:
    index = _managers()
    text = _quoted(index, "hieu truong truong thcs hoc bao nhieu tiet")
    assert "34 tiết" in text and "28 tiết" not in text
    text = _quoted(index, "hiệu phó trường thcs học mấy tiết")
    assert "28 tiết" in text and "34 tiết" not in text


def test_a_school_of_two_levels_goes_by_the_highest_when_the_letter_says_so() -> None:
    rule = ("Cán bộ quản lý của trường có nhiều cấp học học theo nhóm của cấp học cao nhất "
            "mà trường đang dạy.")
    question = "Tôi là phó hiệu trưởng trường TH&THCS thì học bao nhiêu tiết?"
    text = _quoted(_managers(rule), question)
    assert "28 tiết" in text and "26 tiết" not in text
    assert rule in text  # why that row: the letter's own rule, quoted with it
    assert rule not in _quoted(_managers(rule), "hiệu phó trường thcs học mấy tiết")
    # a letter without the rule says nothing of the kind: its TH row is not left out for it
    assert "26 tiết" in _quoted(_managers(), question)


def test_a_newly_appointed_deputy_gets_the_row_of_new_managers() -> None:
    question = ("Tôi là giáo viên, mới được bổ nhiệm làm phó hiệu trưởng, vậy tôi học tập trung "
                "từ ngày nào?")
    assert question_keys(question)[2] == {"PHT"}
    text = _quoted(_managers(), question)
    # the THPT managers' row says "phó hiệu trưởng" in the asker's words; the new managers'
    # row names them as managers, and is theirs
    assert "21/6/2027" in text and "hiệu trưởng" not in text


def test_a_row_names_its_group_in_a_value_when_its_label_names_none() -> None:
    sessions = [["Nội dung", "Đối tượng", "Thời gian"],
                ["Tập huấn phần mềm quản lý hồ sơ", "Giáo viên", "05/11/2026"],
                ["Tập huấn phần mềm quản lý hồ sơ", "Cán bộ quản lý", "07/11/2026"]]
    index = _index(MANAGERS_HEADER, "1. Tập huấn", *table_lines(sessions),
                   "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    text = _quoted(index, "hiệu trưởng tập huấn phần mềm hồ sơ ngày nào")
    assert "07/11/2026" in text and "05/11/2026" not in text


def test_a_row_in_the_part_of_a_long_table_cut_into_another_passage_is_read() -> None:
    # long cells cut the table into two passages; four short sections speak of the managers'
    # reports in all of the question's words and crowd the ranking, so of the table only its
    # first part (submitting the plans) ranks among the passages read for a quote
    signed = ", theo mẫu của Sở, có xác nhận của thủ trưởng đơn vị nơi công tác"
    long_steps = [*STEPS[:2], *([*row[:2], row[2] + signed, *row[3:]] for row in STEPS[2:])]
    kept = (" Đơn vị lưu hồ sơ tại trường, cập nhật khi có thay đổi nhân sự, bảo đảm đúng quy "
            "định về lưu trữ và bảo mật thông tin cá nhân của viên chức.")
    others = [line for k, topic in enumerate(("Hồ sơ", "Minh chứng", "Ghi nhận", "Khen thưởng"))
              for line in (f"{k + 2}. {topic}",
                           f"{topic}: báo cáo hỗ trợ đồng nghiệp của cán bộ quản lý cốt cán "
                           f"trường trung học phổ thông được duyệt trên hệ thống.{kept * 3}")]
    index = _index(HEADER, "1. Thời hạn", *table_lines(long_steps), *others,
                   "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    parts = [p for p in index.letters[0].passages if p.section == "1"]
    assert len(parts) == 2 and "Bước: 6" in parts[1].text and "Bước: 6" not in parts[0].text
    found = index.candidates("báo cáo htđn của cbql cốt cán trường thpt duyệt hạn khi nào",
                             limit=5)
    assert any("Duyệt báo cáo của cán bộ quản lý cốt cán" in q.text and "07/6/2027" in q.text
               for q in found)


KINDS = [
    ["Khối trường", "Lớp", "Trường ở xã, phường thuộc", "Ngày học", "Nơi học"],
    ["Trường tiểu học, trung học cơ sở, trường liên cấp đến trung học cơ sở", "Lớp A",
     "Các huyện Văn Lâm, Mỹ Hào trước đây", "12/01/2027", "Trường Cao đẳng Hưng Yên"],
    [ABOVE, "Lớp B", "Các huyện Khoái Châu, Kim Động trước đây", "19/01/2027",
     "Trường Tiểu học Khoái Châu"],
    ["Trường trung học phổ thông, trung tâm giáo dục thường xuyên", "Lớp C", "Toàn tỉnh",
     "26/01/2027", "Trường Đại học Sư phạm Kỹ thuật Hưng Yên"],
]


def test_a_school_having_a_level_goes_with_that_levels_rows_when_the_letter_says_so() -> None:
    rule = ("Trường liên cấp có cấp trung học phổ thông (trường trung học cơ sở và trung học "
            "phổ thông) đăng ký vào Lớp C.")
    index = _index(MANAGERS_HEADER, "1. Lịch học", "Thủ quỹ các trường học theo lớp sau:",
                   *table_lines(KINDS), rule, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    # the school stands in a district of class B, and the asker guesses class B
    question = ("Trường THCS và THPT của em ở xã Kim Động (huyện Kim Động cũ), thủ quỹ đi học "
                "Lớp B ở Khoái Châu hay học lớp nào ạ?")
    text = _quoted(index, question)
    assert "26/01/2027" in text and "19/01/2027" not in text, text
    # a lower-secondary school of the same place goes with class B
    text = _quoted(index, "Trường THCS ở xã Kim Động (huyện Kim Động cũ), thủ quỹ học ngày nào?")
    assert "19/01/2027" in text and "26/01/2027" not in text, text
