"""A question asking for a value is answered with the sentence or table row about what it asks:
the row of the level or grade the teacher names ("dạy lớp 4" is the row "từ lớp 3 đến lớp 5",
"gv thcs" the THCS row), and a date the asker states about themself ("nghỉ hưu tháng 11/2027")
is when their case applies, not a word the letter must repeat.

The letter is written here, in our own words, in the 2026–2027 style.
"""

from __future__ import annotations

from bot.knowledge.asked import asked_kind, asks_of_money
from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.normalize import exam_words, words
from tests.letter_quotes import one_letter

LETTER = "\n".join([
    "UBND TỈNH AN GIANG",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Số: 412/SGDĐT-GDPT",
    "V/v tổ chức lớp bồi dưỡng hè năm 2027 cho giáo viên",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "An Giang, ngày 02 tháng 4 năm 2027",
    "1. Lịch học tập trung",
    "Học viên học tập trung theo lịch dưới đây:",
    "Giáo viên dạy lớp 1 và lớp 2 — Số tiết: 48 tiết; Từ ngày: 07/6/2027; Đến ngày: 11/6/2027; "
    "Hình thức: trực tiếp tại Trường Cao đẳng Sư phạm.",
    "Giáo viên dạy từ lớp 3 đến lớp 5 — Số tiết: 36 tiết; Từ ngày: 14/6/2027; "
    "Đến ngày: 18/6/2027; Hình thức: trực tiếp tại Trường Cao đẳng Sư phạm.",
    "Giáo viên trung học cơ sở — Số tiết: 24 tiết; Từ ngày: 21/6/2027; Đến ngày: 23/6/2027; "
    "Hình thức: trực tuyến trên hệ thống LMS của Sở.",
    "Tổ trưởng chuyên môn THCS và THPT — Số tiết: 16 tiết; Từ ngày: 28/6/2027; "
    "Đến ngày: 29/6/2027; Hình thức: trực tiếp tại Trường THPT Long Xuyên.",
    "2. Trường hợp không phải tham dự",
    "Giáo viên có quyết định nghỉ hưu trước ngày 31/12/2027 không phải tham dự lớp bồi dưỡng "
    "hè; nhà trường gửi danh sách về Sở trước ngày 20/5/2027.",
    "3. Báo cáo",
    "Các trường mầm non, tiểu học gửi báo cáo kết quả học tập của giáo viên về Phòng Văn hóa - "
    "Xã hội của xã, phường trước ngày 25/9/2027; các trường trung học phổ thông báo cáo về Sở "
    "trước ngày 30/9/2027.",
    "4. Tổ chức lớp học",
    "Các lớp học tập trung khai giảng tại Trường Cao đẳng Sư phạm An Giang; học viên có mặt "
    "lúc 7 giờ 30 ngày đầu của lớp để làm thủ tục. Năm 2027 toàn tỉnh có 5.120 giáo viên "
    "tiểu học thuộc diện bồi dưỡng hè, trong đó 412 tổ trưởng chuyên môn.",
    "5. Liên hệ",
    "Vướng mắc về tài khoản liên hệ thầy Lê Văn Bảo, điện thoại 0296.3852.114.",
    "GIÁM ĐỐC",
])


def _index() -> LetterIndex:
    return one_letter(LETTER)


def _quoted(question: str) -> str:
    quote = _index().search(question)
    assert quote is not None, question
    return quote.text


def test_a_grade_is_answered_by_the_row_whose_grades_hold_it() -> None:
    text = _quoted("Giáo viên dạy lớp 4 thì học tập trung từ ngày nào đến ngày nào ạ?")
    assert "14/6/2027" in text and "18/6/2027" in text
    assert "07/6/2027" not in text


def test_a_level_named_picks_its_row_even_when_the_values_asked_are_in_other_rows() -> None:
    # "trực tiếp hay online" asks which of two values: the rows saying "trực tiếp" are other
    # levels' rows; the THCS row ("trực tuyến") answers
    text = _quoted("gv thcs hoc may tiet, hoc truc tiep hay online")
    assert "24 tiết" in text and "trực tuyến" in text
    assert "48 tiết" not in text and "16 tiết" not in text


