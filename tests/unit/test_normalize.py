"""Normalisation: the many ways a phone keyboard writes one Vietnamese question."""

from __future__ import annotations

from bot.knowledge.normalize import FILLERS, SpellFixer, clean, expand, find_provinces, words
from bot.textnorm import fold


def folded(text: str) -> list[str]:
    return [fold(w) for w in words(text)]


def test_nfd_input_and_tone_placement_give_one_form() -> None:
    import unicodedata

    composed = "hoà nhập khoá học"
    assert words(unicodedata.normalize("NFD", composed)) == words(composed)
    assert words("hoà") == words("hòa")
    assert words("khoá") == words("khóa")


def test_stretched_letters_collapse_but_numbers_stay() -> None:
    assert words("vậyyyyy ạaaa") == ["vậy", "ạ"]
    assert words("18008000") == ["18008000"]


def test_html_and_punctuation_are_removed() -> None:
    assert words("<b>Hạn</b> chót?!... <script>x</script>") == ["hạn", "chót", "x"]
    assert words("Sở GD&amp;ĐT") == ["sở", "giáo", "dục", "đào", "tạo"]


def test_module_spellings_become_one() -> None:
    for spelling in (
        "md2",
        "MĐ2",
        "mđ 2",
        "mô-đun 2",
        "Mô đun 2",
        "modun 2",
        "module 2",
        "mo dun 2",
    ):
        assert folded(spelling) == ["mo", "dun", "2"], spelling


def test_abbreviations_and_teencode_expand() -> None:
    assert folded("gv cbql") == ["giao", "vien", "can", "bo", "quan", "li"]
    assert folded("cbql") == folded("cán bộ quản lý") == folded("cán bộ quản lí")
    assert folded("ko dc") == ["khong", "duoc"]
    assert folded("ntn") == ["nhu", "the", "nao"]
    assert folded("kq md1") == ["ket", "qua", "mo", "dun", "1"]
    assert folded("lm j") == ["lam", "gi"]
    assert folded("xd kh") == ["xay", "dung", "ke", "hoach"]
    assert folded("bdtx") == ["boi", "duong", "thuong", "xuyen"]
    assert folded("htđn") == folded("htdn") == ["ho", "tro", "dong", "nghiep"]
    assert folded("ad ơi") == ["oi"]
    assert folded("phong gd") == ["phong", "giao", "duc"]
    assert folded("cấp 1") == folded("tiểu học")
    assert folded("trung học phổ thông") == ["thpt"]


def test_school_year_and_city_district_shortened_read_as_written_out() -> None:
    assert folded("kh bdtx nh 2026-2027") == folded(
        "kế hoạch bồi dưỡng thường xuyên năm học 2026-2027")
    assert folded("pgd q.tân bình") == folded("phòng giáo dục quận Tân Bình")
    assert folded("trường ở q. 8") == folded("trường ở quận 8")


def test_hok_is_hoc_in_the_compounds_hoc_begins_and_khong_elsewhere() -> None:
    assert folded("hok bù") == folded("học bù")
    assert folded("hok sinh lớp 5") == folded("học sinh lớp 5")
    assert folded("em hok biết") == folded("em không biết")
    assert folded("có phải nộp hok") == folded("có phải nộp không")
    assert folded("k0 đc") == folded("không được")


def test_expand_prefers_the_longest_key() -> None:
    assert expand(["ng", "nhân"]) == ["nguyên", "nhân"]
    assert expand(["tp", "hcm"]) == ["tp", "hồ", "chí", "minh"]


def test_provinces_are_found_through_abbreviations() -> None:
    for text, key in (
        ("o bp", "dong_nai"),  # Bình Phước is part of Đồng Nai since 2025
        ("Hà Nội", "ha_noi"),
        ("ở KG", "an_giang"),  # Kiên Giang, part of An Giang
        ("TP.HCM", "tphcm"),
        ("tphcm", "tphcm"),
        ("sài gòn", "tphcm"),
        ("tỉnh Đồng Nai", "dong_nai"),
        ("Bình Dương", "tphcm"),
        ("Bà Rịa – Vũng Tàu", "tphcm"),
        ("Lâm Đồng", "other"),
    ):
        found, _ = find_provinces(folded(text))
        assert found == {key}, text


