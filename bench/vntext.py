"""Vietnamese text for the benchmark's generated content.

Sentences are assembled from phrase banks (subject, action, object,
complement), so articles read like an association's news, have realistic
lengths (titles ~12 words, summaries ~40, bodies 300–800) and share the
words real pages share ("khoa học", "hội nghị", "Liên hiệp Hội"…), which is
what makes search work hard. Every function takes a `random.Random`, so the
same seed gives the same text.
"""

SUBJECTS = [
    "Liên hiệp Hội",
    "Ban Thường vụ Liên hiệp Hội",
    "các hội thành viên",
    "đội ngũ trí thức khoa học và công nghệ",
    "Sở Khoa học và Công nghệ",
    "Ủy ban nhân dân tỉnh",
    "các nhà khoa học trong tỉnh",
    "hội viên các hội chuyên ngành",
    "Hội Tin học",
    "Hội Y học",
    "Hội Làm vườn và Trang trại",
    "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
    "Viện Nghiên cứu phát triển nông nghiệp",
    "Văn phòng Liên hiệp Hội",
    "Hội đồng tư vấn, phản biện",
    "Ban tổ chức hội thi",
    "lãnh đạo tỉnh",
    "đại biểu các sở, ban, ngành",
    "các doanh nghiệp khoa học và công nghệ",
    "Đoàn Thanh niên các trường đại học",
]

ACTIONS = [
    "đã tổ chức",
    "tiếp tục triển khai",
    "phối hợp thực hiện",
    "tích cực tham gia",
    "đề xuất",
    "tổng kết",
    "đánh giá kết quả",
    "xây dựng",
    "hoàn thành",
    "phổ biến",
    "chỉ đạo triển khai",
    "thảo luận về",
    "thống nhất thông qua",
    "ký kết chương trình phối hợp về",
    "trao giải thưởng cho",
    "khảo sát thực tế",
    "góp ý cho",
    "báo cáo tiến độ",
    "đẩy mạnh",
    "nghiệm thu",
]

OBJECTS = [
    "hội nghị tư vấn, phản biện và giám định xã hội",
    "chương trình chuyển giao tiến bộ kỹ thuật",
    "hội thi sáng tạo kỹ thuật tỉnh lần thứ mười",
    "kế hoạch phát triển khoa học và công nghệ",
    "các đề tài nghiên cứu ứng dụng",
    "mô hình nông nghiệp công nghệ cao",
    "giải thưởng sáng tạo khoa học công nghệ Việt Nam",
    "cuộc thi sáng tạo dành cho thanh thiếu niên nhi đồng",
    "dự thảo quy hoạch sử dụng đất",
    "đề án chuyển đổi số của tỉnh",
    "công tác thi đua khen thưởng",
    "hoạt động phổ biến kiến thức khoa học",
    "dự án bảo vệ môi trường và ứng phó biến đổi khí hậu",
    "chương trình tập huấn kỹ thuật trồng cà phê",
    "quy trình canh tác rau hoa an toàn",
    "nhiệm vụ trọng tâm của năm",
    "văn kiện đại hội nhiệm kỳ mới",
    "hội thảo khoa học về phát triển bền vững",
    "các sáng kiến cải tiến kỹ thuật",
    "chính sách tập hợp và phát huy trí thức",
    "hoạt động hợp tác quốc tế",
    "công tác xây dựng tổ chức hội",
    "đề tài bảo tồn nguồn gen dược liệu quý",
    "kết quả giám định xã hội các dự án đầu tư",
]

COMPLEMENTS = [
    "trên địa bàn tỉnh",
    "tại thành phố Đà Lạt",
    "tại thành phố Bảo Lộc",
    "ở các huyện vùng sâu, vùng xa",
    "trong năm qua",
    "trong sáu tháng đầu năm",
    "nhằm nâng cao hiệu quả hoạt động",
    "với sự tham dự của hơn hai trăm đại biểu",
    "theo chỉ đạo của Tỉnh ủy",
    "theo kế hoạch đã đề ra",
    "góp phần phát triển kinh tế – xã hội của địa phương",
    "đáp ứng yêu cầu của thời kỳ đổi mới",
    "với nhiều kết quả đáng ghi nhận",
    "dưới sự chủ trì của Chủ tịch Liên hiệp Hội",
    "cùng các chuyên gia đầu ngành",
    "bằng hình thức trực tiếp kết hợp trực tuyến",
    "một cách thiết thực và hiệu quả",
    "phù hợp với điều kiện thực tế của tỉnh",
]