def test_a_date_the_asker_states_about_themself_is_a_condition_not_a_subject() -> None:
    for question in ("gv nghi huu thang 11/2027 co phai hoc boi duong he nam nay ko",
                     "gv sắp nghỉ hưu có phải học bồi dưỡng hè không",
                     "Giáo viên nghỉ hưu vào tháng 11 năm 2027 có phải học bồi dưỡng hè không?"):
        assert "không phải tham dự" in _quoted(question)


def test_how_many_asked_without_marks_after_an_abbreviation_asks_a_number() -> None:
    # "gv" is read as "giáo viên", which has marks; the teacher typed none, so "may" is "mấy"
    assert asked_kind("gv thcs hoc may tiet") == "number"
    assert asked_kind("Giáo viên dùng máy tính nào") is None


def test_of_two_passages_of_one_letter_the_one_covering_the_question_best_is_quoted() -> None:
    # both state a date; the second shares more of the question's common words ("phần",
    # "hoàn thành", "trực tuyến") but is about the product handed in after the course
    letter = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH",
        "Số: 530/SGDĐT-TCCB",
        "V/v tập huấn chuyển đổi số cho cán bộ quản lý năm 2027",
        "Tây Ninh, ngày 06 tháng 4 năm 2027",
        "1. Nội dung, thời lượng",
        "Chương trình gồm 30 tiết: 12 tiết học trực tuyến trên hệ thống LMS từ ngày 03/5/2027 "
        "đến ngày 16/5/2027 (học viên phải hoàn thành trước khi dự lớp tập trung) và 18 tiết "
        "học tập trung. Nội dung gồm: cơ sở dữ liệu ngành, hồ sơ điện tử, học bạ số, chữ ký "
        "số và bảo đảm an toàn thông tin trong nhà trường.",
        "2. Yêu cầu đối với học viên",
        "Sau khóa học, mỗi học viên nộp sản phẩm là kế hoạch chuyển đổi số của đơn vị mình "
        "lên hệ thống LMS chậm nhất ngày 30/6/2027. "
        "Học viên hoàn thành cả phần trực tuyến, phần tập trung và có sản phẩm đạt yêu cầu "
        "được Sở cấp giấy chứng nhận.",
    ])
    index = one_letter(letter)
    quote = index.search("Phần học trực tuyến của lớp chuyển đổi số phải xong trước ngày nào?")
    assert quote is not None
    assert "16/5/2027" in quote.text and "30/6/2027" not in quote.text


def test_a_word_typed_with_other_marks_than_a_fillers_is_the_word_typed() -> None:
    # "vắng" (absent) is not "vâng" (yes): it is what the question is about
    letter = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH",
        "Số: 531/SGDĐT-TCCB",
        "V/v tập huấn chuyển đổi số cho cán bộ quản lý năm 2027",
        "Tây Ninh, ngày 06 tháng 4 năm 2027",
        "1. Giấy chứng nhận",
        "Học viên hoàn thành 30 tiết và có sản phẩm đạt yêu cầu được Sở cấp giấy chứng nhận.",
        "2. Chuyên cần",
        "Học viên vắng quá 20% thời lượng học tập trung không được cấp giấy chứng nhận.",
    ])
    index = one_letter(letter)
    quote = index.search("vắng bao nhiêu thì ko đc cấp giấy chứng nhận tập huấn cđs")
    assert quote is not None and "20%" in quote.text


def test_thi_beside_the_words_of_an_exam_is_the_exam_not_the_filler() -> None:
    # "thi tuyển" (a recruitment exam) is not what a letter on training new recruits speaks
    # of, though it shares every other word; "tuyển dụng thì học" keeps "thì" a filler
    letter = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO LÂM ĐỒNG",
        "Số: 912/SGDĐT-GDPT",
        "V/v bồi dưỡng giáo viên mới tuyển dụng năm 2027",
        "Lâm Đồng, ngày 05 tháng 4 năm 2027",
        "1. Thời gian",
        "Giáo viên mới tuyển dụng năm 2027 học lớp bồi dưỡng tập trung từ ngày 10/6/2027 đến "
        "ngày 20/6/2027.",
        "2. Danh hiệu",
        "Kết quả bồi dưỡng là căn cứ xét danh hiệu thi đua của năm học.",
    ])
    index = one_letter(letter)
    assert index.search("thi tuyen giao vien nam 2027 khi nao") is None
    quote = index.search("gv moi tuyen dung thi hoc tap trung ngay nao")
    assert quote is not None and "10/6/2027" in quote.text
    quote = index.search("ket qua boi duong co dung de xet thi dua khong")
    assert quote is not None and "thi đua" in quote.text
    folded = ["hok", "du", "thi", "sao", "ky", "thi", "thi", "thang", "hang"]
    assert exam_words(folded, folded) == {5, 6}
    # a contest ("hội thi") as marked; typed plain, "hoi thi" may be "hỏi thì"
    assert exam_words(["hội", "thi", "giỏi"], ["hoi", "thi", "gioi"]) == {1}
    assert exam_words(["hoi", "thi", "sao"], ["hoi", "thi", "sao"]) == set()


