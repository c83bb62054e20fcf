"""Demo content: the twelve documents of the original portal's VĂN BẢN MỚI
table (reference/004_*.txt) with their exact numbers and dates, plausible
summaries, types, issuers and signers, two relations, and a small generated
PDF for a few of them so that downloading and searching the file text can
be tried. Every row is created only if missing: running the seed again
changes nothing and never overwrites what staff edited."""

import datetime

from django.core.files.base import ContentFile

from core.demofiles import make_pdf  # the tests import it from here too
from core.models import Status
from core.text import vn_slugify

from .models import Document, DocumentFile, DocumentType, Field, Issuer, Validity

TYPES = [
    "Quyết định",
    "Kế hoạch",
    "Công văn",
    "Chỉ thị",
    "Thông tư",
    "Nghị quyết",
    "Hướng dẫn",
    "Thông báo",
    "Điều lệ",
]

ISSUERS = [
    "UBND tỉnh Lâm Đồng",
    "Liên hiệp Hội tỉnh Lâm Đồng",
    "Ban Bí thư Trung ương Đảng",
    "Bộ Tài chính",
    "Tỉnh ủy Lâm Đồng",
    "Liên hiệp các Hội KH&KT Việt Nam",
]

FIELDS = [
    "Tổ chức – bộ máy",
    "Khoa học và công nghệ",
    "Tài chính",
    "Tư vấn, phản biện",
    "Thi đua – khen thưởng",
]

# number, issued on, type, issuer, signer, effective on, fields, summary
DOCUMENTS = [
    (
        "582/QĐ-UBND",
        datetime.date(2018, 3, 30),
        "Quyết định",
        "UBND tỉnh Lâm Đồng",
        "Phạm S",
        datetime.date(2018, 4, 10),
        ["Tổ chức – bộ máy"],
        "Quyết định phê duyệt Điều lệ (sửa đổi, bổ sung) của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng nhiệm kỳ 2017 – 2022.",
    ),
    (
        "2136/QĐ-UBND",
        datetime.date(2016, 9, 28),
        "Quyết định",
        "UBND tỉnh Lâm Đồng",
        "Đoàn Văn Việt",
        None,
        ["Tổ chức – bộ máy"],
        "Quyết định phê duyệt Điều lệ Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng.",
    ),
    (
        "50/QĐ-LHH",
        datetime.date(2015, 3, 20),
        "Quyết định",
        "Liên hiệp Hội tỉnh Lâm Đồng",
        "Nguyễn Văn Hòa",
        None,
        ["Khoa học và công nghệ", "Thi đua – khen thưởng"],
        "Quyết định sửa đổi, bổ sung Thể lệ Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ VI (2015 – 2016).",
    ),
    (
        "44/QĐ-LHH",
        datetime.date(2015, 3, 17),
        "Quyết định",
        "Liên hiệp Hội tỉnh Lâm Đồng",
        "Nguyễn Văn Hòa",
        None,
        ["Khoa học và công nghệ", "Thi đua – khen thưởng"],
        "Quyết định ban hành Thể lệ Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ VI (2015 – 2016).",
    ),
    (
        "4171/KH-UBND",
        datetime.date(2014, 8, 14),
        "Kế hoạch",
        "UBND tỉnh Lâm Đồng",
        "Nguyễn Văn Yên",
        None,
        ["Tư vấn, phản biện"],
        "Kế hoạch triển khai thực hiện Quyết định số 14/2014/QĐ-TTg của Thủ tướng Chính phủ quy định về hoạt động tư vấn, phản biện và giám định xã hội của Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam trên địa bàn tỉnh.",
    ),
    (
        "25/2014/Đ-UBND",
        datetime.date(2014, 5, 23),
        "Quyết định",
        "UBND tỉnh Lâm Đồng",
        "Nguyễn Xuân Tiến",
        datetime.date(2014, 6, 2),
        ["Tổ chức – bộ máy", "Tư vấn, phản biện"],
        "Quyết định ban hành Quy chế phối hợp giữa các sở, ban, ngành và Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh trong hoạt động tư vấn, phản biện và giám định xã hội.",
    ),
    (
        "3553/UBND-VX",
        datetime.date(2013, 6, 25),
        "Công văn",
        "UBND tỉnh Lâm Đồng",
        "Nguyễn Văn Yên",
        None,
        ["Khoa học và công nghệ"],
        "Công văn về việc tổ chức Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng tỉnh Lâm Đồng năm 2013.",
    ),
    (
        "688/UBND-VX",
        datetime.date(2013, 2, 6),
        "Công văn",
        "UBND tỉnh Lâm Đồng",
        "Nguyễn Văn Yên",
        None,
        ["Tài chính"],
        "Công văn về việc hỗ trợ kinh phí hoạt động cho các hội khoa học và kỹ thuật thành viên năm 2013.",
    ),
    (
        "48/QĐ-TW",
        datetime.date(2011, 11, 7),
        "Quyết định",
        "Ban Bí thư Trung ương Đảng",
        "Lê Hồng Anh",
        None,
        ["Tổ chức – bộ máy"],
        "Quyết định về việc thành lập Đảng đoàn Liên hiệp các Hội Khoa học và Kỹ thuật cấp tỉnh và chức năng, nhiệm vụ, quyền hạn của Đảng đoàn.",
    ),
    (
        "01",
        datetime.date(2011, 10, 26),
        "Hướng dẫn",
        "Liên hiệp các Hội KH&KT Việt Nam",
        "Phạm Văn Thuần",
        None,
        ["Tổ chức – bộ máy"],
        "Hướng dẫn tổ chức đại hội nhiệm kỳ của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh, thành phố trực thuộc Trung ương.",
    ),
    (
        "01/2011/TT-BTC",
        datetime.date(2011, 1, 6),
        "Thông tư",
        "Bộ Tài chính",
        "Phạm Sỹ Danh",
        datetime.date(2011, 2, 20),
        ["Tài chính", "Tư vấn, phản biện"],
        "Thông tư hướng dẫn quản lý và sử dụng kinh phí ngân sách nhà nước hỗ trợ cho Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam và các Liên hiệp Hội địa phương thực hiện nhiệm vụ tư vấn, phản biện và giám định xã hội.",
    ),
    (
        "48 CT/TU",
        datetime.date(2010, 9, 7),
        "Chỉ thị",
        "Tỉnh ủy Lâm Đồng",
        "Huỳnh Đức Hòa",
        None,
        ["Khoa học và công nghệ"],
        "Chỉ thị về tiếp tục tăng cường sự lãnh đạo của Đảng đối với Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh trong thời kỳ đẩy mạnh công nghiệp hóa, hiện đại hóa đất nước.",
    ),
]

