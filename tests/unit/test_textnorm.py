import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bot.textnorm import fold, header_key, nfc, strip_diacritics, unify_tones


def test_nfd_input_becomes_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Trường Tiểu học")
    assert decomposed != "Trường Tiểu học"
    assert nfc(decomposed) == "Trường Tiểu học"


def test_old_and_new_tone_placement_are_one() -> None:
    assert unify_tones("hoà") == unify_tones("hòa")
    assert unify_tones("thuý") == unify_tones("thúy")
    assert unify_tones("khoẻ") == unify_tones("khỏe")
    assert unify_tones("hoàng") == "hoàng"  # not at the end of the syllable: untouched


def test_a_tone_typed_on_the_wrong_vowel_is_put_on_the_right_one() -> None:
    # phones' keyboards let the mark land on any vowel: the word meant is one
    for typed, meant in [("tài khỏan", "tài khoản"), ("tòan tỉnh", "toàn tỉnh"),
                         ("ngừơi", "người"), ("qủa", "quả"), ("cuả", "của"),
                         ("thúôc", "thuốc"), ("ngòai", "ngoài"), ("Khỏan", "Khoản")]:
        assert unify_tones(typed) == unify_tones(meant) == meant
    assert unify_tones("lương") != unify_tones("lượng")  # another tone is another word


def test_fold_removes_diacritics_case_and_extra_spaces() -> None:
    assert fold("  Đăng   KÝ Mô-đun ") == "dang ky mo-dun"
    assert strip_diacritics("Đồng") == "Dong"


def _decomposed(text: str) -> str:
    bare = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in bare if not unicodedata.combining(c)))


# Vietnamese words in either form, marks typed alone, punctuation and other letters
_VIETNAMESE = "aăâeêioôơuưyđĐdgnhqtỹẶờẫữụ – … “ \u0301\u0323\u0309\u0303\u0300"
_TEXT = st.text(st.sampled_from(_VIETNAMESE), max_size=40) | st.text(max_size=20)


def test_every_character_is_stripped_as_decomposing_it_would() -> None:
    for code in range(0x2100):
        assert strip_diacritics(chr(code)) == _decomposed(chr(code)), hex(code)


@given(_TEXT)
def test_stripping_by_table_is_decomposing_and_dropping_marks(text: str) -> None:
    assert strip_diacritics(text) == _decomposed(text)
    assert strip_diacritics(nfc(text)) == _decomposed(text)


def test_header_key_ignores_case_diacritics_spacing_and_punctuation() -> None:
    assert header_key("Số điện thoại") == header_key("so dien  THOAI") == "sodienthoai"
    assert header_key("Quận/Huyện") == header_key("quan huyen")
