"""Abbreviations with several readings, and what tells a reader which one is meant.

"hd" is "hướng dẫn" in "theo hd", "Hải Dương" in "vùng hd cũ"; "hn" is "Hà Nội" in "ở hn", "hội
nghị" in "hn trực tuyến"; "tt" is "thông tư", "tập trung", "trực tuyến", "thông tin", "thanh toán";
"đt" is "điện thoại" or "đối tượng". A Vietnamese reader picks the reading its neighbours call for
("thuộc đt" is "thuộc đối tượng"), and, among the rest, one the letters at hand use, with the words
it stands between ("hội nghị trực tuyến" is a phrase of the letter). ``normalize.expand`` reads
them so: a neighbour below, then the loaded letters' word pairs, then the order here (the usual
reading first; it is also how a Sở's own letters use the code, e.g. "TT-BGDĐT").

Each reading is written with the words that call for it right before it and right after it
(folded, as a word is typed with or without marks); a place is called for by the words that
introduce a place. Every reading is a common one in Vietnamese school administration.
"""

from __future__ import annotations

_PLACE_BEFORE = "o tai vung tinh thanh pho khu vuc ve den"
_PLACE_AFTER = "cu"  # "vùng hd cũ": a province merged in 2025

# abbreviation -> ((reading, words right before that call for it, words right after), ...)
_CONTRACT = ("hợp đồng", "ki ky", "lao lam ld")  # "kí hđ", "hđ lao động", "hđ lđ", "hđ làm việc"
_ACTIVITY = ("hoạt động", "", "trai giao ngoai")  # "hđ trải nghiệm", "hđ giáo dục"

READINGS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "hd": (
        ("hướng dẫn", "theo", "su"),  # "theo hd", "hd sd": a Sở's guidance, "HD" in its codes
        _CONTRACT,
        _ACTIVITY,
        ("hải dương", _PLACE_BEFORE, _PLACE_AFTER),  # the province merged into Hải Phòng
    ),
    # typed with "đ" it is never "hướng dẫn" nor "Hải Dương": "hoạt động" unless a contract
    "hđ": (_ACTIVITY, _CONTRACT),
    # "đủ đk", "đk dự thi": a condition; "chuyên đề đk", "đk cho 1 gv": registering, where the
    # letters say "chuyên đề đăng ký" (after "đã", "chưa", "phải" it is read so before, by
    # ``normalize.IN_CONTEXT``)
    "đk": (("điều kiện", "du co kem nhung cac", ""), ("đăng kí", "", "")),
    "dk": (("điều kiện", "du co kem nhung cac", ""), ("đăng kí", "", "")),
    # "lđ phòng", "lđ Sở": the heads; "hđ lđ", "hợp đồng lđ", "người lđ": labour
    "lđ": (
        ("lãnh đạo", "", "so phong truong"),
        ("lao động", "hd dong nguoi", ""),
    ),
    "hn": (
        ("hà nội", _PLACE_BEFORE, _PLACE_AFTER),
        # "dự hn", "tổ chức hn", "hn trực tuyến", "hn tập huấn", "hn triển khai", "hn sơ kết"
        ("hội nghị", "du hop chuc", "truc tap trien so tong"),
    ),
    "tt": (
        ("thông tư", "theo tai", "so 0"),  # "theo tt 17" (0: any number), a letter's "TT-BGDĐT"
        # "học tt" is in person or online alike: "đi tt", "tt ở/tại" a venue is in person
        ("tập trung", "di", "o tai"),
        ("trực tuyến", "", "tren qua"),  # "tt trên hệ thống", "tt qua mạng"
        ("thông tin", "sua chinh nhat doi khai", "ca"),  # "sửa tt", "cập nhật tt", "tt cá nhân"
        ("thanh toán", "", "tien"),  # "được tt tiền phòng": money paid back
    ),
    "đt": (
        ("điện thoại", "so goi", "lien"),  # "số đt", "gọi đt"
        ("đối tượng", "thuoc dung cac nhung", "duoc nao"),  # "thuộc đt", "đt được miễn"
    ),
    # "cb" is "cán bộ", but "Cao Bằng" where a place is called for ("sở cb", "ở cb")
    "cb": (
        ("cán bộ", "", ""),
        ("cao bằng", f"{_PLACE_BEFORE} so", _PLACE_AFTER),
    ),
    # "p.gdtrh", "p tccb": an office of the Sở ("phòng"), named by its code
    "p": (
        ("p", "", ""),
        ("phòng", "", "giao to ke van gdtrh"),
    ),
    "sp": (
        # "nộp sp", "sp cuối khóa", "chấm sp": the product a course ends with, as teachers
        # shorten it; "trường sp", "ngành sp", "cao đẳng sp", "giảng viên SP": teacher training
        ("sản phẩm", "nop cham gui", "cuoi"),
        ("sư phạm", "truong nganh dang hoc dai vien", ""),
    ),
}
READINGS["dt"] = READINGS["đt"]
READINGS["ld"] = READINGS["lđ"]