# (replacing number, replaced number), (amending number, amended number)
REPLACES = [("582/QĐ-UBND", "2136/QĐ-UBND")]
AMENDS = [("50/QĐ-LHH", "44/QĐ-LHH")]

# The documents that get a generated PDF, with the body text to put in it.
FILES = {
    "582/QĐ-UBND": [
        "Điều 1. Phê duyệt Điều lệ (sửa đổi, bổ sung) của Liên hiệp các Hội Khoa học",
        "và Kỹ thuật tỉnh Lâm Đồng đã được Đại hội đại biểu lần thứ V thông qua.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày 10/04/2018 và thay thế",
        "Quyết định số 2136/QĐ-UBND ngày 28/09/2016 của UBND tỉnh.",
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Chủ tịch Liên hiệp Hội",
        "chịu trách nhiệm thi hành Quyết định này.",
    ],
    "44/QĐ-LHH": [
        "Điều 1. Ban hành kèm theo Quyết định này Thể lệ Hội thi Sáng tạo kỹ thuật",
        "tỉnh Lâm Đồng lần thứ VI (2015 - 2016).",
        "Lĩnh vực dự thi: cơ khí, tự động hóa; nông, lâm nghiệp; môi trường;",
        "công nghệ thông tin; y dược; giáo dục và đào tạo.",
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
    ],
    "01/2011/TT-BTC": [
        "Thông tư này hướng dẫn việc quản lý, sử dụng kinh phí ngân sách nhà nước",
        "hỗ trợ hoạt động tư vấn, phản biện và giám định xã hội.",
        "Nội dung chi: thuê chuyên gia phản biện, tổ chức hội thảo, khảo sát thực tế.",
        "Mức chi thù lao chuyên gia được thực hiện theo dự toán được duyệt.",
    ],
}


def seed(log):
    types = {}
    for order, name in enumerate(TYPES, start=1):
        types[name], _ = DocumentType.objects.get_or_create(name=name, defaults={"order": order})
    issuers = {}
    for order, name in enumerate(ISSUERS, start=1):
        issuers[name], _ = Issuer.objects.get_or_create(name=name, defaults={"order": order})
    fields = {}
    for order, name in enumerate(FIELDS, start=1):
        fields[name], _ = Field.objects.get_or_create(name=name, defaults={"order": order})

    documents, created_numbers = {}, set()
    for (
        number,
        issued_on,
        type_name,
        issuer,
        signer,
        effective_on,
        field_names,
        summary,
    ) in DOCUMENTS:
        document, created = Document.objects.get_or_create(
            number=number,
            issued_on=issued_on,
            defaults={
                "summary": summary,
                "type": types[type_name],
                "issuer": issuers[issuer],
                "signer": signer,
                "effective_on": effective_on,
                "validity": Validity.IN_FORCE,
                "status": Status.PUBLISHED,
            },
        )
        documents[number] = document
        if created:
            created_numbers.add(number)
            document.fields.set([fields[name] for name in field_names])
            log(f"Đã tạo văn bản {number}.")
            lines = FILES.get(number)
            if lines:
                DocumentFile(
                    document=document,
                    file=ContentFile(
                        make_pdf(lines, f"{type_name} {number}"),
                        name=f"{vn_slugify(number)}.pdf",
                    ),
                ).save()

    # Relations only for a document created now, so a relation staff removed
    # is not put back by the next seed.
    for source, target in REPLACES:
        if source in created_numbers:
            documents[source].replaces.add(documents[target])
    for source, target in AMENDS:
        if source in created_numbers:
            documents[source].amends.add(documents[target])