def test_the_abbreviations_of_school_offices_and_lists_reach_the_letters_words() -> None:
    # "ds" is danh sách, "bc" báo cáo, "vh-xh" the commune's Phòng Văn hóa - Xã hội
    assert "20/5/2027" in _quoted("han gui ds gv nghi huu ve so")
    text = _quoted("trg tieu hoc gui bc ket qua ve phong vh-xh truoc ngay nao")
    assert "25/9/2027" in text


def test_the_passages_read_for_a_quote_include_the_best_covered_not_only_the_highest_ranked(
) -> None:
    # only so many passages are read for their quote (here one by rank): the section repeating
    # the question's words ranks higher, but only the other covers all of it ("huyện")
    letter = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TÂY NINH", "Số: 532/SGDĐT-GDTrH",
        "V/v kế hoạch hỗ trợ đồng nghiệp năm học 2026-2027", "Tây Ninh, ngày 06 tháng 9 năm 2026",
        "1. Nhiệm vụ của cốt cán",
        "Giáo viên cốt cán Bến Cầu lập kế hoạch; giáo viên cốt cán Bến Cầu hỗ trợ giáo viên; "
        "giáo viên cốt cán Bến Cầu báo cáo.",
        "2. Kinh phí", "Kinh phí tập huấn do Sở chi trả từ nguồn sự nghiệp giáo dục.",
        "3. Số lượng",
        "Theo số liệu tổng hợp của phòng chuyên môn, huyện Bến Cầu có 86 giáo viên cốt cán; "
        "danh sách kèm theo công văn này được gửi các trường để theo dõi, cập nhật trong năm học.",
    ])
    index = one_letter(letter)
    quote = index.candidates("huyen ben cau co bn gv cot can", limit=1)[0]
    assert "86 giáo viên" in quote.text


def test_a_time_of_day_asked_is_answered_with_the_sentence_giving_it() -> None:
    assert asked_kind("ngày đầu học tập trung phải có mặt lúc mấy giờ") == "time"
    assert "7 giờ 30" in _quoted("ngay dau hoc tap trung phai co mat luc may gio")


def test_co_bao_nhieu_asks_a_count_not_for_a_person_named_bao() -> None:
    # the letter names "thầy Lê Văn Bảo"; "an giang co bao nhieu gv" is "có bao nhiêu"
    text = _quoted("an giang co bao nhieu gv tieu hoc thuoc dien boi duong he")
    assert "5.120" in text


def test_the_communes_chairman_as_people_say_it_reaches_the_letters_full_title() -> None:
    assert words("chủ tịch xã đánh giá") == words("Chủ tịch Ủy ban nhân dân xã đánh giá",
                                                  limit=None)
    assert words("chu tich phuong") == words("Chủ tịch Ủy ban nhân dân phường", limit=None)


def test_the_first_thing_to_do_is_asked_of_no_money() -> None:
    assert not asks_of_money("việc đầu tiên phòng giáo dục phải làm là gì")
    assert not asks_of_money("trước tiên em cần nộp giấy tờ gì")
    # a place's name is no money: "xã Tiền Hải"
    assert not asks_of_money("Em dạy ở trường xã Tiền Hải, trước thuộc huyện Tiền Hải. Học ở đâu")
    assert asks_of_money("Em ở xã Tiền Hải, được hỗ trợ tiền đi lại không")
    assert asks_of_money("tiền đi lại có được thanh toán không")
    assert asks_of_money("dau tien tien an tinh the nao")
