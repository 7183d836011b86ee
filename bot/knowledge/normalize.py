"""Query and document normalisation for the answering engine.

Teachers type on phones: with or without diacritics, tone marks on either vowel, stretched
letters ("vậyyyy"), abbreviations and teencode ("gv", "ko", "đc", "md2"), Telex left-overs
("cuar") and plain typos. Documents and queries go through the same pipeline so that both
sides meet on one form; typo repair needs the index's vocabulary and lives in ``SpellFixer``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.domain.provinces import all_names, province, region
from bot.knowledge.entries import PROVINCES as KB_PROVINCES
from bot.knowledge.paraphrases import IN_CONTEXT as _PARAPHRASE_CUES
from bot.knowledge.paraphrases import PARAPHRASES as _PARAPHRASES
from bot.knowledge.readings import READINGS as _READINGS
from bot.knowledge.syllables import is_syllable
from bot.textnorm import fold, nfc, strip_diacritics, unify_tones

MAX_QUERY_CHARS = 1000  # enough for the longest real question; bounds the work on any input

# Abbreviations and teencode, keyed by the lowercase token(s) as typed (tones unified).
# Values are the canonical form; "" drops the token. Multi-word keys match token sequences.
ABBREVIATIONS: dict[str, str] = {
    # people and units
    "gv": "giáo viên",
    "cbql": "cán bộ quản lý",
    "ql": "quản lý",
    "qlgd": "quản lý giáo dục",
    "ht": "hiệu trưởng",
    "pht": "phó hiệu trưởng",
    "hiệu phó": "phó hiệu trưởng",
    "cc": "cốt cán",
    "gvcc": "giáo viên cốt cán",
    "gvsp": "giảng viên sư phạm",
    "gvqlgd": "giảng viên quản lý giáo dục",
    "pgd": "phòng giáo dục",
    "phòng gd": "phòng giáo dục",
    "phong gd": "phòng giáo dục",
    "sgd": "sở giáo dục",
    "sở gd": "sở giáo dục",
    "so gd": "sở giáo dục",
    "bgd": "bộ giáo dục",
    "bộ gd": "bộ giáo dục",
    "bo gd": "bộ giáo dục",
    "gd đt": "giáo dục đào tạo",
    "gd dt": "giáo dục đào tạo",
    "gdđt": "giáo dục đào tạo",
    "gddt": "giáo dục đào tạo",
    "sgdđt": "sở giáo dục đào tạo",
    "sgddt": "sở giáo dục đào tạo",
    "gd": "giáo dục",
    "gdpt": "giáo dục phổ thông",
    "ctgdpt": "chương trình giáo dục phổ thông",
    "ubnd": "ủy ban nhân dân",
    # the commune's office for schools since 2025 (Phòng Văn hóa - Xã hội, "Phòng VH-XH")
    "vh xh": "văn hóa xã hội",
    "vhxh": "văn hóa xã hội",
    # the commune's chairman, as people say it, is the letters' "Chủ tịch Ủy ban nhân dân xã"
    "chủ tịch xã": "chủ tịch ủy ban nhân dân xã",
    "chủ tịch phường": "chủ tịch ủy ban nhân dân phường",
    "ub": "ủy ban",
    "hs": "học sinh",  # "hồ sơ" next to the words of a file (IN_CONTEXT and below)
    "hs cốt cán": "hồ sơ cốt cán",
    "hs cc": "hồ sơ cốt cán",
    "hs đề cử": "hồ sơ đề cử",
    "hs dự tuyển": "hồ sơ dự tuyển",
    "hs đăng kí": "hồ sơ đăng kí",
    "hs xét": "hồ sơ xét",
    "hs minh chứng": "hồ sơ minh chứng",
    "hv": "học viên",
    "hc": "học",  # "đi hc", "hc lại", "hc bù": chat shorthand for the verb
    "hb": "học bạ",  # "ký số hb", "hb điện tử": a pupil's school record
    "trg": "trường",
    "tr": "trường",
    # levels: one token each, so THPT never collides with "trung học" or "phổ thông"
    "trung học phổ thông": "thpt",
    "trung hoc pho thong": "thpt",
    "trung học cơ sở": "thcs",
    "trung hoc co so": "thcs",
    "giáo dục thường xuyên": "gdtx",
    "th": "tiểu học",
    "cấp 1": "tiểu học",
    "cap 1": "tiểu học",
    "c1": "tiểu học",
    "cấp 2": "thcs",
    "cap 2": "thcs",
    "c2": "thcs",
    "cấp 3": "thpt",
    "cap 3": "thpt",
    "c3": "thpt",
    # training vocabulary
    "md": "mô đun",
    "mđ": "mô đun",
    "modun": "mô đun",
    "module": "mô đun",
    "modul": "mô đun",
    "bdtx": "bồi dưỡng thường xuyên",
    "bd": "bồi dưỡng",
    "htđn": "hỗ trợ đồng nghiệp",
    "htdn": "hỗ trợ đồng nghiệp",
    "kh": "kế hoạch",
    "khht": "kế hoạch hỗ trợ",
    "bc": "báo cáo",
    "ds": "danh sách",  # as schools write it: "gửi ds về Sở"
    "bcht": "báo cáo hoàn thành",
    "xd": "xây dựng",  # "xd kế hoạch", as plans are named in school paperwork
    "kq": "kết quả",  # "kq học tập", "báo cáo kq": the usual shorthand in school reports
    "qđ": "quyết định",
    "qd": "quyết định",
    "cv": "công văn",
    "ct": "chương trình",
    "tđg": "tự đánh giá",
    "tdg": "tự đánh giá",
    "đg": "đánh giá",
    "dg": "đánh giá",
    "gcn": "giấy chứng nhận",
    "cn": "chứng nhận",
    "tk": "tài khoản",
    "kp": "kinh phí",  # "kp bồi dưỡng", "kp học": as school accounts shorten it
    # as teachers shorten the verbs of their training: "bài ktra", "hd sd hệ thống", "thg 10"
    "ktra": "kiểm tra",
    "sd": "sử dụng",
    "thg": "tháng",
    "mk": "mật khẩu",
    "sđt": "số điện thoại",
    "sdt": "số điện thoại",
    "lh": "liên hệ",
    "hđlđ": "hợp đồng lao động",
    "hdld": "hợp đồng lao động",
    # "học online" is how teachers say the letters' "học trực tuyến", "offline" its "trực tiếp"
    "online": "trực tuyến",
    "onl": "trực tuyến",
    "offline": "trực tiếp",
    # "scan" is how schools say the letters' "bản chụp" / "bản quét" (a scanned copy)
    "bản scan": "bản chụp",
    "ban scan": "bản chụp",
    "bản quét": "bản chụp",
    "scan": "bản chụp",
    "pv": "phỏng vấn",  # as recruiting and selection papers shorten it
    "tg": "thời gian",  # chat shorthand: "tg học", "tg nộp"
    "nh": "năm học",  # "kế hoạch bdtx nh 2020-2021": no Vietnamese word is spelt "nh"
    "q": "quận",  # "pgd q.bình thạnh", "q1": a lone "q" is the city's district
    "sl": "số lượng",  # as school reports head a column: "sl giáo viên"
    # "tl" is "tài liệu" (training material), but "trả lời" in "tl giúp em"
    "tl": "tài liệu",
    "tl giúp": "trả lời giúp",
    "tl giùm": "trả lời giùm",
    "tl dùm": "trả lời dùm",
    "tl hộ": "trả lời hộ",
    "tl em": "trả lời em",
    "tl với": "trả lời với",
    "tl nhanh": "trả lời nhanh",
    "ng nhân": "nguyên nhân",
    "ng nhan": "nguyên nhân",
    # subjects of the 2018 programme, as letters and teachers shorten them; a subject named
    # with "và" ("Lịch sử và Địa lí") loses it, so "ls&đl", "lịch sử địa lí" and the full name
    # read alike
    "khtn": "khoa học tự nhiên",
    "khxh": "khoa học xã hội",
    "lsđl": "lịch sử địa lí",
    "lsdl": "lịch sử địa lí",
    "ls đl": "lịch sử địa lí",
    "ls dl": "lịch sử địa lí",
    "ls và đl": "lịch sử địa lí",
    "ls va dl": "lịch sử địa lí",
    "lịch sử và địa lí": "lịch sử địa lí",
    "hđtn": "hoạt động trải nghiệm",
    "hdtn": "hoạt động trải nghiệm",
    "hđtnhn": "hoạt động trải nghiệm hướng nghiệp",
    "hdtnhn": "hoạt động trải nghiệm hướng nghiệp",
    "hđtn hn": "hoạt động trải nghiệm hướng nghiệp",
    "hdtn hn": "hoạt động trải nghiệm hướng nghiệp",
    "gdcd": "giáo dục công dân",
    "gdtc": "giáo dục thể chất",
    "gdqp": "giáo dục quốc phòng an ninh",
    "gdqpan": "giáo dục quốc phòng an ninh",
    "gdqp an": "giáo dục quốc phòng an ninh",
    "quốc phòng và an ninh": "quốc phòng an ninh",
    "gdkt": "giáo dục kinh tế",
    "gdktpl": "giáo dục kinh tế pháp luật",
    "gdkt pl": "giáo dục kinh tế pháp luật",
    "kinh tế và pháp luật": "kinh tế pháp luật",
    "tnxh": "tự nhiên xã hội",
    "tn xh": "tự nhiên xã hội",
    "tự nhiên và xã hội": "tự nhiên xã hội",
    "gdđp": "giáo dục địa phương",
    "gddp": "giáo dục địa phương",
    "cntt": "công nghệ thông tin",
    # teaching and management vocabulary
    "sgk": "sách giáo khoa",
    "khbd": "kế hoạch bài dạy",
    "khdh": "kế hoạch dạy học",
    "khgd": "kế hoạch giáo dục",
    "ppdh": "phương pháp dạy học",
    "ktđg": "kiểm tra đánh giá",
    "ktdg": "kiểm tra đánh giá",
    "shcm": "sinh hoạt chuyên môn",
    "tcm": "tổ chuyên môn",
    "ttcm": "tổ trưởng chuyên môn",
    "ncbh": "nghiên cứu bài học",
    "tkb": "thời khóa biểu",
    "bgh": "ban giám hiệu",
    "gvcn": "giáo viên chủ nhiệm",
    "gvbm": "giáo viên bộ môn",
    "gvpt": "giáo viên phổ thông",
    "cbgv": "cán bộ giáo viên",
    "cơ sở giáo dục phổ thông": "csgdpt",  # one token, as "thpt": it is a letter's refrain
    "cbqlcsgdpt": "cán bộ quản lý csgdpt",
    "csgd": "cơ sở giáo dục",
    # ethnic boarding schools, as schools shorten them ("trường PTDTBT THCS")
    "ptdt": "phổ thông dân tộc",
    "ptdtnt": "phổ thông dân tộc nội trú",
    "ptdtbt": "phổ thông dân tộc bán trú",
    "dtnt": "dân tộc nội trú",
    "dtbt": "dân tộc bán trú",
    # the Sở's offices, as its letters number them ("Số: 2806/SGDĐT-TCCB") and staff name them
    "tccb": "tổ chức cán bộ",
    "ptp": "phó trưởng phòng",
    "cđs": "chuyển đổi số",
    "cds": "chuyển đổi số",
    "pgdđt": "phòng giáo dục đào tạo",
    "pgddt": "phòng giáo dục đào tạo",
    "gdnn": "giáo dục nghề nghiệp",
    # the district centre "GDNN-GDTX" is one kind of unit, the GDTX one, as letters name it
    # in a table of levels ("Giáo dục thường xuyên cấp THCS và THPT")
    "gdnn gdtx": "gdtx",
    "ttgdnn gdtx": "trung tâm gdtx",
    "tt gdnn gdtx": "trung tâm gdtx",
    "giáo dục nghề nghiệp giáo dục thường xuyên": "gdtx",
    "giao duc nghe nghiep giao duc thuong xuyen": "gdtx",
    "ttgdnn": "trung tâm giáo dục nghề nghiệp",
    "tt gdnn": "trung tâm giáo dục nghề nghiệp",
    "ttgdtx": "trung tâm gdtx",
    "tt gdtx": "trung tâm gdtx",
    "đhsp": "đại học sư phạm",
    "dhsp": "đại học sư phạm",
    "cđsp": "cao đẳng sư phạm",
    "cdsp": "cao đẳng sư phạm",
    "đh": "đại học",
    "vb": "văn bản",
    # provinces
    "bp": "bình phước",
    "kg": "kiên giang",
    "hcm": "tp hồ chí minh",
    "tphcm": "tp hồ chí minh",
    "tp hcm": "tp hồ chí minh",
    "sg": "tp hồ chí minh",
    "sài gòn": "tp hồ chí minh",
    "sai gon": "tp hồ chí minh",
    "thành phố hồ chí minh": "tp hồ chí minh",
    "thanh pho ho chi minh": "tp hồ chí minh",
    # teencode and chat fillers ("địa chỉ cụ thể", "cụ thể là ngày nào"; "em cảm ơn nhiều"
    # thanks, "nhiều cấp học" counts)
    "cảm ơn nhiều": "",
    "cám ơn nhiều": "",
    "cam on nhieu": "",
    "anh chị": "",  # "em chào anh chị", "nhờ anh chị": whom the asker addresses
    "anh chi": "",
    "cụ thể": "",
    "cu the": "",
    # "tôi chưa rõ …", "em không rõ là …": the asker saying they do not know what they ask
    # ("thông tin chưa rõ ràng" keeps its words: only a person is unsure here)
    **{f"{who} {neg} {clear}": "" for who in ("tôi", "toi", "em", "mình", "minh")
       for neg in ("chưa", "chua", "không", "khong") for clear in ("rõ", "ro")},
    # "việc đầu tiên phải làm là gì": what to do, which a list of the steps answers first
    "việc đầu tiên": "",
    "viec dau tien": "",
    "việc trước tiên": "",
    "viec truoc tien": "",
    # "mô-đun nào đầu tiên", "cái cuối cùng trong danh sách": a place in a list, which the
    # list answers in its order without saying "first", "last" or "list"
    **{f"{which} {end}": which for which in ("nào", "nao") for end in (
        "đầu tiên", "dau tien", "cuối cùng", "cuoi cung")},
    **{f"{end} trong danh {sach}": "" for sach in ("sách", "sach")
       for end in ("đầu tiên", "dau tien", "cuối cùng", "cuoi cung")},
    "mn": "",  # "mọi người"; after "gv", "trường", "cấp" it is "mầm non" (IN_CONTEXT)
    "ko": "không",
    "k": "không",
    # "hok" is "không", and "học" in the compounds học begins ("hok bù", "hok sinh"); after a
    # word ("buổi hok dự", "chưa hok") either reads, so it stays "không" there
    "hok": "không",
    **{f"hok {w}": f"học {w}" for w in "bù sinh tập phí viên kì bạ liệu phần".split()},
    "k0": "không",
    "hông": "không",
    "khg": "không",
    "kô": "không",
    "khôg": "không",  # a dropped "n", as a phone keyboard types it
    "khog": "không",
    "dc": "được",
    "đc": "được",
    "ntn": "như thế nào",
    "lm": "làm",
    "bn": "bao nhiêu",
    "ng": "người",  # "bn ng", "mấy ng": chat shorthand; "ng nhân" is "nguyên nhân" (below)
    "bnhieu": "bao nhiêu",
    "bao nhiu": "bao nhiêu",  # the "ê" a phone keyboard drops
    "bao nhieu": "bao nhiêu",
    "bh": "bao giờ",
    "j": "gì",
    "gj": "gì",
    "z": "vậy",
    "v": "vậy",
    "zậy": "vậy",
    "r": "rồi",
    "ms": "mới",
    "trc": "trước",
    "vs": "với",
    "ad": "",
    "admin": "",
    "bot": "",
    "ạh": "ạ",
}

_SUBJECT_CUES = frozenset("môn mon viên vien dạy day tổ to".split())
_LEVEL_CUES = frozenset("viên vien trường truong cấp cap bậc bac".split())
ANY_NUMBER = "0"  # in a set of cues: any number ("8 h" is "8 giờ")
# "nộp hs", "bộ hs": a file, not pupils
_FILE_CUES = frozenset(
    "nộp nop gửi gui lập lap làm lam bộ bo duyệt duyet thiện thien hạn han".split())
DONE = "xong"
_DONE_CUES = frozenset(
    "học hoc làm lam đã da chưa chua vừa vua mới moi khi sau phải phai cần can không khong "
    "viên vien".split())
_REGISTER_CUES = frozenset(
    "đã da chưa chua phải phai cần can mới moi sẽ se đang dang hạn han cách cach để muốn muon "
    "phiếu phieu đơn don mẫu mau viên vien trường truong".split())
# Short codes that are words or other abbreviations on their own ("ta", "tin", "văn", "mn"):
# read as a subject or a level only right after a word that calls for one ("gv ta", "môn tin",
# "dạy văn", "trường mn"), so "chúng ta" or "tin nhắn" stay what they are.
IN_CONTEXT: dict[str, tuple[frozenset[str], str]] = {
    "ta": (_SUBJECT_CUES, "tiếng anh"),
    "tv": (_SUBJECT_CUES, "tiếng việt"),
    "nn": (_SUBJECT_CUES, "ngoại ngữ"),
    "văn": (_SUBJECT_CUES, "ngữ văn"),
    "tin": (_SUBJECT_CUES, "tin học"),
    "nt": (_SUBJECT_CUES, "nghệ thuật"),
    "ân": (_SUBJECT_CUES, "âm nhạc"),
    "mt": (_SUBJECT_CUES, "mĩ thuật"),
    "td": (_SUBJECT_CUES, "thể dục"),
    "ls": (_SUBJECT_CUES, "lịch sử"),
    "sử": (_SUBJECT_CUES, "lịch sử"),
    "đl": (_SUBJECT_CUES, "địa lí"),
    "dl": (_SUBJECT_CUES, "địa lí"),
    "lí": (_SUBJECT_CUES, "vật lí"),
    "li": (_SUBJECT_CUES, "vật lí"),
    "hóa": (_SUBJECT_CUES, "hóa học"),
    "mn": (_LEVEL_CUES, "mầm non"),
    "hs": (_FILE_CUES, "hồ sơ"),
    "h": (frozenset({ANY_NUMBER, "mấy", "may", "bao"}), "giờ"),  # "8 h", "mấy h", "bao h"
    # "đk" is "điều kiện" ("đủ đk"), but "đăng ký" where a verb stands: after "đã", "chưa",
    # "phải", "cần"… ("phải đk lại", "chưa đk"), and in "hạn đk", "cách đk", "phiếu đk"
    "đk": (_REGISTER_CUES, "đăng kí"),
    "dk": (_REGISTER_CUES, "đăng kí"),
    # "học xong mô đun 1", "chưa xong md1" is how teachers say "hoàn thành"; after another
    # verb it mostly says the verb's deadline ("duyệt xong danh sách trước ngày" is "duyệt
    # danh sách trước ngày"): a filler there, read as "hoàn thành" only where a letter says
    # it (``DONE``)
    DONE: (_DONE_CUES, "hoàn thành"),
}

# Provinces whose letters the knowledge base states (their code today, since the 2025 merger):
# a question naming one of them, by its old or new name, asks for that province's rule.
_KB_REGIONS = frozenset(region(code) for code in KB_PROVINCES)
# Their names typed without marks are matched in any question; other names only in questions
# typed entirely without marks.
_KB_FOLDED = frozenset({"binh phuoc", "ha noi", "kien giang", "ho chi minh"})

# School levels as the folded words a question names them with, after abbreviation expansion.
LEVEL_NAMES: dict[str, str] = {
    "tieu hoc": "TH",
    "thcs": "THCS",
    "thpt": "THPT",
    "gdtx": "GDTX",
    "giao duc thuong xuyen": "GDTX",
}

# Words that say whom a question is about; without them the asker's role decides more.
AUDIENCE_NAMES = ("giao vien", "hieu truong", "can bo quan li", "cot can")

# Names that are also common phrases ("tham gia lại", "hòa bình"): matched only with their marks.
_AMBIGUOUS_FOLDED = frozenset(
    {
        "gia lai",
        "hoa binh",
        "long an",
        "ha nam",
        "nam dinh",
        "thai binh",
        "quang nam",
        "son la",
        "hue",
        "an giang",
    }
)

# Folded words that carry no topic: greetings, pronouns, particles. Dropped from scoring.
FILLERS = frozenset(
    """a ah ak cai oi nhe nha nhi ha vay thi la ma cua va voi em toi minh anh cac nhung mot
    duoc de da se con cung rat roi ca moi cho chao cam on do nay kia the nhu vao tren trong den
    ve o bi nen neu hay hoac thua vang u uh ok oke thanks thank giup nua vi vui long ben
    xong e""".split()
)
# The fillers as they are written with marks: a word typed with other marks is another word
# ("vắng" is absent, "vâng" yes; "nhà", "mới", "đề" against "nha", "mọi", "để"). A word typed
# without marks may be either, as people mix: it stays a filler.
_FILLER_FORMS = """à á ạ ả cái ơi nhé nhá nhỉ hả há vậy thì là mà của và với tôi mình các những
    nhưng một được để đã sẽ còn cũng rất rồi cả mọi chào cảm ơn đó này kia thế như vào trên
    đến về ở bị nên nếu hãy hoặc thưa vâng ừ ừh giúp nữa vì lòng bên xong e""".split()


# "Ngoài việc đó, … còn phải …": what the asker sets aside is what they know already
ASIDE = 0.25  # share of its weight a word the question sets aside keeps
_ASIDE_REFERENCE = frozenset("do nay tren ay".split())
_ASIDE_LEAD = frozenset("viec cai nhung cac".split())
_ASIDE_END = frozenset("thi con ra".split())
_ASIDE_GOES_ON = frozenset("con ra cung".split())  # "ngoài X ra", "ngoài X … còn/cũng"
_ASIDE_MORE = frozenset("them nua".split())  # in a clause after it: "ngoài X, … thêm … nữa"


def _besides_at(folded: list[str], typed: list[str]) -> int | None:
    """Where "ngoài" (besides) is in a clause; not "năm ngoái" (last year), which folds alike
    and says when ("một thầy năm ngoái chuyển …")."""
    return next((k for k, w in enumerate(folded) if w == "ngoai" and typed[k] != "ngoái"
                 and not (k and folded[k - 1] == "nam")), None)


# "vẫn là Phòng GD quận huyện duyệt ạ", "có phải vẫn học trên LMS của Viettel không": the
# asker checks whether what they knew still holds, which the letter answers with its own rule
# (maybe another); the words they suppose weigh as little as those they set aside
# (a value, a body, a system: "vẫn là", "vẫn do", "vẫn dùng", "vẫn học trên"; not "vẫn được
# hỗ trợ", whose support is what is asked)
_STILL = "van"
_STILL_THEN = frozenset("la do dung theo tren qua".split())
_STILL_DOING = frozenset("hoc nop gui".split())
_STILL_WHERE = frozenset("tren qua cho ve vao".split())
_CHECKING_END = frozenset("khong ko k a ah ha chu nhi sao".split())


def _still_at(folded: list[str], clause: str) -> int | None:
    """Where the thing an asker supposes still holds begins in a clause asking whether it does
    ("… vẫn là X không", "có phải vẫn X", "vẫn X à?"); None in a clause telling what still is
    ("em chuyển lên Hà Nội, vẫn dạy THCS")."""
    k = next((i for i, w in enumerate(folded[:-1]) if w == _STILL and (
        folded[i + 1] in _STILL_THEN or (folded[i + 1] in _STILL_DOING
                                         and folded[i + 2:i + 3] != [] and
                                         folded[i + 2] in _STILL_WHERE))), None)
    if k is None or not (clause.rstrip().endswith("?") or folded[-1] in _CHECKING_END
                         or "co phai" in " ".join(folded[:k])):
        return None
    return k


@lru_cache(maxsize=1024)
def set_aside(question: str) -> frozenset[str]:
    """The folded words of what a question sets aside ("ngoài việc đó", "ngoài mô đun 1 thì
    … còn"): the asker knows it already and asks for the rest, so a text saying only that is
    no answer. "Ngoài việc đó" sets aside the sentence before it. Words the rest of the
    question repeats are not set aside."""
    sentences = [s for s in re.split(r"(?<=[.?!;])\s+|\n+", question[:MAX_QUERY_CHARS]) if s]
    aside: list[str] = []
    rest: list[str] = []
    starts: list[int] = []  # where each sentence's words begin in ``rest``
    for n, sentence in enumerate(sentences):
        starts.append(len(rest))
        clauses = sentence.split(",")
        for c, clause in enumerate(clauses):
            folded = [fold_word(w) for w in words(clause)]
            k = _still_at(folded, clause)
            if k is not None:  # "vẫn là X à": X is what the asker supposes, not what is asked
                rest += folded[:k]
                aside += folded[k:]
                continue
            k = _besides_at(folded, [w.lower() for w in words(clause)])
            if k is None:
                rest += folded
                continue
            if folded[k + 1:k + 3] == ["cong", "lap"]:  # "trường ngoài công lập": private
                rest += folded
                continue
            after = [fold_word(w) for w in words(" ".join([*clauses[c:], *sentences[n + 1:]]))]
            later = [fold_word(w) for w in words(" ".join([*clauses[c + 1:], *sentences[n + 1:]]))]
            # "ngoài giờ" is overtime; "ngoài X, … học thêm … nữa" asks for the rest
            if not (_ASIDE_GOES_ON.intersection(after) or _ASIDE_MORE.intersection(later)):
                rest += folded
                continue
            rest += folded[:k]
            j = k + 1
            while j < len(folded) and folded[j] in _ASIDE_LEAD:
                j += 1
            aside += folded[k:j]  # "ngoài việc": how the question sets it aside
            if (j < len(folded) and folded[j] in _ASIDE_REFERENCE) or j == len(folded):
                if n:  # "ngoài việc đó": the sentence before
                    aside += rest[starts[n - 1]:starts[n]]
                    del rest[starts[n - 1]:starts[n]]
                    starts[n] = starts[n - 1]
                aside += folded[j:j + 1]
                rest += folded[j + 1:]
                continue
            end = next((i for i in range(j, len(folded)) if folded[i] in _ASIDE_END),
                       len(folded))
            aside += folded[j:end]
            rest += folded[end:]
    return frozenset(aside) - frozenset(rest)


# "thi" (to sit an exam; "thi đua", emulation) folds as the filler "thì" does, and people
# type "thì" without its mark whatever else they mark. It is the exam beside the words it is
# said with ("kỳ thi", "ôn thi", "hội thi", "thi tuyển", "thi thăng hạng", "thi đua"); "đủ
# thì", "học thì" stay fillers. "Hội thi" (a contest) only as marked: "hoi thi" may be "hỏi thì".
_EXAM_BEFORE = frozenset("ky ki cuoc on de".split())
_EXAM_BEFORE_MARKED = frozenset({"hội"})
_EXAM_AFTER = frozenset("tuyen thang nang dua chon".split())


def exam_words(accented: list[str], folded: list[str]) -> frozenset[int]:
    """Positions of "thi" meaning an exam among a text's words (see above): not fillers."""
    return frozenset(i for i, a in enumerate(accented) if a == "thi" and (
        (i and (folded[i - 1] in _EXAM_BEFORE or accented[i - 1] in _EXAM_BEFORE_MARKED))
        or (i + 1 < len(folded) and folded[i + 1] in _EXAM_AFTER)))


def is_filler(accented: str, folded: str) -> bool:
    """Whether a word is a filler: typed without marks, by its folded form; with marks, only
    as a filler is written (``FILLER_FORMS``)."""
    return folded in FILLERS and (accented == folded or accented in FILLER_FORMS)


# Question words and generic verbs: they tell the intent (who, when, how many) so they are
# scored, but a question made only of them is not "about" anything, so they do not count
# towards coverage.
QUESTION_WORDS = frozenset(
    """ai gi nao sao bao nhieu may khong phai co can lam khi thoi gian ngay dau muon
    biet yeu xin xem hoi gio luc hien""".split()
)
# The question words as they are written with marks: a word typed with other marks is another
# word ("biệt phái" is a secondment, not "biết" "phải"; "đóng dấu" a stamp, not "đâu"; "đầu
# mối" a contact). "cô" stays with them: in a question it addresses or names a teacher.
_QUESTION_FORMS = frozenset(
    """ai gì nào sao bao nhiêu mấy không phải có cô cần làm khi thời gian ngày đâu muốn
    biết yêu xin xem hỏi giờ lúc hiện""".split()
)


def is_question_word(accented: str, folded: str) -> bool:
    """Whether a word is a question word: typed without marks, by its folded form; with
    marks, only as a question word is written (``_QUESTION_FORMS``)."""
    return folded in QUESTION_WORDS and (accented == folded or accented in _QUESTION_FORMS)

_TAGS = re.compile(r"<[^>]{0,300}>")


def _letter_runs() -> re.Pattern[str]:
    """Runs of two or more letters that share a base letter (a, à, ạ, â, ấ … all count as a)."""
    groups: dict[str, str] = {}
    for code in range(0x61, 0x1EFA):
        ch = chr(code)
        base = strip_diacritics(ch)
        if ch.isalpha() and ch.islower() and len(base) == 1 and "a" <= base <= "z":
            groups[base] = groups.get(base, "") + ch
    return re.compile("|".join(f"[{re.escape(g)}]{{2,}}" for g in groups.values()))


_LETTER_RUN = _letter_runs()
_TOKEN = re.compile(r"[^\W_]+")
_MODULE = re.compile(
    r"(?<![^\W_])(?:m[oô]\s*-?\s*[dđ]un|modun|modul|module|m[dđ])\s*-?\s*(\d{1,2})"
    r"(?!\d)"
)
# "b2 ai duyệt", "b3 làm gì": a step of a procedure, written short where a step's verb or
# "who" follows; not a language level ("chứng chỉ B2"), after which no such word comes
_STEP = re.compile(r"(?<![^\W_])b(\d)(?=\s+(?:ai|duyệt|duyet|làm|lam|nộp|nop|gồm|gom|xong)"
                   r"(?![^\W_]))")
PERCENT = "phantram"
# a numbered term, round, quarter, part or rank is written "học kỳ II" by one, "học kỳ 2" by
# another: read as the number (before stretched letters are collapsed: "iii" is no "iiii")
_ROMAN_VALUES = {r: n for n, r in enumerate(
    "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix".split(), 1)}
_ROMAN_NUMBERED = re.compile(
    r"(?<![^\W_])((?:kì|kỳ|ki|ky|đợt|dot|quý|quí|quy|qui|phần|phan|hạng|hang|giai đoạn|"
    r"giai doan|chương|chuong)\s+)(x?(?:ix|iv|v?i{1,3}|v|x))(?![^\W_])")
_PHRASES = (  # joined forms the tokenizer would split wrongly
    (re.compile(r"(?<![^\W_])gd\s*(?:&|&amp;|và|va|-)?\s*[đd]t(?![^\W_])"), "giáo dục đào tạo"),
    (re.compile(r"(?<![^\W_])tp\.\s*hcm(?![^\W_])"), "tphcm"),
    (re.compile(r"(?<![^\W_])th[ứu]\s+(\d)(?!\d)"), r"\1"),  # "cách thứ 2" = "cách 2"
    (re.compile(r"(?<![^\W_])(\d{1,2})h(\d\d)?(?![^\W_])"), r"\1 giờ \2"),  # "8h30": 8 giờ 30
    (re.compile(r"(?<![^\W_])t(\d{1,2})\s*/\s*(\d{4})(?!\d)"), r"tháng \1/\2"),  # "t10/2026"
    # "cđ3", "cđ 2": a numbered topic ("chuyên đề"); a college ("cao đẳng") has no number
    (re.compile(r"(?<![^\W_])c[đd]\s*-?\s*(\d{1,2})(?![\d/])"), r"chuyên đề \1"),
    # "30%", "30 phần trăm": one word, the unit of an amount ("bao nhiêu phần trăm lương" asks
    # of a salary, which a letter's "vắng quá 10%" does not speak of)
    (re.compile(r"(?<=\d)\s*(?:%|phần trăm|phan tram)(?![^\W_])"), " " + PERCENT),
    # an address shortened: "H. Vân Hồ", "X. Mộc Sơn", "TX. Mộc Châu" (not "8 h.", "mấy h.")
    (re.compile(r"(?<![^\W_])(?<!\d )(?<!mấy )(?<!may )h\.\s*(?=[^\W\d_])"), "huyện "),
    (re.compile(r"(?<![^\W_])x\.\s*(?=[^\W\d_])"), "xã "),
    (re.compile(r"(?<![^\W_])tx\.\s*(?=[^\W\d_])"), "thị xã "),
)


# A syllable of a consonant and "i" is written with either letter ("Địa lí" in the 2018
# programme, "địa lý" as many type it; "kĩ"/"kỹ", "mĩ"/"mỹ"), and "qui"/"quy" likewise.
_I_OR_Y = re.compile(r"(?<![^\W_])(?:([hklmst])([yýỳỷỹỵ])|qu([iíìỉĩị]))(?![^\W_])")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
_I_TO_Y = str.maketrans("iíìỉĩị", "yýỳỷỹỵ")
# "ngày 15 tháng 5 năm 2027", "15/05/2027", "15-5-2027" and "15/5" are one date: day/month
# [/year], without leading zeros
_WORDED_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?(?!\d)")
_DATE = re.compile(r"(?<![\d/.])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])|"
                   r"(?<![\d/.-])(\d{1,2})([.-])(\d{1,2})\5(\d{4})(?![\d/.-]?\d)")
# "0263.3822.123", "0263 3822 123" and "02633822123" are one phone number
_PHONE = re.compile(r"(?<![\d.])0\d{2,4}(?:[ .]\d{2,6}){1,3}(?![\d.]\d)")
# "15.331 giáo viên" is fifteen thousand, one number (Vietnamese groups thousands with dots)
_THOUSANDS = re.compile(r"(?<![\d.,/])\d{1,3}(?:\.\d{3})+(?![\d.,]?\d)")


def _spell_i(found: re.Match[str]) -> str:
    if found.group(1):
        return found.group(1) + found.group(2).translate(_Y_TO_I)
    return "qu" + found.group(3).translate(_I_TO_Y)


def _date(found: re.Match[str]) -> str:
    day, month, year = found.group(1, 2, 3) if found.group(1) else found.group(4, 6, 7)
    return f"{int(day)}/{int(month)}" + (f"/{year}" if year else "")


def _phone(found: re.Match[str]) -> str:
    digits = re.sub(r"\D", "", found.group(0))
    return digits if 10 <= len(digits) <= 11 else found.group(0)


def spelled(text: str) -> str:
    """Lowercase text with one tone placement, one spelling of i/y, and dates, phone numbers
    and numbers grouped by thousands each in one form, so a question and a letter meet however
    either writes them."""
    text = _I_OR_Y.sub(_spell_i, unify_tones(text))
    text = _DATE.sub(_date, _WORDED_DATE.sub(_date, text))
    return _THOUSANDS.sub(lambda found: found.group(0).replace(".", ""),
                          _PHONE.sub(_phone, text))


def _widest(table: Mapping[str, str]) -> dict[str, int]:
    """For each first word of a multi-word key, the longest key it starts."""
    widest: dict[str, int] = {}
    for key in table:
        first, width = key.split()[0], len(key.split())
        widest[first] = max(widest.get(first, 1), width)
    return widest


def _spelled_table(table: dict[str, str]) -> dict[str, str]:
    """The table as ``clean`` spells the words it compares (tones, i/y), each key of several
    words also typed without diacritics ("lich su va dia li")."""
    out = {spelled(k): spelled(v) for k, v in table.items()}
    for key, value in list(out.items()):
        plain = fold(key)
        if " " in key and plain not in out:
            out[plain] = value
    return out


ABBREVIATIONS = _spelled_table(ABBREVIATIONS)
FILLER_FORMS = frozenset(spelled(w) for w in _FILLER_FORMS)
IN_CONTEXT = {spelled(k): (cues, spelled(v)) for k, (cues, v) in IN_CONTEXT.items()}
PARAPHRASES = _spelled_table(_PARAPHRASES)
# a paraphrase cued by the word before it is read typed without marks too ("hoc bu" as
# "học bù"): a question typed so would otherwise miss the letters' wording of it
PARAPHRASE_CUES = {key: (frozenset(map(spelled, cues)) | frozenset(map(fold, cues)), spelled(v))
                   for k, (cues, v) in _PARAPHRASE_CUES.items() for key in {spelled(k), fold(k)}}
# abbreviation -> its readings, each with the (folded) words before and after that call for it
READINGS = {spelled(k): tuple((spelled(r), frozenset(b.split()), frozenset(a.split()))
                              for r, b, a in options) for k, options in _READINGS.items()}
_WIDTHS = {id(ABBREVIATIONS): _widest(ABBREVIATIONS), id(PARAPHRASES): _widest(PARAPHRASES)}
_HORN_U = frozenset("ưứừửữự")  # "ưu" (lưu, cứu) is the one real pair of same-base letters
_VOWEL = re.compile(r"[aeiouy]")
_TELEX_TAIL = frozenset("sfrxj")  # tone keys left at a word's end by a Telex keyboard


def _unstretch(match: re.Match[str]) -> str:
    """Collapse a letter held down ("vậyyyy", "ạaaa") without touching real words ("lưu")."""
    run = match.group(0)
    first, base = run[0], strip_diacritics(run[0])
    if len(run) == 2 and (first == base or run[1] != base or first in _HORN_U):
        return run  # "xoong", "lưu": real Vietnamese
    return first + ("u" if first in _HORN_U else "")


def clean(text: str, limit: int | None = MAX_QUERY_CHARS) -> str:
    """Bounded, composed, lowercase text without HTML, with stretched letters collapsed and
    words spelled one way (``spelled``)."""
    if limit is not None:
        text = text[: limit * 2]  # a generous cut first, so NFC never sees a megabyte
    text = html.unescape(_TAGS.sub(" ", nfc(text))).lower()
    if limit is not None:
        text = text[:limit]
    text = _ROMAN_NUMBERED.sub(lambda found: found[1] + str(_ROMAN_VALUES[found[2]]), text)
    text = spelled(_LETTER_RUN.sub(_unstretch, text))
    for pattern, replacement in _PHRASES:
        text = pattern.sub(replacement, text)
    return _STEP.sub(r"bước \1", _MODULE.sub(r"mô đun \1", text))


def _reading(options: tuple[tuple[str, frozenset[str], frozenset[str]], ...], before: str,
             after: str, pairs: frozenset[str] | None) -> str:
    """The reading of an abbreviation of several (``READINGS``) its neighbours call for; else
    one the loaded letters use (``pairs``: their folded word pairs), best between the same
    neighbours; else the usual one."""
    before, after = fold_word(before), fold_word(after)

    def fit(option: tuple[str, frozenset[str], frozenset[str]]) -> int:
        reading, cues_before, cues_after = option
        score = 4 * (before in cues_before or after in cues_after
                     or (after.isdigit() and ANY_NUMBER in cues_after))
        if pairs:
            folded = [fold_word(w) for w in reading.split()]
            score += all(f"{a} {b}" in pairs for a, b in pairwise(folded))
            score += 2 * (f"{before} {folded[0]}" in pairs) + 2 * (f"{folded[-1]} {after}" in pairs)
        return score

    scores = [fit(option) for option in options]
    return options[scores.index(max(scores))][0]


def expand(tokens: list[str], table: Mapping[str, str] = ABBREVIATIONS,
           context: Mapping[str, tuple[frozenset[str], str]] = IN_CONTEXT,
           readings: Mapping[str, tuple[tuple[str, frozenset[str], frozenset[str]], ...]]
           | None = None, pairs: frozenset[str] | None = None, plain: bool = False
           ) -> list[str]:
    """Replace abbreviations (longest match first) by their canonical words; a code that is
    an abbreviation only after its cue (``context``) is replaced there alone, one of several
    readings (``readings``) as ``_reading`` tells. In a text typed ``plain`` (no marks), a
    phrase is matched without the marks an abbreviation's reading added ("khong di dc" read
    "khong di được" is "không đi được")."""
    widest = _WIDTHS.get(id(table)) or _widest(table)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        cued = context.get(token)
        if cued is not None and out and (out[-1] in cued[0] or (
                ANY_NUMBER in cued[0] and out[-1].isdigit())):
            full = cued[1].split()
            if tokens[i : i + len(full)] != full:
                out.extend(full)  # "dạy tin", not "dạy tin học" again
                i += 1
                continue
        for width in range(min(widest.get(token, 1), len(tokens) - i), 1, -1):
            key = " ".join(tokens[i : i + width])
            if key in table or (plain and (key := fold(key)) in table) or (
                    not plain and (key := _partly_plain(tokens[i : i + width], table)) in table):
                out.extend(table[key].split())
                i += width
                break
        else:
            found = table.get(token)
            if found is None and readings and token in readings:
                after = table.get(tokens[i + 1], tokens[i + 1]) if i + 1 < len(tokens) else ""
                found = _reading(readings[token], out[-1] if out else "",
                                 (after.split() or [""])[0], pairs)
            if found is None:
                out.append(token)
            elif found:
                out.extend(found.split())
            i += 1
    return out


def _partly_plain(window: list[str], table: Mapping[str, str]) -> str:
    """The key of ``table`` a phrase typed partly without marks stands for ("tư thuc", "đi
    hoc", "di hoc" among marked words), or "". A word without marks is read as the key's only
    when the phrase shows it was typed so: one of its words is no syllable as typed ("thuc",
    "hoc": a closed syllable needs a mark), so a real word ("cho", "to") typed among marked
    ones is not taken for another ("chỗ", "tổ") on its own. The words typed with marks must
    be the key's own, unless their marks make no syllable ("hoc trưc tiếp": "trưc" is the
    key's "trực" mistyped, as a word typed without marks is)."""
    # most windows spell no key at all: that is looked up first, on the cached folded words
    keys = _marked_keys(id(table), table).get(" ".join(map(fold_word, window)))
    if not keys:
        return ""
    bare = [not has_diacritics(t) or not is_syllable(t) for t in window]
    if all(not has_diacritics(t) for t in window) or not any(
            b and not is_syllable(t) for t, b in zip(window, bare, strict=True)):
        return ""
    for key in keys:
        if all(t == w or (b and fold_word(t) == fold_word(w))
               for t, w, b in zip(window, key.split(), bare, strict=True)):
            return key
    return ""


_MARKED_KEYS: dict[int, dict[str, tuple[str, ...]]] = {}


def _marked_keys(table_id: int, table: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """The table's keys of several words written with marks, by their folded form."""
    found = _MARKED_KEYS.get(table_id)
    if found is None:
        by_fold: dict[str, list[str]] = {}
        for key in table:
            if " " in key and has_diacritics(key):
                by_fold.setdefault(fold(key), []).append(key)
        found = _MARKED_KEYS[table_id] = {k: tuple(v) for k, v in by_fold.items()}
    return found


def canonical(tokens: list[str], pairs: frozenset[str] | None = None) -> list[str]:
    """Tokens with abbreviations expanded, then paraphrases read as the letters word them
    (``paraphrases``): the one form questions, letters and entries are compared in. With the
    loaded letters' word ``pairs``, an abbreviation of several readings may take theirs."""
    plain = not any(map(has_diacritics, tokens))
    return expand(expand(tokens, readings=READINGS, pairs=pairs), PARAPHRASES,
                  PARAPHRASE_CUES, plain=plain)


def reread(tokens: list[str]) -> list[str]:
    """Tokens already read, after a typo was repaired among them: the paraphrases the repaired
    word now starts or cues ("hco bu" repaired to "hoc bu", read "học bổ sung")."""
    return expand(tokens, PARAPHRASES, PARAPHRASE_CUES)


def words(text: str, limit: int | None = MAX_QUERY_CHARS,
          pairs: frozenset[str] | None = None) -> list[str]:
    """Lowercase tokens with diacritics kept and abbreviations expanded; ``pairs``: the
    loaded letters' folded word pairs, to read an abbreviation as they use it (``_reading``)."""
    if limit is None:  # a letter's or an entry's text, read once when it is indexed
        return canonical(_TOKEN.findall(clean(text, limit)))
    tokens = _question_tokens(text, limit)
    if pairs and any(t in READINGS for t in tokens):  # once per question and index
        return canonical(list(tokens), pairs)  # (``LetterIndex._query``)
    # the letters' pairs choose only among ``READINGS``: without one, the plain reading
    return list(_question_words(text, limit))


@lru_cache(maxsize=4096)
def _question_tokens(text: str, limit: int) -> tuple[str, ...]:
    """A question's cleaned tokens, before abbreviations are read: cleaning a question is
    half of reading it, and the letters' reading (with their word pairs) starts from here."""
    return tuple(_TOKEN.findall(clean(text, limit)))


@lru_cache(maxsize=4096)
def _question_words(text: str, limit: int) -> tuple[str, ...]:
    """A question is read by the entries' ranking, the letters' and the value it asks for:
    normalised once."""
    return tuple(canonical(list(_question_tokens(text, limit))))


@lru_cache(maxsize=65_536)
def fold_word(word: str) -> str:
    """``fold`` of one token, cached: questions reuse the same few thousand words."""
    return fold(word)


def has_diacritics(token: str) -> bool:
    return fold_word(token) != token


_NameIndex = dict[str, list[tuple[list[str], str]]]  # first word -> [(all words, key)]
# the words abbreviations are read as: in a question typed without marks they were not typed
_EXPANDED = frozenset(w for full in (*ABBREVIATIONS.values(), *(v for _, v in IN_CONTEXT.values()),
                                     *(r for options in READINGS.values() for r, _, _ in options),
                                     *PARAPHRASES.values(),
                                     *(v for _, v in PARAPHRASE_CUES.values()))
                      for w in full.split() if has_diacritics(w))


def typed_with_marks(accented: list[str]) -> bool:
    """Whether a question was typed with marks: a word of it has them that no abbreviation or
    paraphrase put there ("cu gv chu nhiem" read "giáo viên" is still typed without)."""
    return any(has_diacritics(w) and w not in _EXPANDED for w in accented)


def _name_index() -> tuple[_NameIndex, _NameIndex]:
    """Province names by first word, with diacritics and without."""
    accented: _NameIndex = {}
    folded: _NameIndex = {}

    def add(index: _NameIndex, name: str, key: str) -> None:
        index.setdefault(name.split()[0], []).append((name.split(), key))

    for raw, code in all_names():
        key = code if code in _KB_REGIONS else "other"
        for part in re.split(r"\s[–-]\s", raw):  # "Bà Rịa – Vũng Tàu": either half names it
            tokens = _TOKEN.findall(nfc(part).lower())
            while tokens and tokens[0] in ("tp", "thành", "phố", "tỉnh"):
                tokens = tokens[1:]
            name = unify_tones(" ".join(tokens))
            ambiguous = fold(name) in _AMBIGUOUS_FOLDED
            if name and not (ambiguous and fold(name) == name):  # "Gia Lai" is "gia lại" too
                add(accented, name, key)
            if fold(name) in _KB_FOLDED:
                add(folded, fold(name), key)
            elif name and not ambiguous:  # only for questions typed without marks
                add(folded, fold(name), f"plain:{key}")
        if raw.startswith("Bà Rịa"):
            add(accented, "bà rịa vũng tàu", key)
    return accented, folded


_ACCENTED_NAMES, _FOLDED_NAMES = _name_index()


_MOVED = frozenset({"chuyen", "den", "tac"})  # "chuyển từ", "đến từ", "công tác từ"


def _came_from(folded: list[str], at: int) -> bool:
    """Whether a place named at ``at`` is where the asker came from ("mới chuyển từ Thái
    Nguyên về dạy ở …"): no rule is asked of it."""
    return at > 1 and folded[at - 1] == "tu" and folded[at - 2] in _MOVED


def find_provinces(accented: list[str]) -> tuple[set[str], set[int]]:
    """Provinces a question names and their positions: the code today of a province whose
    letters the knowledge base states ("Bình Phước" and "Đồng Nai" both give "dong_nai"), or
    "other".

    Other provinces are matched without diacritics only when the whole question has none, so
    that "tham gia lại" is never Gia Lai.
    """
    folded = [fold_word(w) for w in accented]
    plain = not typed_with_marks(accented)
    matches: set[tuple[int, int, str]] = set()
    for tokens, index in ((accented, _ACCENTED_NAMES), (folded, _FOLDED_NAMES)):
        for i, token in enumerate(tokens):
            for parts, key in index.get(token, ()):
                if key.startswith("plain:") and not plain:
                    continue
                if tokens[i : i + len(parts)] == parts:
                    matches.add((i, i + len(parts), key.removeprefix("plain:")))
    # "huyện Lộc Ninh, Bình Phước": an address names the province last, so a name ending
    # inside the next one ("Ninh Bình") borrowed its last word from it and is none
    kept = [(i, j, key) for i, j, key in matches
            if not any(i < a < j < b for a, b, _ in matches)]
    # "mới chuyển từ Thái Nguyên về dạy ở …": where the asker came from is no rule asked of
    found = {key for i, _j, key in kept if not _came_from(folded, i)}
    positions = {k for i, j, _key in kept for k in range(i, j)}
    if "tphcm" in found:
        positions.update(i for i, t in enumerate(folded) if t == "tp")
    return found, positions


def province_runs(tokens: list[str], positions: set[int]) -> list[list[str]]:
    """The tokens at ``positions`` (``find_provinces``) grouped into one name per run of
    neighbours: "Bà Rịa Vũng Tàu" is one province, "Kiên Giang và Cà Mau" two."""
    runs: list[list[str]] = []
    for i in sorted(positions):
        if runs and i - 1 in positions:
            runs[-1].append(tokens[i])
        else:
            runs.append([tokens[i]])
    return runs


def named_places(accented: list[str]) -> frozenset[str]:
    """The provinces a question names, as the folded names a letter's issuer may carry: the
    province today and those merged into it ("Kiên Giang" → "an giang", "kien giang"), so
    that a letter of the Sở today and its predecessor's both speak for it."""
    folded = [fold_word(w) for w in accented]
    names: set[str] = set()
    at = find_provinces(accented)[1]
    start: dict[int, int] = {}  # where the name each position is part of starts
    for k in sorted(at):
        start[k] = start[k - 1] if k - 1 in at else k
    for run in province_runs(folded, {k for k in at if not _came_from(folded, start[k])}):
        found = province(" ".join(run))
        written = [found.name, *(f.name for f in found.includes)] if found else [" ".join(run)]
        names.update(place_key(n) for n in written)
    return frozenset(names)


def place_key(name: str) -> str:
    """A place name as compared inside an issuer: folded words, "tỉnh"/"TP." dropped."""
    words_ = re.sub(r"[^0-9a-z]+", " ", fold(name).replace("đ", "d")).split()
    while words_ and words_[0] in ("tinh", "tp", "thanh", "pho"):
        words_ = words_[1:]
    return " ".join(words_)


# The last words (folded) of the things a letter numbers as items of a list: "mô đun 3",
# "chuyên đề 2", "phụ lục 4", "bước 5", "mục 2", "điều 7", "khoản 1", "chương 3", "phần 2",
# "đợt 1" (a number after another word is a date, a count or a year: "trước 14/12")
ITEM_HEADS = frozenset("dun de luc buoc muc dieu khoan chuong phan dot".split())


# Core staff the rules tell apart: a teacher's plan is approved by the principal, a
# manager's by the Phòng or the Sở; the names a question uses for each (folded, read)
CORE_ROLES = frozenset({"gv_cotcan", "cbql_cotcan"})
_CORE_ROLE_NAMES = {"giao vien cot can": "gv_cotcan", "can bo quan li cot can": "cbql_cotcan",
                    "hieu truong cot can": "cbql_cotcan"}


def names_core_role(folded: list[str]) -> frozenset[str]:
    """The core staff a question names ("GV cốt cán", "CBQL cốt cán"); empty for "cốt cán"
    alone, which may be either."""
    text = f" {' '.join(folded)} "
    return frozenset(role for name, role in _CORE_ROLE_NAMES.items() if f" {name} " in text)


def names_audience(folded: list[str]) -> bool:
    """Whether a question says whom it is about (teacher, principal, manager, core staff)."""
    text = f" {' '.join(folded)} "
    return any(f" {name} " in text for name in AUDIENCE_NAMES)


def find_levels(folded: list[str]) -> set[str]:
    """School levels a question names ("cấp 1", "tiểu học", "THPT" …)."""
    text = f" {' '.join(folded)} "
    return {level for name, level in LEVEL_NAMES.items() if f" {name} " in text}


@dataclass(slots=True)
class SpellFixer:
    """Maps an unknown folded token to the closest word of the index's vocabulary.

    Short words are dangerous to "fix" (a question about the weather must not turn into one
    about modules), so a correction is accepted only when it is a Telex or teencode repair,
    a transposition, or a one-edit change that forms a bigram the index knows.
    """

    vocab: Mapping[str, int]  # folded unigram -> document frequency
    bigrams: frozenset[str]
    extra: frozenset[str]  # words never indexed (fillers) that a Telex repair may still yield
    _choices: list[str]
    _cache: dict[tuple[str, str, str], str | None]

    @classmethod
    def build(
        cls, vocab: Mapping[str, int], bigrams: Iterable[str], extra: Iterable[str] = ()
    ) -> SpellFixer:
        choices = [w for w in vocab if len(w) >= 2 and not w.isdigit()]
        return cls(vocab, frozenset(bigrams), frozenset(extra), choices, {})

    def fix(self, token: str, before: str = "", after: str = "") -> str | None:
        """The vocabulary word meant by ``token``, or None when nothing is close enough."""
        if (
            token in self.vocab
            or token in self.extra
            or token.isdigit()
            or len(token) < 3
            or len(token) > 20
        ):
            return None
        key = (token, before, after)
        if key not in self._cache:
            if len(self._cache) > 20_000:
                self._cache.clear()
            self._cache[key] = self._fix(token, before, after)
        return self._cache[key]

    def _known_pair(self, word: str, before: str, after: str) -> bool:
        return (bool(before) and f"{before} {word}" in self.bigrams) or (
            bool(after) and f"{word} {after}" in self.bigrams
        )

    def _fix(self, token: str, before: str, after: str) -> str | None:
        rules = []
        if "j" in token[1:] and not _VOWEL.search(token):
            rules.append(token[0] + token[1:].replace("j", "i"))  # teencode: "thj", "mjnh"
        if token[-1] in _TELEX_TAIL:
            rules.append(token[:-1])
        if token[0] == "f":
            rules.append("ph" + token[1:])
        if token[0] == "j":
            rules.append("gi" + token[1:])
        if token[0] == "w":
            rules.append("qu" + token[1:])
        rules.append(re.sub(r"([a-z])\1+", r"\1", token))
        for candidate in rules:
            if candidate != token and (candidate in self.vocab or candidate in self.extra):
                return candidate
        limit = 1 if len(token) < 7 else 2
        found = process.extract(
            token, self._choices, scorer=OSA.distance, score_cutoff=limit, limit=12
        )
        best: tuple[float, str] | None = None
        vowel = bool(_VOWEL.search(token))
        for word, dist, _ in found:
            if bool(_VOWEL.search(word)) != vowel:
                continue  # a syllable ("sắp") is no typo of an abbreviation ("sp"), nor back
            same_letters = sorted(word) == sorted(token)
            context = self._known_pair(word, before, after)
            if not (same_letters or context or len(token) >= 6):
                continue
            rank = (
                dist
                - 0.5 * same_letters
                - 0.7 * context
                + 0.3 * (word[0] != token[0])
                - 1e-6 * self.vocab[word]
            )
            if best is None or rank < best[0]:
                best = (rank, word)
        return best[1] if best else None
