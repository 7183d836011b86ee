"""A question asking a total or a difference of figures the text prints but never adds up gets
the sum worked out first, each part labelled, then the text as before; a group the text lacks,
or gives twice over, gets no line at all. The entries are written here, in our own words."""

from __future__ import annotations

from bot.i18n import translator
from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.entries import Entry, Source, load_entries
from bot.knowledge.figures import work_out
from bot.knowledge.render import plain_text, render_answer

VI = translator("vi").gettext
SOURCE = (Source("plan", "45/KH-SGDĐT", "4/2025", "Sở GD&ĐT Bình Phước"),)
LATE = Entry(
    "late_essays", "figures", "Số người chưa nộp bài thu hoạch theo từng cấp",
    "Sở thống kê số người <b>chưa nộp</b> bài thu hoạch chuyên đề 3:\n"
    "• <b>Cấp TH:</b> 7 cán bộ quản lý và 52 giáo viên;\n"
    "• <b>Cấp THCS:</b> 4 cán bộ quản lý và 61 giáo viên;\n"
    "• <b>Cấp THPT:</b> 9 cán bộ quản lý và 30 giáo viên.\n"
    "Hạn nộp bổ sung: 20/5/2025.",
    ("bao nhiêu người chưa nộp bài thu hoạch chuyên đề 3",
     "số giáo viên chưa nộp bài thu hoạch từng cấp"),
    province="binh_phuoc", sources=SOURCE)
SUMMARY = Entry(
    "plan_summary", "documents", "Kế hoạch 45 về bài thu hoạch chuyên đề 3",
    "Kế hoạch 45/KH-SGDĐT: rà soát bài thu hoạch chuyên đề 3 của giáo viên, cán bộ quản lý "
    "các cấp; nộp bổ sung trước 20/5/2025.",
    ("kế hoạch 45 rà soát bài thu hoạch chuyên đề 3 của giáo viên cán bộ quản lý các cấp",
     "rà soát bài thu hoạch chuyên đề 3 nội dung gì"),
    province="binh_phuoc", sources=SOURCE)
TRAINED = ("Thuộc diện tập huấn năm 2025:\n"
           "- Tổng số GV: 900 người, trong đó TH 500; THCS 400\n"
           "- Tổng số CBQL: 60 người, trong đó TH 35; THCS 25.")
DUES = ("Năm 2025, giáo viên cốt cán nộp trên hệ thống: Bản đăng ký chuyên đề 1, 2, 6 và "
        "Phiếu tự đánh giá chuyên đề 1, 2.")


def shown(engine: AnsweringEngine, question: str) -> str:
    return plain_text(render_answer(engine.answer(question), VI))


def test_a_total_over_the_levels_is_worked_out_before_the_entry() -> None:
    text = shown(AnsweringEngine([LATE]),
                 "Bình Phước cộng cả ba cấp thì còn bao nhiêu giáo viên chưa nộp bài thu hoạch?")
    worked = text.index("52 (TH) + 61 (THCS) + 30 (THPT) = 143 giáo viên")
    assert worked < text.index("Cấp THCS: 4 cán bộ quản lý và 61 giáo viên")


def test_a_difference_between_two_levels_names_the_larger_first() -> None:
    text = shown(AnsweringEngine([LATE]),
                 "bp: số cbql thcs chưa nộp bài thu hoạch ít hơn cbql thpt mấy người")
    assert "9 (THPT) − 4 (THCS) = 5 cán bộ quản lý" in text


def test_the_figures_answer_rather_than_a_summary_that_prints_none() -> None:
    engine = AnsweringEngine([SUMMARY, LATE])
    question = ("Theo kế hoạch 45 rà soát bài thu hoạch chuyên đề 3 ở Bình Phước, cộng cả ba "
                "cấp thì bao nhiêu cán bộ quản lý chưa nộp?")
    text = shown(engine, question)
    assert "7 (TH) + 4 (THCS) + 9 (THPT) = 20 cán bộ quản lý" in text
    # asked without a total, the summary answers as before and nothing is added up
    plain = shown(engine, "kế hoạch 45 rà soát bài thu hoạch chuyên đề 3 nội dung gì")
    assert "Tính theo số liệu" not in plain and "Kế hoạch 45/KH-SGDĐT" in plain


def test_one_level_over_both_roles_reads_the_parts_of_each_total() -> None:
    worked = work_out("riêng cấp THCS, tính cả giáo viên và cán bộ quản lý, tổng cộng bao "
                      "nhiêu người được tập huấn?", TRAINED)
    assert worked is not None and worked.result == 425
    assert [p[0] for p in worked.parts] == [400, 25]
    both = work_out("cộng cả giáo viên và cbql thì tất cả bao nhiêu người", TRAINED)
    assert both is not None and both.result == 960