def test_clean_bounds_its_input() -> None:
    assert len(clean("a" * 5000 + "b" * 5000)) <= 1000
    assert clean("") == ""


def test_spell_fixer_repairs_typos_with_context() -> None:
    vocab = {w: 3 for w in "ke hoach ho tro dong nghiep phai hoc cua bao nhieu tiep".split()}
    bigrams = {"ke hoach", "dong nghiep", "bao nhieu", "hoc tiep"}
    fixer = SpellFixer.build(vocab, bigrams)
    assert fixer.fix("hach", "ke", "") == "hoach"
    assert fixer.fix("nghep", "dong", "") == "nghiep"
    assert fixer.fix("fai") == "phai"  # teencode f → ph
    assert fixer.fix("cuar") == "cua"  # Telex tone key left at the end
    assert fixer.fix("hco") == "hoc"  # transposition
    assert fixer.fix("nhiu", "bao", "") == "nhieu"
    assert fixer.fix("tiet", "thoi", "") is None  # no context: not "tiep"
    assert fixer.fix("hoc") is None  # known words stay


def test_a_j_standing_for_a_words_only_vowel_is_an_i() -> None:
    # teencode writes "i" as "j" ("thj" thì, "mjnh" mình): read so, as a filler or a word
    fixer = SpellFixer.build({"kinh": 2, "phi": 3}, set(), FILLERS)
    assert fixer.fix("thj") == "thi"
    assert fixer.fix("mjnh") == "minh"
    assert fixer.fix("kjnh", "", "phi") == "kinh"
    assert fixer.fix("jup") == "giup"  # a leading "j" is "gi" ("jờ", "júp")


def test_a_syllable_is_never_repaired_into_an_abbreviation() -> None:
    vocab = {w: 3 for w in "giang vien sp gvsp thcs nghi huu".split()}
    fixer = SpellFixer.build(vocab, {"vien sp", "nghi huu"})
    assert fixer.fix("sap", "vien", "nghi") is None  # "gv sắp nghỉ hưu", not "gv SP"
    assert fixer.fix("thsc") == "thcs"  # an abbreviation's typo still is one


def test_other_provinces_are_named_but_common_phrases_are_not() -> None:
    assert find_provinces(words("Đà Nẵng hạn chót"))[0] == {"other"}
    assert find_provinces(words("da nang han chot"))[0] == {"other"}
    assert find_provinces(words("có phải tham gia lại không"))[0] == set()
    assert find_provinces(words("co phai tham gia lai khong"))[0] == set()


def test_an_address_names_its_province_last_not_one_across_the_comma() -> None:
    # "huyện Lộc Ninh, Bình Phước" holds "Ninh Bình" across the comma: no such province named
    for text in ("giáo viên ở huyện Lộc Ninh, Bình Phước hỏi", "gv o huyen loc ninh binh phuoc"):
        assert find_provinces(words(text))[0] == {"dong_nai"}, text
    assert find_provinces(words("giáo viên ở Ninh Bình hỏi"))[0] == {"other"}


def test_levels_and_audience_are_recognised() -> None:
    from bot.knowledge.normalize import find_levels, names_audience

    assert find_levels(folded("cbql cốt cán cấp 1")) == {"TH"}
    assert find_levels(folded("trường THCS&THPT")) == {"THCS", "THPT"}
    assert names_audience(folded("hiệu trưởng cần làm gì"))
    assert not names_audience(folded("cần làm gì trước mô đun 2"))


