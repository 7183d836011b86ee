"""Normalisation: the many ways a phone keyboard writes one Vietnamese question."""

from __future__ import annotations

from bot.knowledge.normalize import SpellFixer, clean, expand, find_provinces, words
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
    assert folded("gv cbql") == ["giao", "vien", "can", "bo", "quan", "ly"]
    assert folded("ko dc") == ["khong", "duoc"]
    assert folded("ntn") == ["nhu", "the", "nao"]
    assert folded("bdtx") == ["boi", "duong", "thuong", "xuyen"]
    assert folded("htđn") == folded("htdn") == ["ho", "tro", "dong", "nghiep"]
    assert folded("ad ơi") == ["oi"]
    assert folded("phong gd") == ["phong", "giao", "duc"]
    assert folded("cấp 1") == folded("tiểu học")
    assert folded("trung học phổ thông") == ["thpt"]


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


def test_other_provinces_are_named_but_common_phrases_are_not() -> None:
    assert find_provinces(words("Đà Nẵng hạn chót"))[0] == {"other"}
    assert find_provinces(words("da nang han chot"))[0] == {"other"}
    assert find_provinces(words("có phải tham gia lại không"))[0] == set()
    assert find_provinces(words("co phai tham gia lai khong"))[0] == set()


def test_levels_and_audience_are_recognised() -> None:
    from bot.knowledge.normalize import find_levels, names_audience

    assert find_levels(folded("cbql cốt cán cấp 1")) == {"TH"}
    assert find_levels(folded("trường THCS&THPT")) == {"THCS", "THPT"}
    assert names_audience(folded("hiệu trưởng cần làm gì"))
    assert not names_audience(folded("cần làm gì trước mô đun 2"))
