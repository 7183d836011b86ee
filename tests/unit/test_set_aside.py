"""What a question sets aside ("Ngoài việc đó, … còn phải …", issue 18): the asker knows it
already and asks for the rest, so the text saying only that is no answer. The letter is written
here, in our own words."""

from __future__ import annotations

import dataclasses

from bot.app import default_engine
from bot.i18n import translator
from bot.knowledge.normalize import set_aside
from bot.knowledge.render import plain_text, render_answer
from bot.services.letters import read_letter_file
from tests.letter_files import letter_docx

VI = translator("vi").gettext
MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""]


def test_what_the_question_sets_aside_is_known_and_overtime_is_not() -> None:
    assert {"ghi", "ket", "qua"} <= set_aside("ngoài ghi kết quả thì còn phải tải lên gì")
    assert "tai" not in set_aside("ngoài ghi kết quả thì còn phải tải lên gì")
    before = set_aside("Sở giao Phòng lập kế hoạch tập huấn. Ngoài việc đó, Phòng còn làm gì?")
    # "lập kế hoạch" is read as the letters word it, "xây dựng kế hoạch" (``paraphrases``)
    assert {"xay", "dung", "hoach", "tap", "huan"} <= before and "lam" not in before
    assert set_aside("giáo viên dạy thêm ngoài giờ có phải đăng ký không") == frozenset()


def test_the_duty_besides_the_one_the_asker_knows_is_quoted() -> None:
    header = (["UBND TỈNH CÀ MAU", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 733/KH-SGDĐT",
               "KẾ HOẠCH tập huấn giáo viên dạy học tích hợp năm học 2027-2028"],
              [*MOTTO, "Cà Mau, ngày 12 tháng 8 năm 2027"])
    body = [
        "I. NHIỆM VỤ CỦA PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
        "1. Kế hoạch",
        "Phòng Giáo dục và Đào tạo lập kế hoạch tập huấn dạy học tích hợp của địa phương và "
        "gửi kế hoạch về Sở trước ngày 15/9/2027; Sở tổng hợp kế hoạch của các Phòng.",
        "2. Điều kiện",
        "Phòng Giáo dục và Đào tạo đề xuất với Ủy ban nhân dân xã bố trí kinh phí tập huấn "
        "trong dự toán chi hằng năm.",
        "II. CÁC TRƯỜNG",
        "Cử giáo viên dự tập huấn đúng thành phần.",
        "Nơi nhận:",
        "- Lưu: VT.",
        "GIÁM ĐỐC",
    ]
    letter = read_letter_file(letter_docx(body, header), "kh733.docx").letter
    engine = default_engine()
    engine.letters.replace([dataclasses.replace(letter, id=1)])
    question = ("Tôi làm ở Phòng GD&ĐT. Sở yêu cầu Phòng lập kế hoạch tập huấn dạy học "
                "tích hợp và gửi về Sở. Ngoài việc đó, Phòng còn phải đề xuất với UBND xã "
                "về việc gì?")
    text = plain_text(render_answer(engine.answer(question, province="ca_mau"), VI))
    assert "kinh phí" in text, text


def test_last_year_is_no_besides() -> None:
    # "năm ngoái" (last year) folds as "ngoài" (besides) does: it sets nothing aside
    assert set_aside("trường có một thầy năm ngoái chuyển từ trường THCS xuống, còn một cô "
                     "mới tuyển, thầy phải học xong trước ngày nào") == frozenset()
