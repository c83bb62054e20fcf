import unicodedata

import pytest

from core.text import fold, nfc, vn_slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Lâm Đồng", "lam-dong"),
        ("ĐẠI HỘI đại biểu", "dai-hoi-dai-bieu"),
        ("Hỏi và đáp", "hoi-va-dap"),
        ("Khoa học & Công nghệ", "khoa-hoc-cong-nghe"),
        ("à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ", "a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a-a"),
        ("è é ẻ ẽ ẹ ê ề ế ể ễ ệ", "e-e-e-e-e-e-e-e-e-e-e"),
        (
            "ì í ỉ ĩ ị ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ",
            "i-i-i-i-i-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o-o",
        ),
        ("ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ", "u-u-u-u-u-u-u-u-u-u-u-y-y-y-y-y"),
        ("Quyết định 582/QĐ-UBND", "quyet-dinh-582-qd-ubnd"),
    ],
)
def test_vietnamese_slugs(title, slug):
    assert vn_slugify(title) == slug


def test_slug_of_decomposed_text_equals_slug_of_composed_text():
    title = "Liên hiệp Hội Đà Lạt"
    assert vn_slugify(unicodedata.normalize("NFD", title)) == vn_slugify(title)


def test_fold_removes_tones_and_maps_d():
    assert fold("Đà Lạt LIÊN HIỆP") == "da lat lien hiep"


def test_nfc_composes_text_pasted_from_word():
    assert nfc(unicodedata.normalize("NFD", "Khoa học")) == "Khoa học"