def test_no_line_for_a_group_the_text_lacks_or_gives_twice() -> None:
    assert work_out("tính cả THCS và GDTX thì tổng cộng bao nhiêu giáo viên", TRAINED) is None
    twice = TRAINED + "\n- Cấp THCS: 410 giáo viên."
    assert work_out("tính cả TH và THCS thì tổng cộng bao nhiêu giáo viên", twice) is None
    assert work_out("tính cả TH và THCS thì tổng cộng bao nhiêu giáo viên", TRAINED) is not None
    # "cả ba cấp" of a text giving two levels is not a sum the text can make
    assert work_out("cả ba cấp tổng cộng bao nhiêu giáo viên", TRAINED) is None
    # one group's figure is printed already: nothing to add up
    assert work_out("cấp THCS tổng cộng bao nhiêu giáo viên", TRAINED) is None
    # a question asking no total or difference
    assert work_out("cấp THCS và TH có bao nhiêu giáo viên", TRAINED) is None


def test_things_listed_for_each_named_thing_are_counted() -> None:
    worked = work_out("cốt cán nộp tất cả bao nhiêu bản đăng ký và phiếu tự đánh giá?", DUES)
    assert worked is not None and worked.result == 5 and worked.noun == "bản"
    engine = AnsweringEngine([Entry(
        "dues", "cotcan", "Cốt cán nộp gì năm 2025", DUES,
        ("cốt cán nộp những gì trên hệ thống năm 2025",), sources=SOURCE)])
    text = shown(engine, "cốt cán nộp tất cả bao nhiêu bản đăng ký và phiếu tự đánh giá?")
    assert "3 (đăng kí) + 2 (phiếu tự) = 5 bản" in text


COUNTED = Entry(
    "counted_cbql", "figures", "Số cán bộ quản lý dự tập huấn năm 2025",
    "Năm 2025 tập huấn <b>60 cán bộ quản lý</b>, trong đó:\n"
    "• TH: 35;\n• THCS: 25.\n"
    "Ngoài ra có 1995 giáo viên (TH 1975; THCS 20).",
    ("bao nhiêu cán bộ quản lý dự tập huấn năm 2025",),
    province="binh_phuoc", sources=SOURCE)
COUNTED_GV = Entry(
    "counted_gv", "figures", "Số giáo viên dự tập huấn năm 2025",
    "Năm 2025 tập huấn <b>1995 giáo viên</b>, trong đó:\n"
    "• TH: 1975;\n• THCS: 20.\n"
    "Ngoài ra có 60 cán bộ quản lý (TH 35; THCS 25).",
    ("bao nhiêu giáo viên dự tập huấn năm 2025",),
    province="binh_phuoc", sources=SOURCE)


def test_a_figure_a_level_labels_is_a_count_even_when_it_reads_like_a_year() -> None:
    worked = work_out("số giáo viên TH nhiều hơn giáo viên THCS bao nhiêu người",
                      COUNTED.answer)
    assert worked is not None and worked.result == 1955


def test_added_with_cong_voi_and_principals_counted_as_managers() -> None:
    worked = work_out("số giáo viên TH cộng với số hiệu trưởng, phó hiệu trưởng TH được bao "
                      "nhiêu người", COUNTED.answer)
    assert worked is not None and worked.result == 1975 + 35


def test_figures_answer_a_question_whose_working_words_no_entry_says() -> None:
    # "lẫn", "tổng cộng", a mistyped "fai" are in no entry: the best one covers too little of
    # the question to be sure of, yet it prints a figure for each group the question adds up
    engine = AnsweringEngine([*load_entries(), COUNTED, COUNTED_GV])
    text = shown(engine, "bp 2025 cấp thcs tính cả gv lẫn cbql fai dự tập huấn bao nhiêu ngưoi")
    assert "20 giáo viên + 25 cán bộ quản lý = 45 người" in text
    text = shown(engine, "bình phước năm 2025 tập huấn cấp thcs gv lẫn cbql tổng cộng bao nhiêu "
                         "người")
    assert "20 giáo viên + 25 cán bộ quản lý = 45 người" in text


def test_the_level_with_the_fewest_or_the_most_is_named_with_every_figure() -> None:
    text = shown(AnsweringEngine([SUMMARY, LATE]),
                 "bp: khối nào có ít giáo viên chưa nộp bài thu hoạch chuyên đề 3 nhất?")
    assert "Ít nhất, theo số liệu của văn bản: THPT, 30 giáo viên (TH 52; THCS 61; THPT 30)" \
        in text
    most = work_out("cấp học nào đông cán bộ quản lý chưa nộp nhất, mấy người", LATE.answer)
    assert most is not None and most.extreme == "most" and most.levels == ("THPT",)
    assert most.result == 9
    # "ít nhất" asked of no level is "at least": nothing to pick
    assert work_out("phải tập huấn ít nhất bao nhiêu giáo viên", TRAINED) is None
    # two roles and none named: which one is the fewest is not the text's to say
    assert work_out("cấp nào có ít người chưa nộp nhất", LATE.answer) is None


