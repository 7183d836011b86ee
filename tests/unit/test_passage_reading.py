"""How a passage of a letter is read against a teacher's question (issue 18): its share of the
question is counted as the quoted sentences' is, each word once though the letter's subject
repeats it; the sentence that names what the answering sentences speak of is quoted with
them; and "thầy", "cô" naming no one are pronouns, as "em" is. The letter
and the sentences are written here, in our own words (Điện Biên, a Sở with no curated
entries)."""

from __future__ import annotations

import dataclasses

import numpy as np

from bot.knowledge.asked import teacher_pronouns
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.letter_index import _coverage, _coverage_of_all, _query, _window, terms
from bot.knowledge.normalize import words
from bot.services.letters import read_letter_file

LETTER = """UBND TỈNH ĐIỆN BIÊN
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 377/SGDĐT-GDPT
V/v tập huấn giáo viên dạy học môn Tiếng Việt cho học sinh dân tộc thiểu số năm 2027
Điện Biên, ngày 02 tháng 3 năm 2027
Kính gửi: Ủy ban nhân dân các xã, phường.
1. Tự học trực tuyến
Phần tự học thực hiện trên hệ thống https://taphuan.dienbien.edu.vn.
2. Đối tượng
Giáo viên dạy học môn Tiếng Việt cho học sinh dân tộc thiểu số ở các trường tiểu học tham \
gia tập huấn. Giáo viên có quyết định nghỉ hưu trước ngày 31/8/2027 không phải tham gia.
3. Liên hệ
Về tài liệu tập huấn, liên hệ thầy Lò Văn Thắng, chuyên viên Phòng Giáo dục phổ thông, điện \
thoại 0912 447 306.
"""


def engine() -> AnsweringEngine:
    letter = read_letter_file(LETTER.encode(), "cv377.txt").letter
    found = AnsweringEngine([])
    found.letters.replace([dataclasses.replace(letter, id=1)])
    return found


def test_a_passage_covers_no_more_of_a_question_than_its_sentences_each_word_counted_once(
) -> None:
    # the subject's words ("tập huấn giáo viên dạy học môn Tiếng Việt") stand in the passage
    # too: counted twice, the passage would seem to cover the question its sentences do not
    index = engine().letters
    state = index._state
    for question in ("giáo viên dạy tiếng việt cho học sinh dân tộc đổi lịch sang ngày nào",
                     "tập huấn tiếng việt cho học sinh dân tộc có phải nộp kinh phí không",
                     "tự học trên hệ thống tập huấn ở trang nào"):
        query = index._query(state, question)
        ranked = _coverage_of_all(state, query)
        for doc in np.flatnonzero(ranked):
            k, j = state.at[doc]
            read = state.reads[k]
            held = set(read.heads[j]).union(read.context, *read.sentence_sets[j])
            assert ranked[doc] <= _coverage(state, query, held.__contains__) + 1e-9


def test_the_sentence_naming_what_the_answer_speaks_of_is_quoted_with_it() -> None:
    # "đăng nhập … mật khẩu" is said in the second and third sentences; the platform they
    # log in to ("nền tảng"), only in the first, which shares one word with the question
    sentences = [("Phần tự học thực hiện trên nền tảng https://hoc.dienbien.edu.vn.", True),
                 ("Tên đăng nhập là số căn cước của giáo viên;", False),
                 ("mật khẩu đăng nhập lần đầu là 6 số cuối của số điện thoại.", False)]
    state = engine().letters._state
    query = _query(state, "vao nen tang dang nhap bang ten gi, mat khau lan dau la gi")
    chosen, _ = _window(query, sentences, tuple(terms(s) for s, _ in sentences))
    assert chosen == [0, 1, 2]


def test_thay_or_co_naming_no_one_is_a_pronoun_the_letter_need_not_hold() -> None:
    # the letter says "thầy" only of its contact: "thầy … có phải tham gia" is not about him,
    # and a rule for "giáo viên" answers it
    state = engine().letters._state
    for question in ("Thầy tổ phó chỗ em có quyết định nghỉ hưu tháng 7/2027, vậy thầy có phải "
                     "tham gia tập huấn nữa không ạ?",
                     "Cô giáo cùng tổ em nghỉ hưu tháng 7/2027 thì cô có phải tham gia tập huấn "
                     "không ạ?"):
        content = _query(state, question).content
        assert "'hưu" in content
        assert not {"'thầy", "'cô", "'giáo"} & content.keys()


def test_thay_or_co_before_a_name_or_calling_the_reader_stays_a_title() -> None:
    for question in ("Về tài liệu thì liên hệ thầy Thắng số nào?", "lien he thay thang so nao",
                     "thầy ơi cho em hỏi"):
        assert not teacher_pronouns(question, words(question), frozenset({"thang"}))
    assert teacher_pronouns("nhóm thầy cô giáo tiểu học", words("nhóm thầy cô giáo tiểu học"),
                            frozenset()) == {1, 2, 3}
