"""A letter that sets out every step of a course in one long paragraph, its clauses joined by ";"
and step words (đầu tiên … kế đến … tiếp đó … sau khi … sau cùng), and that replaces an earlier
letter nobody loaded. The answer quotes the clauses the question asks about, wherever they stand
in the paragraph; a question citing the replaced letter's number is answered by the letter that
replaces it; whom to contact about a matter the asker names in the words of another passage is
the contact for that matter. The letter is written here, on a topic of its own."""

from __future__ import annotations

import dataclasses

from bot.knowledge.engine import AnsweringEngine
from bot.knowledge.evaluation import vietnamese_gettext
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from bot.textnorm import fold

LETTER = """UBND TỈNH QUẢNG NGÃI
SỞ GIÁO DỤC VÀ ĐÀO TẠO
Số: 2714/SGDĐT-GDTH
V/v bồi dưỡng giáo viên tiểu học về giáo dục an toàn giao thông năm 2027
Quảng Ngãi, ngày 06 tháng 9 năm 2027
Kính gửi: Các trường tiểu học.
Văn bản này thay thế Kế hoạch số 512/KH-SGDĐT ngày 15/8/2027 của Sở về cùng nội dung; lớp học \
tập trung tại Kế hoạch số 512/KH-SGDĐT không mở nữa.
1. Trình tự thực hiện
Lớp bồi dưỡng gồm 03 chủ đề (biển báo, đi bộ an toàn, đội mũ bảo hiểm) và diễn ra lần lượt như \
sau: đầu tiên, trường tiểu học ghi rõ số điện thoại của từng người và gửi danh sách giáo viên dự \
học, mỗi trường 02 người, về Sở qua thư điện tử trước ngày 20/9/2027; kế đến, Sở mở lớp trên \
trang https://hoc.quangngai.edu.vn và gửi mật khẩu cho từng người trước ngày 27/9/2027; tiếp \
đó, giáo viên học ba chủ đề, mỗi chủ đề có một phiếu hỏi ngắn, trên trang từ ngày 01/10/2027 đến \
hết ngày 31/10/2027; sau khi học xong ba chủ đề, giáo viên làm bài thi trực tuyến, được thi tối \
đa 03 lần, lấy điểm lần thi cuối, từ ngày 03/11/2027 đến hết ngày 07/11/2027; sau bài thi, giáo \
viên nộp một video bài giảng dài không quá 10 phút lên trang đến hết ngày 30/11/2027; sau cùng, \
Sở xét kết quả ngày 15/12/2027 và gửi giấy chứng nhận về trường trước ngày 25/12/2027.
2. Liên hệ
Về chủ đề, bài thi và video bài giảng: bà Phạm Thị Thu, chuyên viên Phòng Giáo dục tiểu học, \
điện thoại 0255.3822.416, thư điện tử thupt@quangngai.edu.vn. Về mật khẩu và trang học: ông Đỗ \
Văn Lâm, điện thoại 0255.3711.802, thư điện tử hotrohoc@quangngai.edu.vn.
"""


def shown(question: str) -> str:
    loaded = AnsweringEngine()
    read = read_letter_file(LETTER.encode(), "qn2714.txt").letter
    loaded.letters.replace([dataclasses.replace(read, id=1)])
    return fold(plain_text(render_answer(loaded.answer(question), vietnamese_gettext())))


def test_the_step_after_the_one_named_is_quoted_with_its_deadline() -> None:
    answer = shown("Làm xong bài thi trực tuyến thì việc kế tiếp là gì, hạn cuối khi nào?")
    assert "video bai giang" in answer and "30/11/2027" in answer


def test_a_rule_said_late_in_the_paragraph_is_quoted() -> None:
    answer = shown("bài thi trực tuyến được thi mấy lần, tính điểm lần nào ạ")
    assert "03 lan" in answer and "lan thi cuoi" in answer


def test_a_date_late_in_the_paragraph_answers_whether_a_day_is_still_in_time() -> None:
    assert "07/11/2027" in shown("Ngày 09/11/2027 tôi mới làm bài thi trực tuyến thì có kịp không?")


def test_the_replaced_letters_number_asks_the_letter_replacing_it() -> None:
    answer = shown("Kế hoạch 512 ghi hạn đăng ký học tập trung là 01/9/2027, bây giờ trường tiểu "
                   "học gửi danh sách giáo viên dự học hạn chót là ngày nào?")
    assert "20/9/2027" in answer and "2714/sgddt" in answer


def test_the_contact_for_a_matter_named_in_another_passages_words() -> None:
    answer = shown("muon hoi cach quay video bai giang dai 10 phut de nop thi lien he ai")
    assert "0255.3822.416" in answer and "0255.3711.802" not in answer


def test_the_days_from_a_date_asked_before_to_a_deadline() -> None:
    answer = shown("Bài thi trực tuyến đóng vào ngày nào, và từ ngày đó đến hạn nộp video "
                   "bài giảng còn bao nhiêu ngày?")
    assert "07/11/2027" in answer and "23 ngay" in answer