def test_a_subtraction_and_a_larger_group_are_differences() -> None:
    minus = work_out("lấy số gv thcs chưa nộp trừ đi số gv tiểu học chưa nộp thì ra bao nhiêu",
                     LATE.answer)
    assert minus is not None and minus.difference and minus.result == 9
    assert [p[1] for p in minus.parts] == ["THCS", "TH"]
    larger = work_out("giáo viên TH đông hơn giáo viên THCS cả thảy mấy người", TRAINED)
    assert larger is not None and larger.difference and larger.result == 100
    # "trừ" alone still leaves a group out of a total
    left = work_out("cộng giáo viên TH với THCS, trừ THPT ra, tổng cộng bao nhiêu", LATE.answer)
    assert left is not None and not left.difference and left.result == 113


def test_how_many_times_one_group_is_another_keeps_the_question_order() -> None:
    text = shown(AnsweringEngine([LATE]),
                 "bp: gv tiểu học chưa nộp bài thu hoạch gấp mấy lần gv thpt chưa nộp")
    assert "52 (TH) : 30 (THPT) ≈ 1,73 lần" in text
    roles = work_out("riêng cấp THPT, số giáo viên chưa nộp gấp bao nhiêu lần số cán bộ quản lý",
                     LATE.answer)
    assert roles is not None and roles.quotient == 3.33
    assert [p[0] for p in roles.parts] == [30, 9]
    # a group the text lacks: no ratio at all
    assert work_out("giáo viên GDTX gấp mấy lần giáo viên THPT", LATE.answer) is None


def test_the_levels_a_question_counts_out_are_added_up() -> None:
    worked = work_out("riêng hai khối TH và THPT thì còn mấy cán bộ quản lý chưa nộp",
                      LATE.answer)
    assert worked is not None and worked.result == 7 + 9
    # "hai cấp" but one level named: no total to make
    assert work_out("hai cấp học, riêng THCS còn mấy cán bộ quản lý chưa nộp", LATE.answer) \
        is None


def test_a_ratio_keeps_three_figures_and_rounds_a_half_up() -> None:
    # 30 : 24 is exactly 1,25: a tenth would hide the quarter (and round it to even, 1,2)
    text = ("Số người còn nợ bài: cấp TH 24 giáo viên; cấp THCS 30 giáo viên; cấp THPT 47 "
            "giáo viên và 4 cán bộ quản lý.")
    worked = work_out("giáo viên THCS còn nợ gấp chừng mấy lần giáo viên TH", text)
    assert worked is not None and worked.quotient == 1.25
    worked = work_out("gv thpt nợ bài gấp khoảng bao nhiêu lần gv tiểu học", text)
    assert worked is not None and worked.quotient == 1.96  # not "2"
    worked = work_out("số GV THPT gấp mấy lần CBQL THPT", text)
    assert worked is not None and worked.quotient == 11.8


def test_an_average_shares_the_group_asked_among_the_group_each_one_names() -> None:
    engine = AnsweringEngine([LATE])
    text = shown(engine, "bp, tính trung bình thì mỗi cán bộ quản lý THCS chưa nộp ứng với "
                         "mấy giáo viên THCS chưa nộp bài thu hoạch?")
    assert "61 giáo viên : 4 cán bộ quản lý ≈ 15,3 giáo viên trên một cán bộ quản lý" in text


def test_groups_put_together_with_gop_leave_out_the_role_excluded() -> None:
    worked = work_out("gộp giáo viên TH và giáo viên THPT chưa nộp, không kể cán bộ quản lý, "
                      "được mấy người", LATE.answer)
    assert worked is not None and worked.result == 52 + 30


def test_a_group_share_of_the_whole_is_worked_out_in_hundredths() -> None:
    # the text adds no total: the whole is every level's figure added up
    text = shown(AnsweringEngine([LATE]), "bp: cán bộ quản lý THPT chưa nộp chiếm khoảng bao "
                                          "nhiêu phần trăm tổng số cán bộ quản lý chưa nộp?")
    assert "9 cán bộ quản lý (THPT) : 20 (tổng số) ≈ 45 %" in text
    # a printed total is the whole; "tỉ lệ A trên B" asks the same share
    worked = work_out("tỉ lệ giáo viên THCS trên tổng số giáo viên được tập huấn là bao nhiêu %",
                      TRAINED)
    assert worked is not None and worked.share == 44.4  # 400 : 900
    # a rate asked of no group's part ("trừ bao nhiêu phần trăm lương") is no share
    assert work_out("giáo viên không nộp bị trừ bao nhiêu phần trăm lương", TRAINED) is None


def test_an_average_per_one_of_a_group_reads_tren_mot() -> None:
    worked = work_out("cấp TH trung bình có bao nhiêu giáo viên trên một cán bộ quản lý",
                      TRAINED)
    assert worked is not None and worked.quotient == 14.3 and worked.per == "CBQL"  # 500 : 35
