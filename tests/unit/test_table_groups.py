"""A letter's table answers for the row of the group asked: teachers or managers (a principal
is a manager), by level, even when a merged cell names several levels; an annex of contacts the
letter points to answers "vướng mắc thì liên hệ ai"; a count is quoted from the sentence that
states it, though the words saying which ones stand in the sentence before.

The letters are written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

import dataclasses

from bot.knowledge.asked import asked_kind, holds
from bot.knowledge.letter_index import LetterIndex, Quote, choose
from bot.knowledge.letter_tables import ABOVE, LEFT, table_lines
from bot.knowledge.letters import read_letter
from bot.knowledge.normalize import expand
from tests.letter_quotes import one_letter

HEADER = [
    "UBND TỈNH TÂY NINH",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 733/SGDĐT-GDPT",
    "V/v kế hoạch hỗ trợ đồng nghiệp của giáo viên, cán bộ quản lý cốt cán năm học 2026-2027",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Tây Ninh, ngày 12 tháng 10 năm 2026",
]
# approvers and deadlines by group: the plan's and the report's dates under one header each, the
# approver merged down the teachers' rows, the THCS teachers' row merged into the TH row
GRID = [
    ["Nhóm cốt cán", "Người duyệt", "Kế hoạch", LEFT, "Báo cáo", LEFT],
    [ABOVE, ABOVE, "Ngày nộp", "Hạn duyệt", "Ngày nộp", "Hạn duyệt"],
    ["Giáo viên cốt cán tiểu học", "Hiệu trưởng", "02/11/2026", "09/11/2026", "03/5/2027",
     "10/5/2027"],
    ["Giáo viên cốt cán trung học cơ sở", ABOVE, ABOVE, ABOVE, ABOVE, ABOVE],
    ["Giáo viên cốt cán trung học phổ thông", ABOVE, "04/11/2026", "11/11/2026", "05/5/2027",
     "12/5/2027"],
    ["Cán bộ quản lý cốt cán tiểu học, trung học cơ sở", "Chủ tịch UBND xã, phường",
     "06/11/2026", "16/11/2026", "07/5/2027", "17/5/2027"],
    ["Cán bộ quản lý cốt cán trung học phổ thông", "Giám đốc Sở", "06/11/2026", "18/11/2026",
     "07/5/2027", "19/5/2027"],
]


def _index(*body: str) -> LetterIndex:
    return one_letter("\n".join([*HEADER, *body]))


def _approvals() -> LetterIndex:
    return _index("1. Lập và duyệt kế hoạch",
                  "Cốt cán lập kế hoạch và báo cáo trên hệ thống của Sở; người duyệt duyệt "
                  "trực tuyến theo thời hạn dưới đây:",
                  *table_lines(GRID),
                  "2. Ghi nhận",
                  "Cốt cán hoàn thành được tính 20 tiết bồi dưỡng thường xuyên.",
                  "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")


def _quoted(index: LetterIndex, question: str) -> str:
    quote = index.search(question)
    assert quote is not None, question
    return quote.text


def test_a_table_naming_the_director_as_approver_is_data_a_signature_block_is_not() -> None:
    lines = table_lines(GRID)
    assert lines[-2].startswith("Cán bộ quản lý cốt cán trung học phổ thông — Người duyệt: "
                                "Giám đốc Sở; Kế hoạch - Ngày nộp: 06/11/2026;")
    signature = [["Nơi nhận:\n- Như trên;", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"],
                 ["- Lưu: VT.", "Trần Văn An"]]
    assert table_lines(signature) == ["Nơi nhận:", "- Như trên;", "KT. GIÁM ĐỐC",
                                      "PHÓ GIÁM ĐỐC", "", "- Lưu: VT.", "Trần Văn An", ""]


def test_a_principal_is_answered_from_the_managers_row_not_the_teachers_naming_him() -> None:
    # the teachers' THPT row names "Hiệu trưởng" as its approver; the principal's own row is
    # the managers' THPT row
    text = _quoted(_approvals(), "Báo cáo của hiệu trưởng cốt cán trường THPT ai duyệt, "
                                 "hạn ngày nào?")
    assert "Giám đốc Sở" in text and "19/5/2027" in text
    assert "Giáo viên cốt cán trung học phổ thông" not in text


def test_a_manager_of_a_level_named_inside_a_merged_label_gets_that_row() -> None:
    text = _quoted(_approvals(), "kh của cbql cốt cán trường thcs ai duyệt, hạn bao giờ")
    assert "Chủ tịch UBND" in text and "16/11/2026" in text
    assert "Giáo viên cốt cán" not in text


def test_a_teacher_of_a_row_merged_into_another_gets_its_values() -> None:
    text = _quoted(_approvals(), "gv cốt cán thcs nộp kế hoạch trước ngày nào")
    assert "Giáo viên cốt cán trung học cơ sở" in text and "02/11/2026" in text
    assert "Cán bộ quản lý" not in text


def test_an_annex_the_letter_points_to_answers_for_the_contacts_it_lists() -> None:
    index = _index(
        "1. Tổ chức thực hiện",
        "Các trường tổng hợp kết quả, gửi Sở qua hộp thư baocao@tayninh.edu.vn trước ngày "
        "20/6/2027. Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị liên hệ các "
        "đầu mối tại Phụ lục kèm theo Công văn này.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Thị Hoa",
        "PHỤ LỤC",
        "DANH SÁCH ĐẦU MỐI (Kèm theo Công văn số 733/SGDĐT-GDPT)",
        *table_lines([
            ["STT", "Nội dung", "Người phụ trách", "Điện thoại", "Thư điện tử"],
            ["1", "Cốt cán mầm non", "Cô Võ Thị Lan", "0912.345.678", "mamnon@tayninh.edu.vn"],
            ["2", "Cốt cán tiểu học", "Thầy Đỗ Văn Tâm", "0987.654.321",
             "tieuhoc@tayninh.edu.vn"],
            ["3", "Các xã thuộc tỉnh Long An cũ", "Cô Mai Thị Hằng", "0272.3826.111",
             "longancu@tayninh.edu.vn"]]))
    text = _quoted(index, "cốt cán mầm non có vướng mắc thì liên hệ ai, số điện thoại nào")
    assert "Võ Thị Lan" in text and "0912.345.678" in text and "Đỗ Văn Tâm" not in text
    text = _quoted(index, "truong o long an cu vuong mac thi lien he ai, email gi")
    assert "longancu@tayninh.edu.vn" in text and "baocao@" not in text
    # the sentence pointing to the annex is read as its heading, not the report's deadline
    # written before it on the same line
    question = "hạn các trường gửi tổng hợp kết quả về Sở, gửi email nào"
    assert "baocao@tayninh.edu.vn" in _quoted(index, question)
    assert [q.passage.section for q in index.candidates(question)] == ["1"]


def test_a_count_is_quoted_from_the_sentence_stating_it() -> None:
    # the sentence before shares more of the question's words ("mới", "lớp bồi dưỡng") but
    # states no count; "bn ng" is "bao nhiêu người", people counted
    assert expand(["bn", "ng"]) == ["bao", "nhiêu", "người"]
    index = _index(
        "1. Đối tượng",
        "Giáo viên mới tuyển dụng vào các trường mầm non, tiểu học, trung học cơ sở và trung "
        "học phổ thông công lập trong tỉnh từ ngày 01/8/2025 đến ngày 31/8/2026, kể cả người "
        "được tiếp nhận từ ngành khác sang làm giáo viên, phải học lớp bồi dưỡng giáo viên "
        "mới của Sở. Toàn tỉnh "
        "có 540 giáo viên thuộc diện tham gia, gồm 120 giáo viên mầm non, 205 giáo viên tiểu "
        "học và 215 giáo viên trung học. Giáo viên mới đã học lớp bồi dưỡng giáo viên mới do "
        "Sở mở năm 2025 thì không phải học lại lớp bồi dưỡng mà gửi bản chụp giấy chứng nhận "
        "về Sở qua hệ thống quản lý hồ sơ của ngành trước ngày 20/10/2026 để được công nhận.",
        "2. Liên hệ",
        "Danh sách giáo viên mới gửi về Phòng Tổ chức cán bộ, điện thoại 0276.3822.456.")
    text = _quoted(index, "bn gv mới tuyển dụng phải học lớp bồi dưỡng, trong đó tiểu học "
                          "bn ng")
    assert "540" in text and "205" in text


def test_a_phone_or_a_date_is_no_count_a_document_number_is_a_number() -> None:
    assert asked_kind("có bao nhiêu giáo viên") == "number"
    assert not holds("number", "Liên hệ điện thoại 0276.3822.456 trước ngày 20/10/2026.")
    assert holds("number", "Toàn tỉnh có 540 giáo viên.")
    assert holds("number", "Thực hiện Kế hoạch số 37/KH-BGDĐT của Bộ.")  # "kế hoạch số mấy"


def test_a_row_for_the_level_asked_covers_the_school_named_by_it() -> None:
    # "trường tiểu học" asked: the newer letter's managers' row for tiểu học says the level,
    # not "trường"; it must not lose to an older letter's sentence repeating "trường"
    older = dataclasses.replace(read_letter("\n".join([
        "UBND TỈNH TÂY NINH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 95/SGDĐT-GDPT",
        "V/v duyệt kế hoạch hỗ trợ đồng nghiệp năm 2022",
        "Tây Ninh, ngày 10 tháng 02 năm 2022",
        "1. Duyệt kế hoạch",
        "Hiệu trưởng trường tiểu học, trung học cơ sở duyệt kế hoạch hỗ trợ đồng nghiệp của "
        "giáo viên cốt cán của trường; Phòng Giáo dục duyệt kế hoạch của cán bộ quản lý cốt "
        "cán trước ngày 28/02/2022."])), id=2)
    index = _approvals()
    index.add(older)
    text = _quoted(index, "kh htđn của cbql cốt cán trường tiểu học ai duyệt, hạn bao giờ")
    assert "Chủ tịch UBND" in text and "16/11/2026" in text


def test_of_columns_repeated_for_the_plan_and_the_report_the_ones_named_are_quoted() -> None:
    index = _approvals()
    text = _quoted(index, "Báo cáo của hiệu trưởng cốt cán trường THPT ai duyệt, hạn ngày nào?")
    assert "Báo cáo - Hạn duyệt: 19/5/2027" in text and "18/11/2026" not in text
    text = _quoted(index, "gv cốt cán thcs nộp kế hoạch trước ngày nào")
    assert "Kế hoạch - Ngày nộp: 02/11/2026" in text and "03/5/2027" not in text
    text = _quoted(index, "gv cốt cán thcs nộp kế hoạch và báo cáo trước ngày nào")
    assert "02/11/2026" in text and "03/5/2027" in text


def test_another_levels_row_is_left_out_even_when_no_value_is_asked() -> None:
    question = "quy định về hạn duyệt của gv cốt cán tiểu học"
    assert asked_kind(question) is None
    text = _quoted(_approvals(), question)
    assert "Giáo viên cốt cán tiểu học" in text
    assert "Giáo viên cốt cán trung học cơ sở" not in text and "Cán bộ quản lý" not in text


def test_the_row_of_the_level_asked_beats_the_paragraph_above_its_table() -> None:
    # the paragraph shares as many of the question's words ("bắt buộc", "mô đun", "nội
    # dung 3", "tiết") and states numbers too, but for every teacher; the THCS row answers
    rows = [["Đối tượng", "Mô đun bắt buộc", "Số tiết", "Hạn hoàn thành"],
            ["Giáo viên mầm non", "MN-04 Giáo dục kỹ năng sống cho trẻ mẫu giáo", "20 tiết",
             "30/11/2026"],
            ["Giáo viên tiểu học", "TH-21 Dạy học phát triển năng lực đọc cho học sinh",
             "25 tiết", "15/01/2027"],
            ["Giáo viên trung học cơ sở", "THCS-17 Dạy học tích hợp môn Lịch sử và Địa lí",
             "30 tiết", "28/02/2027"],
            ["Giáo viên trung học phổ thông", "THPT-09 Ứng dụng công nghệ số trong kiểm tra, "
             "đánh giá", "30 tiết", "28/02/2027"],
            ["Cán bộ quản lý các cấp học", "QL-05 Quản trị trường học trong môi trường số",
             "35 tiết", "31/3/2027"]]
    index = _index(
        "1. Thời lượng và nội dung bồi dưỡng",
        "Mỗi giáo viên, cán bộ quản lý học đủ 120 tiết bồi dưỡng thường xuyên trong năm học, "
        "gồm: nội dung bồi dưỡng 1 theo yêu cầu của Bộ 40 tiết; nội dung bồi dưỡng 2 theo yêu "
        "cầu của tỉnh 40 tiết; nội dung bồi dưỡng 3 theo nhu cầu phát triển nghề nghiệp 40 "
        "tiết. Trong nội dung bồi dưỡng 3, mỗi người học bắt buộc các mô đun của cấp học mình "
        "theo bảng dưới đây, số tiết còn lại tự chọn trong danh mục mô đun của Bộ cho đủ 40 "
        "tiết; giáo viên mới tuyển dụng học thêm các mô đun về đạo đức nhà giáo và kỹ năng "
        "quản lý lớp học theo hướng dẫn riêng của Sở. Kết quả từng mô đun được hệ thống ghi "
        "nhận tự động sau khi học viên làm đạt bài kiểm tra cuối mô đun; nhà trường theo dõi "
        "tiến độ học của giáo viên hằng tháng, nhắc những người còn chậm và báo cáo Sở khi có "
        "khó khăn về tài khoản hoặc đường truyền.",
        *table_lines(rows),
        "2. Đánh giá",
        "Giáo viên tự đánh giá kết quả bồi dưỡng trên hệ thống trước ngày 31/5/2027.")
    text = _quoted(index, "Giáo viên THCS bắt buộc học mô đun nào trong nội dung 3, bao nhiêu "
                          "tiết?")
    assert "THCS-17" in text and "30 tiết" in text


def test_of_one_letters_passages_covering_about_as_much_the_fitting_row_is_chosen() -> None:
    # as read from a long letter: the paragraph above the table a hair ahead in coverage
    index = _approvals()
    letter = index.letters[0]
    [passage] = [p for p in letter.passages if p.section == "1"]
    paragraph = Quote(letter, passage, "Cốt cán lập kế hoạch và báo cáo trên hệ thống.", 0.81,
                      True, 30.0, fit=0)
    row = Quote(letter, passage, "Giáo viên cốt cán tiểu học — Người duyệt: Hiệu trưởng.", 0.80,
                True, 20.0, fit=2)
    assert choose([paragraph, row], "person") is row