CONNECTIVES = [
    "Bên cạnh đó,",
    "Tuy nhiên,",
    "Theo báo cáo,",
    "Phát biểu tại hội nghị,",
    "Trong thời gian tới,",
    "Đặc biệt,",
    "Ngoài ra,",
    "Kết quả cho thấy",
    "Nhìn chung,",
]

TITLE_HEADS = [
    "Hội nghị",
    "Hội thảo khoa học",
    "Tập huấn",
    "Tổng kết",
    "Khai mạc",
    "Lễ trao giải",
    "Đại hội đại biểu",
    "Liên hiệp Hội triển khai",
    "Tọa đàm",
    "Hội thi",
    "Ký kết phối hợp",
    "Sơ kết",
]

TITLE_TOPICS = [
    "tư vấn, phản biện và giám định xã hội",
    "sáng tạo kỹ thuật dành cho thanh thiếu niên",
    "ứng dụng khoa học và công nghệ vào sản xuất nông nghiệp",
    "phát triển đội ngũ trí thức khoa học",
    "chuyển đổi số trong hoạt động hội",
    "bảo vệ môi trường và tài nguyên rừng",
    "giải thưởng sáng tạo khoa học công nghệ",
    "công tác hội và phong trào thi đua",
    "nâng cao chất lượng hoạt động của các hội thành viên",
    "chăm sóc sức khỏe cộng đồng",
    "phát triển du lịch sinh thái bền vững",
    "trồng và chế biến cà phê chất lượng cao",
]

PLACES = [
    "tỉnh Lâm Đồng",
    "thành phố Đà Lạt",
    "thành phố Bảo Lộc",
    "huyện Đức Trọng",
    "huyện Lâm Hà",
    "khu vực Tây Nguyên",
    "các tỉnh Nam Trung Bộ",
]

FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ"]
MIDDLE_NAMES = ["Văn", "Thị", "Hữu", "Minh", "Thanh", "Quốc", "Ngọc", "Đức"]
GIVEN_NAMES = ["An", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Mai", "Nam", "Phương", "Sơn"]

QUESTION_OPENINGS = [
    "Xin hỏi thủ tục",
    "Cho tôi hỏi điều kiện",
    "Làm thế nào để đăng ký",
    "Hồ sơ cần chuẩn bị cho",
    "Thời hạn nộp hồ sơ",
    "Kinh phí hỗ trợ",
    "Quy định về",
]


def sentence(rng):
    """One sentence of about 15–22 words."""
    parts = [rng.choice(SUBJECTS), rng.choice(ACTIONS), rng.choice(OBJECTS)]
    parts.append(rng.choice(COMPLEMENTS))
    if rng.random() < 0.5:
        parts.append(rng.choice(COMPLEMENTS))
    text = " ".join(parts)
    if rng.random() < 0.25:
        text = f"{rng.choice(CONNECTIVES)} {text}"
    return text[0].upper() + text[1:] + "."


def words_of(text):
    return len(text.split())


def paragraphs(rng, min_words, max_words):
    """Paragraphs of 2–5 sentences adding up to min_words–max_words words."""
    target = rng.randint(min_words, max_words)
    result, count = [], 0
    while count < target:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        result.append(paragraph)
        count += words_of(paragraph)
    return result


def body_html(rng, min_words=300, max_words=800):
    return "\n".join(f"<p>{p}</p>" for p in paragraphs(rng, min_words, max_words))


def plain_text(rng, min_words, max_words):
    return "\n".join(paragraphs(rng, min_words, max_words))


def summary(rng):
    """About 40 words: two sentences."""
    return f"{sentence(rng)} {sentence(rng)}"


def title(rng, year=None):
    """About 12 words."""
    text = f"{rng.choice(TITLE_HEADS)} {rng.choice(TITLE_TOPICS)} {rng.choice(PLACES)}"
    if year:
        text += f" năm {year}"
    return text


def person(rng):
    return f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def question_title(rng):
    return f"{rng.choice(QUESTION_OPENINGS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)}"