def test_subjects_of_the_2018_programme_read_alike_shortened_or_in_full() -> None:
    same = [
        ("gv khtn", "giáo viên Khoa học tự nhiên"),
        ("LS&ĐL", "Lịch sử và Địa lí"),
        ("lsdl", "lịch sử địa lý"),
        ("ls va dl", "lich su va dia li"),
        ("HĐTN-HN", "Hoạt động trải nghiệm, hướng nghiệp"),
        ("hdtn", "hoạt động trải nghiệm"),
        ("GDQP-AN", "Giáo dục quốc phòng và an ninh"),
        ("GDKT&PL", "Giáo dục kinh tế và pháp luật"),
        ("TN&XH", "Tự nhiên và Xã hội"),
        ("gdcd gdtc cntt", "giáo dục công dân giáo dục thể chất công nghệ thông tin"),
        ("sgk khbd ppdh ktđg", "sách giáo khoa kế hoạch bài dạy phương pháp dạy học kiểm tra "
                               "đánh giá"),
        ("TTGDNN-GDTX", "trung tâm giáo dục nghề nghiệp giáo dục thường xuyên"),
        ("PGDĐT", "Phòng GD&ĐT"),
        ("gv ta", "giáo viên Tiếng Anh"),
        ("môn tv", "môn Tiếng Việt"),
        ("dạy tin", "dạy Tin học"),
        ("gv mỹ thuật", "gv mt"),
        ("trường mn", "trường mầm non"),
        ("CBQL CSGDPT", "cán bộ quản lí cơ sở giáo dục phổ thông"),
    ]
    for short, full in same:
        assert folded(short) == folded(full), short


def test_short_codes_that_are_words_stay_words_without_their_cue() -> None:
    assert folded("chúng ta cần làm gì") == ["chung", "ta", "can", "lam", "gi"]
    assert "tieng" not in folded("trường ta có bao nhiêu giáo viên")
    assert folded("tin nhắn") == ["tin", "nhan"]
    assert folded("giao vien van phai hoc") == ["giao", "vien", "van", "phai", "hoc"]
    assert folded("giáo viên sư phạm") == ["giao", "vien", "su", "pham"]
    assert folded("mn ơi cho em hỏi") == folded("ơi cho em hỏi")  # "mọi người", not "mầm non"
    assert folded("hđtn hn") != folded("hđtn hà nội")


def test_one_spelling_for_i_and_y_dates_and_phone_numbers() -> None:
    assert folded("kỹ năng") == folded("kĩ năng") == ["ki", "nang"]
    assert folded("qui định") == folded("quy định") == ["quy", "dinh"]
    assert folded("tuy nhiên") == ["tuy", "nhien"]  # not a consonant and "y"
    assert folded("ngày 05 tháng 6 năm 2027") == folded("ngày 5/6/2027") == \
        folded("ngay 05/06/2027") == ["ngay", "5", "6", "2027"]
    assert folded("hạn 15/5") == folded("hạn 15 tháng 5") == ["han", "15", "5"]
    assert folded("Thông tư 17/2019/TT-BGDĐT")[:3] == ["thong", "tu", "17"]
    assert folded("tháng 5/2027") == ["thang", "5", "2027"]
    assert folded("15-05-2027") == folded("15.5.2027") == folded("15/5/2027")
    assert folded("năm học 2026-2027") == ["nam", "hoc", "2026", "2027"]
    assert folded("0263.3822.123") == folded("0263 3822 123") == folded("02633822123") == \
        ["02633822123"]
    assert folded("02713.879107") == ["02713879107"]
    assert folded("1.286 giáo viên") == ["1286", "giao", "vien"]  # a count, not a phone


def test_a_number_grouped_by_thousands_is_one_number() -> None:
    # "15.331 giáo viên" in a letter is fifteen thousand teachers, asked for as "15.331" or
    # "15331"; a decimal, a date and a section number stay as they were
    assert "15331" in words("Con số 15.331 giáo viên đã gồm cốt cán chưa?")
    assert words("15.331 gv") == words("15331 giáo viên")
    assert words("1.000.000 đồng")[0] == "1000000"
    assert words("2.5 tiết")[:2] == ["2", "5"]
    assert words("ngày 15.5.2027") == words("ngày 15/5/2027")
    assert words("mục 1.2.3")[1:] == ["1", "2", "3"]
