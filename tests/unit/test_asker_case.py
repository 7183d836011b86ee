"""An asker describes their own case in their words, the letter states the condition in its
own: "cô giáo 48 tuổi" against "không quá 45 tuổi", "khoảng 25% học sinh" against "từ 40%
trở lên", "trường THCS và THPT" against "trường phổ thông có nhiều cấp học", "một xã thuộc
huyện … cũ" beside a question on the dormitory, "trường tư thục" against "ngoài công lập".
The sentence stating the condition is what answers them.

The letter is written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.letter_index import LetterIndex
from bot.knowledge.letter_tables import table_lines
from bot.knowledge.normalize import words
from bot.knowledge.table_rows import question_keys
from tests.letter_quotes import one_letter, quoted

LISTS = [
    ["TT", "Việc phải làm", "Đơn vị thực hiện", "Thời hạn"],
    ["1", "Lập danh sách giáo viên, phó hiệu trưởng dự học của các trường tiểu học, trung học "
     "cơ sở trên địa bàn", "Ủy ban nhân dân xã, phường", "10/01/2027"],
    ["2", "Lập danh sách giáo viên, phó hiệu trưởng dự học của đơn vị",
     "Trường trung học phổ thông, trường phổ thông có nhiều cấp học", "14/01/2027"],
]


def _index() -> LetterIndex:
    letter = "\n".join([
        "UBND TỈNH ĐIỆN BIÊN",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 905/SGDĐT-TCCB",
        "V/v mở lớp bồi dưỡng tiếng Mông cho giáo viên năm 2027",
        "Điện Biên, ngày 03 tháng 12 năm 2026",
        "1. Đối tượng",
        "Giáo viên các trường công lập được đăng ký khi trường có từ 40% học sinh trở lên là "
        "người Mông; chưa có chứng chỉ tiếng Mông; không quá 45 tuổi tính đến ngày 31/12/2027. "
        "Ưu tiên giáo viên tuyển dụng từ năm 2024 và giáo viên từ tỉnh khác chuyển đến.",
        "Giáo viên các trường ngoài công lập được tham gia tự nguyện, tự túc kinh phí.",
        # what registering is like, in the question's words, and long enough to fill a quote
        "Giáo viên đăng ký học tiếng Mông trên hệ thống quản lý bồi dưỡng của Sở, chọn lớp "
        "theo địa bàn trường mình đang công tác và khai thông tin về học sinh người Mông của "
        "lớp mình chủ nhiệm hoặc giảng dạy.",
        "Cô giáo, thầy giáo đã đăng ký học tiếng Mông năm trước nhưng chưa học xong được đăng "
        "ký học tiếp tại lớp của trường mình, không phải khai lại thông tin đã khai.",
        "Mỗi giáo viên đăng ký học một lớp tiếng Mông; trường có nhiều giáo viên đăng ký học "
        "thì hiệu trưởng cử người đăng ký trước đi học trước, người đăng ký sau học năm sau.",
        "2. Lập danh sách",
        "Danh sách học viên được lập theo bảng sau:",
        *table_lines(LISTS),
        "3. Địa điểm học tập trung",
        "Phần học tập trung tổ chức tại Trường Cao đẳng Sư phạm Điện Biên cho giáo viên thành "
        "phố Điện Biên Phủ và các huyện Điện Biên, Mường Ảng trước đây; tại Trường THPT Tủa Chùa "
        "cho giáo viên các xã thuộc các huyện Tủa Chùa, Mường Chà trước đây.",
        "4. Chỗ ở",
        "Học viên được ở miễn phí tại ký túc xá của nhà trường trong thời gian học tập trung "
        "nếu đăng ký chỗ ở trước ngày 15/6/2027.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
    ])
    return one_letter(letter)


def test_the_askers_own_amount_is_answered_by_the_threshold_in_its_unit() -> None:
    index = _index()
    # an age, a share typed "%" or spelt out: the sentence stating the limit in that unit
    assert "không quá 45 tuổi" in quoted(index, "cô giáo trường em 48 tuổi có được đăng ký "
                                                 "học tiếng Mông không")
    for question in ("Trường em chỉ khoảng 25% học sinh là người Mông, giáo viên có được "
                     "đăng ký không ạ?",
                     "truong em khoang 25 phan tram hoc sinh nguoi mong, gv dang ky duoc ko"):
        assert "40%" in quoted(index, question), question


def test_a_school_of_several_levels_finds_the_row_of_such_schools() -> None:
    index = _index()
    text = quoted(index, "Tôi là hiệu trưởng trường THCS và THPT ở phường Him Lam. Danh sách "
                          "giáo viên dự học của trường phải lập xong trước ngày nào?")
    assert "14/01/2027" in text and "10/01/2027" not in text
    # the people a list holds ("danh sách giáo viên, phó hiệu trưởng") are not whom it is for
    assert "several levels" in question_keys("hiệu trưởng trường THCS và THPT")[0]


def test_where_the_asker_works_does_not_outweigh_what_they_ask() -> None:
    text = quoted(_index(), "Em dạy ở một xã thuộc huyện Mường Chà cũ. Đi học tập trung em có "
                             "được ở ký túc xá không, phải đăng ký chỗ ở trước ngày nào ạ?")
    assert "15/6/2027" in text


def test_a_private_school_is_the_letters_non_public_one() -> None:
    text = quoted(_index(), "Giáo viên trường tư thục có được tham gia lớp tiếng Mông không?")
    assert "ngoài công lập" in text


def test_done_after_another_verb_is_no_completion() -> None:
    # "học xong mô đun" is completing it; "duyệt xong danh sách" is only approving it by then
    assert words("em học xong mô đun 1")[2:4] == ["hoàn", "thành"]
    assert "hoàn" not in words("phải duyệt xong danh sách trước ngày nào")
