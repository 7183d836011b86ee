"""Vietnam's 34 provinces and cities since the 2025 merger (Nghị quyết 202/2025/QH15), and the
63 they were made of.

A Sở deploys the bot for one of the 34; its earlier letters may come from a province that is now
part of it (Bình Phước's letters are Đồng Nai's own history). So every name or code a person,
a setting or a file uses, old or new, resolves to the one province that holds it today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from bot.textnorm import fold


@dataclass(frozen=True, slots=True)
class Former:
    """A province as it was before the merger: its code and name."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str  # as the Sở writes it
    is_city: bool  # thành phố trực thuộc trung ương
    includes: tuple[Former, ...] = ()  # the former provinces merged into it (besides itself)
    aliases: tuple[str, ...] = ()  # other ways people write it

    @property
    def codes(self) -> frozenset[str]:
        """Its code and the codes of the former provinces it holds."""
        return frozenset({self.code, *(f.code for f in self.includes)})


def _p(code: str, name: str, *includes: tuple[str, str], city: bool = False,
       aliases: tuple[str, ...] = ()) -> Province:
    return Province(code, name, city, tuple(Former(c, n) for c, n in includes), aliases)


PROVINCES: tuple[Province, ...] = (
    # the eleven that did not merge
    _p("ha_noi", "Hà Nội", city=True, aliases=("Thủ đô Hà Nội",)),
    _p("hue", "Huế", ("thua_thien_hue", "Thừa Thiên Huế"), city=True),
    _p("lai_chau", "Lai Châu"),
    _p("dien_bien", "Điện Biên"),
    _p("son_la", "Sơn La"),
    _p("lang_son", "Lạng Sơn"),
    _p("quang_ninh", "Quảng Ninh"),
    _p("thanh_hoa", "Thanh Hóa"),
    _p("nghe_an", "Nghệ An"),
    _p("ha_tinh", "Hà Tĩnh"),
    _p("cao_bang", "Cao Bằng"),
    # the twenty-three formed by merging
    _p("tuyen_quang", "Tuyên Quang", ("ha_giang", "Hà Giang")),
    _p("lao_cai", "Lào Cai", ("yen_bai", "Yên Bái")),
    _p("thai_nguyen", "Thái Nguyên", ("bac_kan", "Bắc Kạn")),
    _p("phu_tho", "Phú Thọ", ("vinh_phuc", "Vĩnh Phúc"), ("hoa_binh", "Hòa Bình")),
    _p("bac_ninh", "Bắc Ninh", ("bac_giang", "Bắc Giang")),
    _p("hung_yen", "Hưng Yên", ("thai_binh", "Thái Bình")),
    _p("hai_phong", "Hải Phòng", ("hai_duong", "Hải Dương"), city=True),
    _p("ninh_binh", "Ninh Bình", ("ha_nam", "Hà Nam"), ("nam_dinh", "Nam Định")),
    _p("quang_tri", "Quảng Trị", ("quang_binh", "Quảng Bình")),
    _p("da_nang", "Đà Nẵng", ("quang_nam", "Quảng Nam"), city=True),
    _p("quang_ngai", "Quảng Ngãi", ("kon_tum", "Kon Tum")),
    _p("gia_lai", "Gia Lai", ("binh_dinh", "Bình Định")),
    _p("khanh_hoa", "Khánh Hòa", ("ninh_thuan", "Ninh Thuận")),
    _p("lam_dong", "Lâm Đồng", ("dak_nong", "Đắk Nông"), ("binh_thuan", "Bình Thuận")),
    _p("dak_lak", "Đắk Lắk", ("phu_yen", "Phú Yên"), aliases=("Đắc Lắc",)),
    _p("tphcm", "TP. Hồ Chí Minh", ("binh_duong", "Bình Dương"),
       ("ba_ria_vung_tau", "Bà Rịa – Vũng Tàu"), city=True,
       aliases=("Thành phố Hồ Chí Minh", "Hồ Chí Minh", "TP.HCM", "TPHCM", "HCM", "Sài Gòn",
                "ho_chi_minh")),
    _p("dong_nai", "Đồng Nai", ("binh_phuoc", "Bình Phước")),
    _p("tay_ninh", "Tây Ninh", ("long_an", "Long An")),
    _p("can_tho", "Cần Thơ", ("soc_trang", "Sóc Trăng"), ("hau_giang", "Hậu Giang"), city=True),
    _p("vinh_long", "Vĩnh Long", ("ben_tre", "Bến Tre"), ("tra_vinh", "Trà Vinh")),
    _p("dong_thap", "Đồng Tháp", ("tien_giang", "Tiền Giang")),
    _p("ca_mau", "Cà Mau", ("bac_lieu", "Bạc Liêu")),
    _p("an_giang", "An Giang", ("kien_giang", "Kiên Giang")),
)

_PREFIX = re.compile(r"^(tinh|thanh pho|tp)\s+")


def name_key(text: str) -> str:
    """A name or code as compared: folded, punctuation and "tỉnh"/"thành phố" dropped."""
    key = re.sub(r"[^0-9a-z]+", " ", fold(text).replace("đ", "d")).strip()
    return _PREFIX.sub("", key).replace(" ", "")


@cache
def _index() -> dict[str, tuple[Province, str]]:
    """Every key → (the province today, the name it stands for)."""
    found: dict[str, tuple[Province, str]] = {}
    for p in PROVINCES:
        for word in (p.code, p.name, *p.aliases):
            found[name_key(word)] = (p, p.name)
        for former in p.includes:
            found[name_key(former.code)] = (p, former.name)
            found[name_key(former.name)] = (p, former.name)
    found[name_key("Bà Rịa Vũng Tàu")] = found[name_key("ba_ria_vung_tau")]
    return found


def province(name_or_code: str | None) -> Province | None:
    """The province that holds ``name_or_code`` today (old or new, code or name), or None."""
    if not name_or_code:
        return None
    hit = _index().get(name_key(name_or_code))
    return hit[0] if hit else None


def region(name_or_code: str | None) -> str | None:
    """The code of the province today: "binh_phuoc" → "dong_nai"; an unknown code stays itself,
    so two unknown codes still compare equal only when they are the same."""
    found = province(name_or_code)
    return found.code if found else name_or_code


def same_province(a: str | None, b: str | None) -> bool:
    """Whether two names or codes, old or new, are the same province today."""
    return a is not None and b is not None and region(a) == region(b)


def name_of(name_or_code: str) -> str:
    """The name as written for that code: "binh_phuoc" → "Bình Phước", "dong_nai" → "Đồng Nai"."""
    hit = _index().get(name_key(name_or_code))
    return hit[1] if hit else name_or_code


def all_names() -> list[tuple[str, str]]:
    """(written name, code today) for every province and former province: what a question may
    name."""
    out = []
    for p in PROVINCES:
        out.append((p.name, p.code))
        out += [(f.name, p.code) for f in p.includes]
    return out


@cache
def former_districts() -> dict[str, tuple[str, ...]]:
    """Each former province that merged in 2025 → its district-level units as they stood
    before 01/7/2025 (``former_districts.yaml``): a teacher names the district they know, a
    letter the former province its rows are for."""
    text = resources.files(__package__).joinpath("former_districts.yaml").read_text(
        encoding="utf-8")
    return {str(name): tuple(str(d) for d in districts)
            for name, districts in yaml.safe_load(text).items()}

