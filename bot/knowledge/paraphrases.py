"""The same thing said two ways: how teachers and principals type it and how a Sở's letter
writes it.

A teacher asks "nộp hồ sơ", "gửi bản mềm vào mail nào", "pv online link gì"; the letter says
"gửi hồ sơ", "bản điện tử gửi qua hộp thư", "phỏng vấn trực tuyến theo đường dẫn". A word no
letter uses weighs the most in a question, so one such paraphrase sinks its coverage and a
question the letter answers is refused. ``normalize.words`` reads questions, letters and
entries alike through this table, after the abbreviations, so both sides meet on one wording
(the letters' own, where they have one).

Each group is a common equivalence of Vietnamese school administration, written for any letter,
never for one question. Keys are the words as ``normalize`` spells them (lowercase, tones
unified, "i" for "y" after a consonant); a key of several words is also matched typed without
diacritics. The longest key wins, so a key mapped to itself guards a phrase that only starts
like a paraphrase ("nghỉ sinh hoạt" is no maternity leave). A word that is a paraphrase only
next to some words is either written with them ("ai lo", "lo hồ sơ") or cued by the word
before it (``IN_CONTEXT``).
"""

from __future__ import annotations

PARAPHRASES: dict[str, str] = {
    # handing in papers: "nộp" and "gửi" (hồ sơ, báo cáo, danh sách) are one act
    "nộp": "gửi",
    "nop": "gửi",
    # an electronic copy ("bản mềm", "file mềm") and a paper one ("bản cứng", "bản in")
    "bản mềm": "bản điện tử",
    "file mềm": "bản điện tử",
    "bản file": "bản điện tử",
    "tệp điện tử": "bản điện tử",
    "bản cứng": "bản giấy",
    "bản in": "bản giấy",
    "tệp tin": "tệp",
    "file": "tệp",
    # an email address: "mail", "email", "hộp thư", "hòm thư" are the letters' "thư điện tử"
    "email": "thư điện tử",
    "e mail": "thư điện tử",
    "mail": "thư điện tử",
    "gmail": "thư điện tử",
    "hộp thư": "thư điện tử",
    "hòm thư": "thư điện tử",
    "hộp thư điện tử": "thư điện tử",
    "hòm thư điện tử": "thư điện tử",
    # a link: "link", "đường link", "đường liên kết" are the letters' "đường dẫn"
    "link": "đường dẫn",
    "đường link": "đường dẫn",
    "url": "đường dẫn",
    "đường liên kết": "đường dẫn",
    # a website: "web", "trang web", and the letters' "trang/cổng thông tin điện tử"
    "web": "website",
    "trang web": "website",
    "web site": "website",
    "trang website": "website",
    "trang thông tin điện tử": "website",
    "cổng thông tin điện tử": "website",
    "cổng thông tin": "website",
    # online: "học qua mạng" is the letters' "học trực tuyến" ("online" is an abbreviation)
    "qua mạng": "trực tuyến",
    "từ xa": "trực tuyến",  # "học từ xa": not at the venue, online
    # failing a test: "trượt", "rớt" are the letters' "chưa đạt" / "không đạt" (read as
    # "chưa đạt": "không" is a question word, it would leave only "đạt" to match)
    "trượt": "chưa đạt",
    "truot": "chưa đạt",
    "rớt": "chưa đạt",
    "rớt mạng": "rớt mạng",  # a dropped connection
    "không đạt": "chưa đạt",
    # maternity leave: "nghỉ sinh (con)", "nghỉ đẻ" are the letters' "nghỉ thai sản"
    "nghỉ sinh": "nghỉ thai sản",
    "nghỉ sinh con": "nghỉ thai sản",
    "nghỉ sanh": "nghỉ thai sản",
    "nghỉ đẻ": "nghỉ thai sản",
    "nghỉ sinh hoạt": "nghỉ sinh hoạt",  # skipping a meeting of the subject group
    "sinh con": "thai sản",
    "sanh con": "thai sản",
    "sinh em bé": "thai sản",
    # pregnancy: "có bầu", "mang bầu", "có thai" are the letters' "mang thai" ("có bầu
    # chọn", "có bầu cử" are a vote)
    "có bầu": "mang thai",
    "mang bầu": "mang thai",
    "có thai": "mang thai",
    "có bầu chọn": "có bầu chọn",
    "có bầu cử": "có bầu cử",
    # probation: a newly appointed teacher's "thử việc" is the civil service's "tập sự"
    "thử việc": "tập sự",
    # the person in charge: "người lo", "thầy X lo hồ sơ", "đảm trách" are "phụ trách"; "ai
    # lo" alone is also who pays ("tiền xe ai lo"), no contact asked
    "người lo": "người phụ trách",
    "lo hồ sơ": "phụ trách hồ sơ",
    "lo mảng": "phụ trách mảng",
    "lo phần": "phụ trách phần",
    "đảm trách": "phụ trách",
    # a meeting: "họp", "cuộc họp", "buổi họp" are the letters' "hội nghị"
    "họp": "hội nghị",
    "cuộc họp": "hội nghị",
    "buổi họp": "hội nghị",
    "phòng họp": "phòng họp",  # a room, in an address
    # attending: "dự (buổi, phỏng vấn, họp, lớp …)" is the letters' "tham gia";
    # "dự" alone starts other words ("dự kiến", "dự thảo", "dự tuyển")
    "dự buổi": "tham gia",  # "dự buổi phỏng vấn" is "tham gia phỏng vấn"
    "dự phỏng": "tham gia phỏng",
    "dự họp": "tham gia hội nghị",
    "dự hội": "tham gia hội",
    "dự lớp": "tham gia lớp",
    "dự tập": "tham gia tập",
    "dự khóa": "tham gia khóa",
    "dự đợt": "tham gia đợt",
    "dự trực": "tham gia trực",  # "dự trực tuyến", "dự trực tiếp": attending online, in person
    # late: "muộn", "chậm trễ" are "trễ" ("chậm" alone is also the deadline's "chậm nhất");
    # "trễ nhất", "muộn nhất" are the letters' "chậm nhất" (a deadline)
    "muộn": "trễ",
    "chậm trễ": "trễ",
    "trễ nhất": "chậm nhất",
    "muộn nhất": "chậm nhất",
    # the training's test: teachers "thi" what the letters call "kiểm tra" ("thi" alone is
    # also a contest: "thi giáo viên dạy giỏi")
    "bài thi": "bài kiểm tra",
    "thi cuối khóa": "kiểm tra cuối khóa",
    "thi lại": "kiểm tra lại",
    "thi trắc nghiệm": "kiểm tra trắc nghiệm",
    "đợt thi": "đợt kiểm tra",
    "lịch thi": "lịch kiểm tra",
    "ngày thi": "ngày kiểm tra",
    # retiring and sick leave, as teachers say them: "về hưu", "nghỉ bệnh"
    "về hưu": "nghỉ hưu",
    "nghỉ bệnh": "nghỉ ốm",
    # lodging: "chỗ ở", "chỗ ngủ", "nơi ở", "ktx", "ngủ lại", "được bố trí chỗ ở" are the
    # letters' "(bố trí) chỗ nghỉ", "ký túc xá", "lưu trú", "nghỉ lại": a night away from home
    # during the course, read as the letters' commonest wording of it
    "chỗ nghỉ": "chỗ nghỉ",  # and typed without marks, "cho nghi"
    "chỗ ở": "chỗ nghỉ",
    "chỗ ngủ": "chỗ nghỉ",
    "nơi ở": "chỗ nghỉ",
    "nơi nghỉ": "chỗ nghỉ",
    "kí túc xá": "chỗ nghỉ",
    "ktx": "chỗ nghỉ",
    "lưu trú": "chỗ nghỉ",
    "nghỉ lại": "chỗ nghỉ",
    "ngủ lại": "chỗ nghỉ",
    "bố trí chỗ nghỉ": "chỗ nghỉ",  # "có được bố trí chỗ nghỉ không": whether there is one
    "bố trí chỗ ở": "chỗ nghỉ",
    "bố trí chỗ ngủ": "chỗ nghỉ",
    # a school level: "bậc tiểu học" is the letters' "cấp tiểu học" ("bậc lương" is pay)
    "bậc học": "cấp học",
    # a school teaching several levels: "trường liên cấp" is the letters' "trường phổ thông
    # có nhiều cấp học"
    "liên cấp": "nhiều cấp học",
    "bậc mầm non": "cấp mầm non",
    "bậc tiểu học": "cấp tiểu học",
    "bậc thcs": "cấp thcs",
    "bậc thpt": "cấp thpt",
    # drawing up a plan: "làm", "lập", "lên", "soạn", "viết" kế hoạch are "xây dựng kế hoạch"
    "làm kế hoạch": "xây dựng kế hoạch",
    "lập kế hoạch": "xây dựng kế hoạch",
    "lên kế hoạch": "xây dựng kế hoạch",
    "soạn kế hoạch": "xây dựng kế hoạch",
    "viết kế hoạch": "xây dựng kế hoạch",
    # one's own: "(kế hoạch) của riêng mình / riêng của tôi" is the letters' "của cá nhân"
    "của riêng mình": "của cá nhân",
    "riêng của mình": "của cá nhân",
    "của riêng tôi": "của cá nhân",
    "riêng của tôi": "của cá nhân",
    "của riêng em": "của cá nhân",
    "riêng của em": "của cá nhân",
    # which day: "hôm nào", "bữa nào" (as the South says it) are "ngày nào"
    "hôm nào": "ngày nào",
    "bữa nào": "ngày nào",
    # a date moved later: "dời", "hoãn", "gia hạn" are the letters' "lùi" ("kéo dài" alone is
    # also how long something lasts)
    "dời": "lùi",
    "hoãn": "lùi",
    "gia hạn": "lùi hạn",
    "kéo dài thời hạn": "lùi thời hạn",
    "kéo dài hạn": "lùi hạn",
    # a former province, since the 2025 merger: the letters' "địa bàn tỉnh Tiền Giang trước
    # đây" is what teachers call "vùng Tiền Giang cũ" (read as "cũ", which a question typed
    # without marks still spells "cu")
    "trước đây": "cũ",
    # a deadline
    "deadline": "hạn chót",
    # where a course is held: "chỗ học", "nơi học" are the letters' "điểm học"
    "chỗ học": "điểm học",
    "nơi học": "điểm học",
    # "cho học sinh", "cho học viên" (for pupils, for trainees), typed without marks, start
    # like "chỗ học": they stay as typed
    "cho học sinh": "cho học sinh",
    "cho học viên": "cho học viên",
    # the same for the other nouns starting with "học": "câu hỏi cho học kì I", "cho học phần"
    **{f"cho học {w}": f"cho học {w}" for w in ("kì", "phần", "tập", "bổng", "trò", "liệu")},
    # a distance: "cây số" is how people say the letters' "km" ("cách trường 20 cây số")
    "cây số": "km",
    "ki lô mét": "km",
    "kilômét": "km",
    "kilomet": "km",
    # now: "bây giờ", "hiện tại", "giờ đây" are the letters' "hiện nay"
    "bây giờ": "hiện nay",
    "hiện tại": "hiện nay",
    "giờ đây": "hiện nay",
    # "in total" says how a number is asked, not what it counts
    "tổng cộng": "",
    # going to a course: "đi học", "đi bồi dưỡng", "đi tập huấn" are attending it, as the
    # letters say "học", "tham gia bồi dưỡng" ("đi lại", travel, is another word)
    "đi học": "học",
    "đi bồi dưỡng": "bồi dưỡng",
    "đi tập huấn": "tập huấn",
    # in person: letters call a course's in-person part "học tập trung", teachers (and some
    # letters) "học trực tiếp"; only beside the words of a course ("chi trực tiếp", "trực
    # tiếp giảng dạy" are no course)
    **{f"{w} trực tiếp": f"{w} tập trung" for w in (
        "học", "bồi dưỡng", "lớp", "buổi", "phần", "đợt", "ngày")},
    # the day of a course: "hôm tập huấn", "hôm học" are its "ngày" ("hôm nay", "hôm qua" are
    # when the asker speaks, no course's day)
    **{f"hôm {w}": f"ngày {w}" for w in (
        "học", "bồi dưỡng", "tập huấn", "thi", "kiểm tra", "họp", "hội nghị", "nộp", "gửi")},
    **{f"hôm {w} trực tiếp": f"ngày {w} tập trung" for w in ("học", "bồi dưỡng")},
    # the same, said with "đi" ("hôm đi học trực tiếp"), which the longest key reads first
    **{f"đi {w} trực tiếp": f"{w} tập trung" for w in ("học", "bồi dưỡng")},
    **{f"hôm đi {w}": f"ngày {w}" for w in ("học", "bồi dưỡng", "tập huấn", "thi")},
    **{f"hôm đi {w} trực tiếp": f"ngày {w} tập trung" for w in ("học", "bồi dưỡng")},
    # the mainland: one on an island ("đặc khu", "huyện đảo") going "vào đất liền" to learn
    # goes to the class, which the letters call "đến lớp", "đến điểm học"; the mainland is
    # no word of theirs
    **{f"{w} đất liền": "đến" for w in ("vào", "vô", "ra", "về", "lên", "sang", "đi")},
    # absent: "không đi được", "không dự được", "không tham gia được" are the letters' "vắng"
    # (the rule for one who misses their day: a make-up day, another venue)
    **{f"không {w} được": "vắng" for w in (
        "đi", "đi học", "học", "dự", "tham gia", "tham dự", "đến", "có mặt")},
    # "mới" before reporting something says when the asker did it ("mới báo Sở", "vừa mới
    # nộp"), which the date they give says better ("giáo viên mới", "mới nhận công tác" are
    # new, and stay)
    **{f"{just} {verb}": {"nộp": "gửi"}.get(verb, verb) for just in ("mới", "vừa mới", "vừa")
       for verb in ("báo", "gửi", "nộp", "đăng kí", "xin")},
    # a teacher moving to another school: "chuyển trường" is the letters' "chuyển công tác"
    "chuyển trường": "chuyển công tác",
    "chuyển đơn vị": "chuyển công tác",
    # moved by a decision to another post or school: "được điều về (làm)", "điều sang" are
    # the letters' "chuyển" ("điều về" alone may be "things about", so only after "được";
    # "điều động", "luân chuyển" are the letters' own words, and stay)
    "được điều về": "được chuyển về",
    "được điều sang": "được chuyển sang",
    "được điều lên": "được chuyển lên",
    "được điều xuống": "được chuyển xuống",
    # the way one moved to another level ("chuyển xuống dạy tiểu học", "chuyển lên làm hiệu
    # trưởng") is the letters' "chuyển sang"; "chuyển về Sở", "chuyển lên hệ thống" send
    "chuyển xuống": "chuyển sang",
    **{f"chuyển {way} {work}": f"chuyển sang {work}" for way in ("lên", "về", "qua")
       for work in ("dạy", "làm", "quản lí", "công tác")},
    # "xử lý thế nào", "giải quyết ra sao": how a case is handled is asked as "thế nào" is;
    # the letter states what is done ("đơn vị cử người khác thay"), never "xử lý"
    **{f"{verb} {how}": how for verb in ("xử lý", "giải quyết")
       for how in ("thế nào", "như thế nào", "ra sao", "sao")},
    # what follows a failure: "bị xử lý thế nào", "hậu quả (ra sao)" ask for the consequence,
    # which a letter states in its own words ("không được cấp giấy chứng nhận", "phải học
    # lại"): they say how it is asked, as "bao nhiêu" does ("xử lý hồ sơ" is handling papers)
    "bị xử lý": "",
    "hậu quả": "",
    # a private school: "tư thục" is the letters' "ngoài công lập" ("tu thuc hien", typed
    # without marks, is "tự thực hiện"; "dan lap" as often "hướng dẫn lập" as "dân lập")
    "tư thục": "ngoài công lập",
    "tự thực hiện": "tự thực hiện",
    # "trường tư" is a private school too; typed without marks, "truong tu" is as often
    # "trường từ …", "trường tự …": it stays as typed
    "trường tư": "trường ngoài công lập",
    "trường tư thục": "trường ngoài công lập",
    "truong tu": "truong tu",
    # holding a rank: a teacher "được bổ nhiệm hạng III" (since a date) is one the letters
    # say "giữ (chức danh nghề nghiệp) hạng III" (for so many years)
    "bổ nhiệm hạng": "giữ hạng",
    # a result counted towards the yearly training: "ghi nhận" is the letters' "công nhận"
    "ghi nhận": "công nhận",
    # attached: "kèm theo" is the letters' "kèm" ("kèm danh sách", "kèm theo danh sách")
    "kèm theo": "kèm",
    # lunch: "bữa trưa", "cơm trưa" are the letters' "ăn trưa" ("tiền ăn trưa")
    "bữa trưa": "ăn trưa",
    "cơm trưa": "ăn trưa",
    # accounts, as typed in English
    "pass": "mật khẩu",
    "password": "mật khẩu",
    "acc": "tài khoản",
    "account": "tài khoản",
    "login": "đăng nhập",
    "log in": "đăng nhập",
    "reset": "cấp lại",
    "lấy lại mật khẩu": "cấp lại mật khẩu",
    "lấy lại tài khoản": "cấp lại tài khoản",
    # getting an account ("lấy, xin, nhận tài khoản") is the letters' "cấp tài khoản"
    "lấy tài khoản": "cấp tài khoản",
    "xin tài khoản": "cấp tài khoản",
    "nhận tài khoản": "cấp tài khoản",
    "nhận được tài khoản": "cấp tài khoản",
    # a cause: "phần nào khiến chưa hoàn thành" is "làm … chưa hoàn thành", as letters say
    # what "làm" a result so ("khiến" is a word they do not use)
    "khiến": "làm",
    "khien": "làm",
    "khiến cho": "làm cho",
    "khien cho": "làm cho",
    # a school level: "khối THPT", "khối GDTX" are the letters' "cấp THPT" ("khối 6", a grade,
    # stays: only a level's name follows "khối" here)
    **{f"khối {level}": f"cấp {level}" for level in (
        "tiểu học", "thcs", "thpt", "gdtx", "mầm non", "phổ thông")},
}

# "học bù", "thi bù", "kiểm tra bù", "đợt bù": a make-up session is the letters' "bổ sung" one
_MAKE_UP_CUES = frozenset("học thi tra làm đợt buổi".split())
# "chọn thêm", "cử thêm", "gửi thêm": adding to what was chosen or sent is "bổ sung"; "học
# thêm", "dạy thêm" (private tutoring) are not
_ADDING_CUES = frozenset("chọn cử gửi tuyển kí".split())
IN_CONTEXT: dict[str, tuple[frozenset[str], str]] = {
    "bù": (_MAKE_UP_CUES, "bổ sung"),
    "thêm": (_ADDING_CUES, "bổ sung"),
}
