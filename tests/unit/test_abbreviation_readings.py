"""Abbreviations teachers type with several readings ("hd", "hn", "tt", "đt") are read as their
neighbours call for, else as the loaded letters use them; short forms of addresses, months and
distances ("h. Mộc Châu", "t10/2026", "cây số") reach the letters' words.

The letter is written here, in our own words.
"""

from __future__ import annotations

from bot.knowledge.normalize import words
from bot.textnorm import fold
from tests.letter_quotes import one_letter


def folded(text: str, pairs: frozenset[str] | None = None) -> str:
    return " ".join(fold(w) for w in words(text, pairs=pairs))


def test_a_neighbour_calls_for_one_reading_of_an_abbreviation() -> None:
    assert folded("lam theo hd cua so") == "lam theo huong dan cua so"
    assert folded("hd sd phần mềm") == "huong dan su dung phan mem"
    assert folded("trường ở vùng hd cũ") == "truong o vung hai duong cu"
    assert folded("gv ở hn") == "giao vien o ha noi"
    assert folded("hn trực tuyến lúc mấy giờ") == "hoi nghi truc tuyen luc may gio"
    assert folded("có thuộc đt được học không") == "co thuoc doi tuong duoc hoc khong"
    assert folded("số đt của cô Hà") == "so dien thoai cua co ha"
    assert folded("cần sửa tt ngày sinh") == "can sua thong tin ngay sinh"
    assert folded("theo tt 22 của bộ") == "theo thong tu 22 cua bo"
    # learning "tt" at a venue is in person; on a system, online
    assert folded("gv học tt ở trường nào") == "giao vien hoc tap trung o truong nao"
    assert folded("học tt trên hệ thống") == "hoc truc tuyen tren he thong"
    # money paid back: "được tt tiền phòng"
    assert folded("hv đc tt tiền phòng bn") == "hoc vien duoc thanh toan tien phong bao nhieu"
    # "hđ" typed with "đ": an activity, a contract before "lđ" (labour); "lđ" alone leads
    assert folded("gv hđ lđ") == "giao vien hop dong lao dong"
    assert folded("hđ trải nghiệm") == "hoat dong trai nghiem"
    assert folded("lđ phòng") == "lanh dao phong"
    # "cb" is a cadre, but "Cao Bằng" where a place is called for; "p." an office by its code
    assert folded("các cb quản lý") == "cac can bo quan li"
    assert folded("sđt p.tccb sở cb") == "so dien thoai phong to chuc can bo so cao bang"


def test_without_a_neighbours_call_the_usual_reading_stands() -> None:
    assert folded("hd") == "huong dan"
    assert folded("hn gv thcs học md nào") .startswith("ha noi giao vien")
    assert folded("Số: 12/HD-SGDĐT") == "so 12 huong dan so giao duc dao tao"


def test_the_loaded_letters_choose_among_readings_their_neighbours_leave_open() -> None:
    # "học tt" is in person or online: the letters that only teach online read it so
    pairs = frozenset({"hoc truc", "truc tuyen", "tuyen tu"})
    assert folded("học tt từ ngày nào", pairs) == "hoc truc tuyen tu ngay nao"
    assert folded("học tt từ ngày nào", pairs | {"hoc tap", "tap trung", "trung tu"}) == (
        "hoc tap trung tu ngay nao")  # both used alike: the order of the readings decides
    question = "gv hd có phải học bd hè không"
    assert folded(question).startswith("giao vien huong dan")
    assert folded(question, frozenset({"hop dong", "vien hop"})).startswith(
        "giao vien hop dong")
    letter = "\n".join([
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO AN GIANG",
        "Số: 618/SGDĐT-TCCB",
        "V/v bồi dưỡng hè năm 2027",
        "An Giang, ngày 06 tháng 4 năm 2027",
        "1. Người học",
        "Giáo viên hợp đồng có thời hạn từ 12 tháng trở lên học bồi dưỡng hè như giáo viên "
        "biên chế.",
        "2. Tài liệu",
        "Sở gửi tài liệu hướng dẫn sử dụng phần mềm học tập cho giáo viên trước ngày 10/5/2027.",
    ])
    index = one_letter(letter)
    quote = index.search(question)
    assert quote is not None and "hợp đồng" in quote.text


def test_short_forms_of_places_months_and_distances_read_as_the_letters_write_them() -> None:
    assert folded("trường ở h. Mộc Châu cũ") == "truong o huyen moc chau cu"
    assert folded("xã thuộc x. Chiềng Sinh") == "xa thuoc xa chieng sinh"
    assert folded("vào lúc 8 h. Sau đó") == "vao luc 8 gio sau do"
    assert folded("mới tuyển t10/2026") == "moi tuyen thang 10 2026"
    assert folded("cách trường 40 cây số") == "cach truong 40 km"
    assert folded("nhà em cách chỗ học xa") == "nha em cach diem hoc xa"  # a course's venue
    assert folded("bài ktra cuối khóa") == "bai kiem tra cuoi khoa"
    assert folded("hd sd") == folded("hướng dẫn sử dụng")
