"""Demo news: the six categories, the two articles of the reference pages
with their full text, thirty-odd other articles over several years (some
with a cover image drawn with Pillow) and three notices. Rows are created
only when missing, so running the seed again changes nothing and never
overwrites what staff edited."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import format_html

from core.demoimages import banner_image
from core.models import ReviewStatus, Status
from core.review import TRANSITIONS
from core.text import vn_slugify
from medialibrary.models import MediaItem

from .models import Article, Category

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

# (slug, name, parent slug, order, shown on home, notices)
CATEGORIES = [
    ("tin-hoat-dong-lien-hiep-hoi", "Tin hoạt động Liên hiệp Hội", None, 1, True, False),
    ("tin-hoat-dong-lhh-viet-nam", "Tin hoạt động LHH Việt Nam", None, 2, True, False),
    ("tin-tuc-tong-hop", "Tin tức tổng hợp", None, 3, True, False),
    ("khoa-hoc-cong-nghe", "Khoa học & Công nghệ", "tin-tuc-tong-hop", 1, False, False),
    ("dai-hoi", "Đại hội", None, 4, True, False),
    ("thong-bao", "Thông báo", None, 5, False, True),
]

# Colour pairs for the drawn cover images.
BLUE = ((11, 58, 110), (47, 127, 208))
GREEN = ((20, 90, 50), (90, 170, 90))
RED = ((140, 30, 25), (230, 120, 40))
TEAL = ((10, 80, 90), (40, 160, 170))
PURPLE = ((60, 40, 110), (140, 90, 190))


# The reference articles: their first paragraph is the summary (sapo) shown
# above the body, so summary and body together are the full text.


def _html(paragraphs):
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


GIAO_BAN_2017 = {
    "title": "Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017",
    "category": "tin-hoat-dong-lhh-viet-nam",
    "published_at": (2017, 8, 16, 9, 0),
    "summary": (
        "Ngày 10/8/2017 tại Thành phố Hải Phòng, Liên hiệp Hội Việt Nam (LHHVN) đã tổ "
        "chức Hội nghị Giao ban toàn quốc năm 2017."
    ),
    "author": "NTC",
    "cover": ("Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017", BLUE),
    "cover_caption": "Ông Đặng Vũ Minh - Chủ tịch LHH VN phát biểu khai mạc",
    "is_featured": False,
    "body": _html(
        [
            "6 tháng đầu năm, LHH VN đã phối hợp với các cơ quan, tổ chức liên quan tổ chức Lễ tổng kết và trao Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam năm 2016, phát động Giải thưởng Sáng tạo khoa học công nghệ Việt Nam năm 2017; triển khai các nhiệm vụ nghiên cứu khoa học, chuyển giao tiến bộ kỹ thuật và bảo vệ môi trường; thực hiện các nội dung thông tin, truyền thông về các sự kiện, hoạt động của LHH VN; tích cực triển khai công tác giám sát, kiểm tra hoạt động sử dụng viện trợ của các tổ chức trực thuộc, thúc đẩy triển khai các kế hoạch hợp tác với một số Bộ, ngành, địa phương, cơ quan đã có những ký kết thoả thuận với Liên hiệp Hội Việt Nam: Bộ Khoa học và Công nghệ, Bộ Tài nguyên và Môi trường, Bộ Nông nghiệp và Phát triển nông thôn, các Uỷ ban của Quốc hội.",
            "Các LHH địa phương chú ý công tác phát triển tổ chức, tập hợp đoàn kết và tạo điều kiện cho đội ngũ trí thức tham gia các hoạt động KHCN; tham gia công tác tư vấn, phản biện, giám định xã hội được nhiều đề tài, dự án quan trọng của địa phương về phát triển kinh tế - xã hội; các hoạt động tôn vinh sáng tạo - kỹ thuật, nghiên cứu khoa học, tuyên truyền phổ biến kiến thức KHCN đã có nhiều tiến bộ, thiết thực cho xã hội. Một số LHH khu vực đã chủ động phối hợp để trao đổi kinh nghiệm xây dựng tổ chức bộ máy, nhân sự, kinh nghiệm tư vấn, phản biện. Nhiều LHH địa phương đã có những chương trình liên kết, phối hợp hoạt động với Sở Khoa học Công nghệ, Sở Nông nghiệp - phát triển nông thôn, Sở Tài nguyên – Môi trường, các tổ chức KHCN tổ chức các hội thảo, hội nghị, tập huấn.",
            "Tuy nhiên còn nhiều khó khăn trong tập hợp đội ngũ trí thức chuyên ngành chưa nhiều, nhất là trí thức trẻ, trong doanh nghiệp, trí thức ở ngoài tỉnh.",
            "Hoạt động phổ biến kiến thức khoa học đạt hiệu quả chưa cao; nội dung và phương thức hoạt động chưa phong phú, đa dạng; công tác tham mưu với lãnh đạo chưa hiệu quả. Hoạt động tư vấn, phản biện giám định xã hội chưa tương xứng với tiềm năng,..",
            "Nguyên nhân của hạn chế trên là do nhận thức về vị trí, vai trò công tác hội của một số lãnh đạo cơ quan Đảng, quản lý Nhà nước về công tác hội chưa đầy đủ; chế độ chính sách không rõ ràng, cơ sở vật chất, trang thiết bị thiếu thốn. Các cơ quan quản lí chuyên môn trên địa bàn chưa tích cực phối hợp hoạt động với LHH. Mối quan hệ với các hội thành viên trong hệ thống chưa thật gắn bó, nhân sự của LHH một số nơi chưa năng động, chủ động trong hoạt động. Công tác xã hội hóa để có nguồn lực hỗ hoạt động còn hạn chế.",
            "Kết luận hội nghị, ông Đặng Vũ Minh nhấn mạnh LHH địa phương cần triển khai những nhiệm vụ theo văn kiện Đại hội VII của LHHVN đã đề ra. LHHVN tiếp tục tham mưu đảng, nhà nước tạo điều kiện thuận lợi để củng cố và phát triển tổ chức LHH. Tổ chức triển khai có hiệu quả các nhiệm vụ chuyên môn; nâng cao hiệu quả hoạt động tư vấn phản biện và giám định xã hội; hoạt động phổ biến kiến thức khoa học và công nghệ, ứng dụng KH&amp;CN vào đời sống và sản xuất; quan tâm đến phong trào sáng tạo KH&amp;CN, công tác thi đua khen thưởng và tôn vinh trí thức. LHH VN sẽ đẩy mạnh phối hợp hoạt động với các cơ quan Đảng, Quốc hội, Chính phủ nhằm tăng cường vai trò, vị trí của Liên hiệp Hội trong hệ thống chính trị. Tiếp tục hoạt động hợp tác, phối hợp với các Bộ, ngành có liên quan trên cơ sở các chương trình phối hợp đã ký kết; chủ động tham gia các hoạt động giám sát do Quốc hội, Mặt trận Tổ quốc Việt Nam tổ chức. Đẩy mạnh hoạt động hợp tác quốc tế giữa Liên hiệp Hội Việt Nam và các hội thành viên của Liên hiệp Hội với một số tổ chức quốc tế, chú trọng các nước đối tác chiến lược có tiềm lực KH&amp;CN mạnh...",
        ]
    ),
}

LAM_DONG_2017 = {
    "title": (
        "Liên hiệp Hội Lâm Đồng tiếp tục vươn lên với vai trò là tổ chức chính trị - xã hội "
        "của đội ngũ trí thức khoa học và công nghệ trên địa bàn tỉnh"
    ),
    "category": "khoa-hoc-cong-nghe",
    "published_at": (2017, 10, 13, 8, 0),
    "summary": (
        "Trải qua 4 kỳ đại hội với hơn 23 năm hoạt động, Liên hiệp các Hội Khoa học & Kỹ "
        "thuật tỉnh Lâm Đồng (Liên hiệp Hội) đã luôn phấn đấu vươn lên thực hiện chức năng, "
        "nhiệm vụ và từng bước khẳng định vai trò là tổ chức Chính trị - Xã hội của đội ngũ "
        "trí thức khoa học - công nghệ ở địa phương."
    ),
    "author": "",
    "cover": None,
    "cover_caption": "",
    "is_featured": False,
    "body": _html(
        [
            "Tính đến nay, Liên hiệp Hội đã tập hợp được hơn 40 tổ chức thành viên với trên 15.000 người, chiếm 26,4% trí thức của tỉnh, trở thành nơi tập hợp đoàn kết đông đảo đội ngũ trí thức trên địa bàn và khu vực.",
            "Hàng năm Liên hiệp Hội tiếp nhận sự chỉ đạo của Liên hiệp Hội Việt Nam, của tỉnh ủy, HĐND, UBND, UBMTTQVN tỉnh, phối hợp trách nhiệm với các sở, ngành, đoàn thể và các địa phương triển khai các hoạt động tuyên truyền, phổ biến kiến thức, nghiên cứu khoa học, tư vấn - phản biện, tập hợp tôn vinh trí thức, xây dựng phong trào sáng tạo kỹ thuật… đạt được chất lượng, hiệu quả.",
            "Đảng đoàn Liên hiệp Hội được thành lập năm 1999 là tổ chức Đảng do Ban thường vụ tỉnh ủy quyết định và trực tiếp quản lý, luôn phát huy vai trò của mình là hạt nhân chính trị trong việc triển khai, thực hiện đường lối, chính sách, chỉ thị, nghị quyết của Đảng và Nhà nước, xây dựng chương trình hành động, xác định phương hướng, kế hoạch công tác trong từng thời gian để triển khai. Làm cho Liên hiệp Hội không ngừng phát triển về mọi mặt kể cả về tổ chức và hoạt động. Môi trường hoạt động của trí thức được mở rộng, phát huy dân chủ, đáp ứng ngày càng tốt hơn cho sự nghiệp phát triển kinh tế - xã hội của địa phương.",
            "Tuy nhiên, một cách tổng thể trong 5 năm qua (2012-2017), mặc dù Liên hiệp Hội với vai trò là tổ chức chính trị - xã hội của đội ngủ trí thức khoa học - công nghệ trên địa bàn tỉnh đã rất nỗ lực trong tập hợp, đoàn kết và phát huy vai trò đội ngũ trí thức nhưng nhìn chung vẫn còn những hạn chế và khó khăn nhất định. Cơ chế để thực hiện chức năng tập hợp đoàn kết đội ngũ trí thức chưa rõ ràng, chưa có những tiêu chí, điều kiện cụ thể để Liên hiệp Hội làm tốt công tác điều hoà phối hợp với các tổ chức hội thành viên. Sự lãnh đạo, quản lý đối với các tổ chức hội có lúc có nơi còn lỏng lẽo làm cho vai trò của đội ngũ trí thức ở các tổ chức này chưa phát huy được hoặc có phát huy được nhưng hiệu quả thấp.",
            "Từ những kết quả đạt được cũng như hạn chế nêu trên, trong nhiệm kỳ 5 năm tới (2017-2022), Liên hiệp Hội tiếp tục phấn đấu xây dựng trở thành tổ chức chính trị - xã hội vững mạnh, giữ vai trò nòng cốt trong việc tập hợp, đoàn kết và phát huy sức sáng tạo của đội ngũ trí thức khoa học - công nghệ góp phần đưa khoa học và công nghệ trở thành động lực phát triển kinh tế - xã hội của tỉnh. Để đạt được mục tiêu đó Liên hiệp Hội sẽ tiếp tục củng cố, kiện toàn và phát triển tổ chức, không ngừng đổi mới nội dung và phương thức hoạt động để xứng đáng hơn nữa với vai trò là tổ chức chính trị - xã hội của đội ngũ trí thức khoa học - công nghệ ở địa phương.",
            "Tập trung củng cố xây dựng và phát triển tổ chức Liên hiệp Hội theo hướng nâng cao tính chuyên nghiệp, hiệu quả hoạt động và dịch vụ xã hội, nâng cao nhận thức chính trị và đạo đức nghề nghiệp cho hội viên trong các tổ chức Hội, đặc biệt là các hội viên trẻ, bồi dưỡng chuyên môn nghiệp vụ cho cán bộ hoạt động Hội, tạo điều kiện để phát triển Hội Khoa học kỹ thuật ở địa phương theo đúng quy định của pháp luật.",
            "Đổi mới và nâng cáo hiệu quả việc tổ chức hoạt động, quán triệt các chỉ thị, nghị quyết, chủ trương, chính sách của Đảng và Nhà nước phù hợp với đối tượng trí thức. Đẩy mạnh công tác chính trị, tư tưởng giúp trí thức khoa học - công nghệ nhận thức sâu sắc vai trò trách nhiệm của mình đối với đất nước, dân tộc và địa phương; phát huy tính sáng tạo, tinh thần hợp tác trong lao động khoa học - công nghệ.",
            "Tăng cường mối quan hệ hợp tác về khoa học - công nghệ giữa Liên hiệp Hội với các sở, ban, ngành, đoàn thể, doanh nghiệp và các địa phương; làm tốt hơn nữa vai trò điều hoà, phối hợp đối với các hội thành viên.",
            "Phát huy dân chủ, tôn trọng tự do sáng tạo trong hoạt động khoa học - công nghệ nhằm thu hút, tập hợp ngày càng đông đảo trí thức khoa học - công nghệ tham gia vào các hoạt động của Hội và của tỉnh.",
            "Tiếp tục tham mưu UBND tỉnh thể chế hoá, ban hành các văn bản pháp quy liên quan đến đoạt động của Liên hiệp Hội, tăng cường sự lãnh đạo của Đảng đối với Liên hiệp các Hội Khoa học &amp; Kỹ thuật tỉnh Lâm Đồng.",
            "Với định hướng đó, chúng ta có quyền hy vọng thời gian không xa Liên hiệp các Hội Khoa học &amp; Kỹ thuật tỉnh Lâm Đồng sẽ tiếp tục phấn đấu vươn lên xứng đáng với vai trò là tổ chức chính trị - xã hội vững mạnh của đội ngũ trí thức khoa học - công nghệ trên địa bàn tỉnh.",
        ]
    ),
}

# (category, published at, title, summary, paragraphs, sign-off, cover colours, featured)
ARTICLES = [
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2026, 11, 14, 8, 30),
        "Khai mạc Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XI (2026 - 2027)",
        "Sáng 14/11, Liên hiệp Hội phối hợp với Sở Khoa học và Công nghệ tổ chức lễ phát động Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XI với nhiều lĩnh vực dự thi mới.",
        [
            "Hội thi năm nay mở rộng thêm lĩnh vực chuyển đổi số và kinh tế tuần hoàn, bên cạnh các lĩnh vực truyền thống như nông nghiệp công nghệ cao, cơ khí, y dược, giáo dục và môi trường.",
            "Theo Ban Tổ chức, giải pháp dự thi được nhận đến hết ngày 30/6/2027. Các tác giả là cá nhân, tập thể đang sinh sống, làm việc trên địa bàn tỉnh đều có thể tham gia.",
            "Phát biểu tại buổi lễ, Chủ tịch Liên hiệp Hội đề nghị các sở, ngành, địa phương tuyên truyền rộng rãi để phong trào sáng tạo lan tỏa đến từng cơ sở sản xuất, trường học.",
        ],
        "Văn phòng Liên hiệp Hội",
        BLUE,
        True,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2026, 10, 28, 9, 0),
        "Tư vấn, phản biện đề án phát triển du lịch xanh vùng Langbiang",
        "Liên hiệp Hội tổ chức hội thảo tư vấn, phản biện đề án phát triển du lịch xanh gắn với bảo tồn cảnh quan khu dự trữ sinh quyển Langbiang.",
        [
            "Hơn 40 chuyên gia thuộc các lĩnh vực lâm nghiệp, quy hoạch, văn hóa và du lịch đã đóng góp ý kiến cho dự thảo đề án.",
            "Các ý kiến tập trung vào sức chứa của điểm đến, quản lý chất thải và vai trò của cộng đồng người K'Ho trong chuỗi giá trị du lịch.",
            "Liên hiệp Hội sẽ tổng hợp báo cáo phản biện gửi UBND tỉnh trong tháng 11.",
        ],
        "Ban Khoa học",
        GREEN,
        True,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2026, 9, 20, 14, 0),
        "Tập huấn kỹ năng truyền thông khoa học cho cán bộ các hội thành viên",
        "Hơn 60 cán bộ các hội thành viên tham gia lớp tập huấn kỹ năng viết tin, chụp ảnh và quản trị trang thông tin điện tử.",
        [
            "Lớp tập huấn kéo dài hai ngày với các chuyên đề về viết tin bài khoa học dễ hiểu, an toàn thông tin và sử dụng mạng xã hội đúng quy định.",
            "Học viên được thực hành đăng tin trên trang thông tin điện tử mới của Liên hiệp Hội.",
        ],
        "P.V",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2026, 6, 5, 8, 0),
        "Trao giải Cuộc thi Sáng tạo thanh thiếu niên, nhi đồng tỉnh Lâm Đồng năm 2026",
        "42 mô hình, sản phẩm của học sinh đã đạt giải, trong đó 6 sản phẩm được chọn dự thi toàn quốc.",
        [
            "Cuộc thi năm nay nhận được 215 sản phẩm từ 12 huyện, thành phố, tăng gần 30% so với năm trước.",
            "Nhiều sản phẩm gắn với thực tiễn địa phương như máy sấy cà phê dùng năng lượng mặt trời, hệ thống cảnh báo sạt lở đất cho vùng đồi dốc.",
        ],
        "Minh Châu",
        RED,
        True,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2025, 12, 18, 9, 0),
        "Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026",
        "Năm 2025, Liên hiệp Hội hoàn thành 12 hoạt động tư vấn, phản biện và tổ chức thành công Hội thi Sáng tạo kỹ thuật lần thứ X.",
        [
            "Hội nghị đánh giá cao sự phối hợp của các hội thành viên trong công tác phổ biến kiến thức và tôn vinh trí thức.",
            "Năm 2026, Liên hiệp Hội tập trung vào chuyển đổi số hoạt động hội và phát triển hội viên trẻ.",
        ],
        "Văn phòng Liên hiệp Hội",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2025, 8, 22, 10, 0),
        "Gặp mặt trí thức tiêu biểu nhân kỷ niệm ngày thành lập Liên hiệp Hội",
        "Liên hiệp Hội gặp mặt, tôn vinh 30 trí thức khoa học và công nghệ tiêu biểu có nhiều đóng góp cho tỉnh.",
        [
            "Các trí thức được tôn vinh hoạt động trong các lĩnh vực y tế, giáo dục, nông nghiệp, năng lượng và bảo tồn thiên nhiên.",
            "Buổi gặp mặt cũng là dịp để các nhà khoa học góp ý cho chương trình hoạt động của Liên hiệp Hội.",
        ],
        "Thu Hà",
        PURPLE,
        False,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2024, 11, 12, 8, 30),
        "Phổ biến kiến thức về sử dụng thuốc bảo vệ thực vật an toàn cho nông dân Đơn Dương",
        "Hơn 200 nông dân huyện Đơn Dương được hướng dẫn sử dụng thuốc bảo vệ thực vật đúng cách, giảm tồn dư trên rau.",
        [
            "Chương trình do Hội Bảo vệ thực vật tỉnh phối hợp với Liên hiệp Hội thực hiện tại 4 xã trồng rau trọng điểm.",
            "Nông dân được thực hành pha chế, phun thuốc đúng liều lượng và thu gom vỏ bao bì sau sử dụng.",
        ],
        "Hội Bảo vệ thực vật",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2023, 5, 16, 9, 0),
        "Hội thảo giải pháp nâng cao chất lượng cà phê Robusta vùng Di Linh",
        "Các nhà khoa học và doanh nghiệp bàn giải pháp tái canh, chế biến sâu và xây dựng chỉ dẫn địa lý cho cà phê Di Linh.",
        [
            "Hội thảo nhấn mạnh vai trò của giống mới và quy trình thu hái chín trên 90% để nâng giá trị hạt cà phê.",
            "Nhiều hợp tác xã đã ký kết bao tiêu sản phẩm với doanh nghiệp chế biến ngay tại hội thảo.",
        ],
        "Ngọc Lan",
        GREEN,
        False,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2021, 3, 10, 8, 0),
        "Ra mắt Câu lạc bộ Trí thức trẻ Lâm Đồng",
        "Câu lạc bộ tập hợp hơn 80 trí thức trẻ dưới 35 tuổi đang làm việc tại các viện, trường, doanh nghiệp trên địa bàn.",
        [
            "Câu lạc bộ sẽ là nơi chia sẻ ý tưởng khởi nghiệp đổi mới sáng tạo và kết nối với các chuyên gia đầu ngành.",
            "Ban chủ nhiệm lâm thời gồm 7 thành viên, nhiệm kỳ 2 năm.",
        ],
        "P.V",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2026, 10, 10, 15, 0),
        "Liên hiệp Hội Việt Nam tổng kết Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam 2025",
        "Giải thưởng năm 2025 trao cho 58 công trình thuộc các lĩnh vực công nghệ thông tin, y dược, nông nghiệp và môi trường.",
        [
            "Nhiều công trình đã được ứng dụng rộng rãi, mang lại hiệu quả kinh tế - xã hội rõ rệt.",
            "Lâm Đồng có một công trình về nhân giống hoa lan bằng nuôi cấy mô đạt giải Ba.",
        ],
        "Theo vusta.vn",
        BLUE,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2025, 7, 25, 9, 0),
        "Hội nghị giao ban các Liên hiệp Hội địa phương khu vực miền Trung - Tây Nguyên",
        "Hội nghị trao đổi kinh nghiệm tư vấn, phản biện và xây dựng tổ chức hội trong bối cảnh sắp xếp đơn vị hành chính.",
        [
            "Đại biểu 16 Liên hiệp Hội địa phương tham dự và chia sẻ kinh nghiệm thu hút hội viên trẻ.",
            "Liên hiệp Hội Việt Nam đề nghị các địa phương chủ động tham mưu cấp ủy về tổ chức bộ máy sau sắp xếp.",
        ],
        "Theo vusta.vn",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2024, 4, 18, 8, 30),
        "Phát động Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam năm 2024",
        "Giải thưởng tiếp tục hướng tới các giải pháp sáng tạo có khả năng ứng dụng cao trong sản xuất và đời sống.",
        [
            "Hồ sơ tham dự gửi về Liên hiệp Hội các tỉnh, thành phố trước ngày 31/8/2024.",
            "Mỗi tác giả hoặc nhóm tác giả được gửi nhiều công trình dự thi.",
        ],
        "Theo vusta.vn",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2022, 9, 14, 9, 0),
        "Liên hiệp Hội Việt Nam góp ý dự thảo Luật Khoa học, Công nghệ và Đổi mới sáng tạo",
        "Các nhà khoa học đề xuất cơ chế khoán chi đến sản phẩm cuối cùng và chấp nhận rủi ro trong nghiên cứu.",
        [
            "Hội thảo thu hút nhiều ý kiến tâm huyết về quyền tự chủ của tổ chức khoa học và công nghệ công lập.",
            "Các góp ý sẽ được tổng hợp gửi Bộ Khoa học và Công nghệ.",
        ],
        "Theo vusta.vn",
        TEAL,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2019, 12, 20, 8, 0),
        "Tổng kết hoạt động Liên hiệp Hội Việt Nam năm 2019",
        "Năm 2019, hệ thống Liên hiệp Hội thực hiện hơn 1.200 hoạt động tư vấn, phản biện và giám định xã hội.",
        [
            "Hoạt động phổ biến kiến thức khoa học được đổi mới với nhiều hình thức truyền thông số.",
            "Công tác tôn vinh trí thức tiếp tục được quan tâm với nhiều giải thưởng uy tín.",
        ],
        "Theo vusta.vn",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2017, 5, 19, 8, 30),
        "Liên hiệp Hội Việt Nam tổ chức Lễ trao Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam năm 2016",
        "Giải thưởng năm 2016 tôn vinh 46 công trình khoa học có giá trị ứng dụng cao trong sản xuất và đời sống.",
        [
            "Lễ trao giải có sự tham dự của lãnh đạo Đảng, Nhà nước và đông đảo các nhà khoa học.",
            "Các công trình đoạt giải thuộc lĩnh vực công nghệ thông tin, cơ khí, y dược, nông nghiệp và bảo vệ môi trường.",
        ],
        "NTC",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2017, 3, 8, 9, 0),
        "Liên hiệp Hội Việt Nam triển khai nhiệm vụ tư vấn, phản biện năm 2017",
        "Năm 2017, Liên hiệp Hội Việt Nam tập trung tư vấn, phản biện các dự án luật và chương trình phát triển kinh tế - xã hội lớn.",
        [
            "Các Liên hiệp Hội địa phương được đề nghị chủ động đăng ký nhiệm vụ với UBND tỉnh, thành phố.",
            "Liên hiệp Hội Việt Nam sẽ tổ chức tập huấn nghiệp vụ tư vấn, phản biện cho cán bộ các địa phương.",
        ],
        "NTC",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lhh-viet-nam",
        (2018, 6, 8, 8, 30),
        "Hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2018",
        "Hội nghị đánh giá kết quả 6 tháng đầu năm và triển khai Nghị quyết 45-NQ/TW về xây dựng và phát huy vai trò đội ngũ trí thức.",
        [
            "Các đại biểu kiến nghị sớm ban hành cơ chế tài chính cho hoạt động tư vấn, phản biện.",
            "Liên hiệp Hội Việt Nam sẽ tăng cường hướng dẫn nghiệp vụ cho các Liên hiệp Hội địa phương.",
        ],
        "NTC",
        None,
        False,
    ),
    (
        "tin-tuc-tong-hop",
        (2026, 11, 2, 9, 0),
        "Lâm Đồng đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
        "Tỉnh đặt mục tiêu 100% hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình vào năm 2027.",
        [
            "Các sở, ngành đang hoàn thiện cơ sở dữ liệu chuyên ngành và kết nối với nền tảng tích hợp, chia sẻ dữ liệu của tỉnh.",
            "Người dân có thể theo dõi tình trạng hồ sơ qua ứng dụng di động và nhận kết quả qua dịch vụ bưu chính.",
        ],
        "Hoàng Long",
        TEAL,
        False,
    ),
    (
        "tin-tuc-tong-hop",
        (2025, 10, 3, 10, 0),
        "Đà Lạt được công nhận thành phố sáng tạo về âm nhạc của UNESCO: cơ hội cho trí thức văn hóa",
        "Danh hiệu mở ra cơ hội hợp tác quốc tế về đào tạo, nghiên cứu và bảo tồn di sản âm nhạc.",
        [
            "Các hội văn học nghệ thuật và trường đại học trên địa bàn đang xây dựng chương trình phối hợp.",
            "Liên hiệp Hội sẽ tổ chức tọa đàm về vai trò của trí thức trong phát triển công nghiệp văn hóa.",
        ],
        "Lê Vy",
        None,
        False,
    ),
    (
        "tin-tuc-tong-hop",
        (2024, 2, 26, 8, 0),
        "Nông nghiệp công nghệ cao giúp nông dân Lạc Dương tăng thu nhập",
        "Nhiều hộ dân chuyển sang trồng rau, hoa trong nhà kính, thu nhập bình quân đạt trên 1 tỷ đồng mỗi héc-ta mỗi năm.",
        [
            "Việc ứng dụng tưới nhỏ giọt và cảm biến độ ẩm giúp tiết kiệm 40% lượng nước tưới.",
            "Huyện đang hỗ trợ nông dân xây dựng mã số vùng trồng để xuất khẩu.",
        ],
        "Quốc Bảo",
        GREEN,
        False,
    ),
    (
        "tin-tuc-tong-hop",
        (2020, 7, 15, 9, 0),
        "Lâm Đồng chủ động phòng chống dịch COVID-19, bảo đảm sản xuất",
        "Các hội y học, dược học đã tham gia tư vấn phương án phòng dịch cho doanh nghiệp và khu công nghiệp.",
        [
            "Liên hiệp Hội vận động các hội thành viên ủng hộ vật tư y tế cho tuyến đầu chống dịch.",
            "Nhiều trí thức tình nguyện tham gia tổ tư vấn sức khỏe từ xa cho người dân.",
        ],
        "P.V",
        None,
        False,
    ),
    (
        "khoa-hoc-cong-nghe",
        (2026, 8, 12, 8, 30),
        "Nhân giống thành công lan Hài Đà Lạt bằng nuôi cấy mô",
        "Nhóm nghiên cứu của Viện Sinh học Tây Nguyên đã nhân giống thành công loài lan Hài quý hiếm, góp phần bảo tồn nguồn gen.",
        [
            "Quy trình cho tỷ lệ cây sống sau khi ra vườn ươm đạt trên 85%.",
            "Kết quả mở ra hướng sản xuất thương mại, giảm áp lực khai thác lan rừng.",
        ],
        "Thanh Tâm",
        PURPLE,
        True,
    ),
    (
        "khoa-hoc-cong-nghe",
        (2026, 3, 24, 9, 0),
        "Ứng dụng ảnh vệ tinh giám sát biến động rừng tỉnh Lâm Đồng",
        "Hệ thống cảnh báo sớm mất rừng dùng ảnh vệ tinh Sentinel-2 giúp lực lượng kiểm lâm phát hiện vi phạm nhanh hơn.",
        [
            "Dữ liệu được cập nhật 5 ngày một lần và gửi cảnh báo tự động đến điện thoại của cán bộ phụ trách địa bàn.",
            "Trong 6 tháng thử nghiệm, hệ thống đã phát hiện 37 điểm nghi phá rừng.",
        ],
        "Đức Anh",
        TEAL,
        False,
    ),
    (
        "khoa-hoc-cong-nghe",
        (2025, 5, 9, 8, 0),
        "Máy sấy nông sản dùng năng lượng mặt trời kết hợp bơm nhiệt",
        "Giải pháp của một kỹ sư Bảo Lộc giúp giảm 60% chi phí điện năng khi sấy chè và cà phê.",
        [
            "Máy có thể sấy 500 kg sản phẩm mỗi mẻ, giữ được màu sắc và hương vị tự nhiên.",
            "Giải pháp đã đạt giải Nhất Hội thi Sáng tạo kỹ thuật tỉnh.",
        ],
        "Minh Châu",
        RED,
        False,
    ),
    (
        "khoa-hoc-cong-nghe",
        (2023, 10, 30, 9, 0),
        "Nghiên cứu chế phẩm sinh học xử lý phụ phẩm cà phê làm phân bón",
        "Chế phẩm giúp rút ngắn thời gian ủ vỏ cà phê từ 6 tháng xuống còn 45 ngày.",
        [
            "Phân hữu cơ tạo ra có hàm lượng dinh dưỡng đạt tiêu chuẩn, giảm chi phí phân bón cho nông dân.",
            "Nhóm nghiên cứu đang chuyển giao cho các hợp tác xã tại Di Linh và Lâm Hà.",
        ],
        "Ngọc Lan",
        None,
        False,
    ),
    (
        "khoa-hoc-cong-nghe",
        (2021, 11, 5, 8, 30),
        "Hệ thống quan trắc tự động cảnh báo sạt lở đất tại đèo Prenn",
        "Các cảm biến đo độ ẩm và dịch chuyển đất được lắp đặt tại những điểm có nguy cơ cao.",
        [
            "Số liệu được truyền về trung tâm điều hành để cảnh báo kịp thời cho người tham gia giao thông.",
            "Hệ thống do các nhà khoa học trong tỉnh thiết kế, chi phí thấp hơn nhiều so với thiết bị nhập khẩu.",
        ],
        "Đức Anh",
        None,
        False,
    ),
    (
        "khoa-hoc-cong-nghe",
        (2019, 4, 11, 9, 0),
        "Giống dâu tây mới cho năng suất cao, kháng bệnh phấn trắng",
        "Giống dâu tây được chọn tạo tại Đà Lạt cho năng suất cao hơn 20% so với giống đang trồng phổ biến.",
        [
            "Giống mới thích hợp trồng trên giá thể trong nhà kính, quả to, vị ngọt đậm.",
            "Sở Nông nghiệp đã công nhận giống sản xuất thử tại 3 địa phương.",
        ],
        "Thu Hà",
        GREEN,
        False,
    ),
    (
        "dai-hoi",
        (2022, 10, 20, 8, 0),
        "Đại hội đại biểu Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng lần thứ V, nhiệm kỳ 2022 - 2027",
        "Đại hội bầu Ban Chấp hành gồm 35 ủy viên và thông qua phương hướng hoạt động nhiệm kỳ 2022 - 2027.",
        [
            "Đại hội xác định mục tiêu xây dựng Liên hiệp Hội vững mạnh, là trung tâm tập hợp, đoàn kết trí thức khoa học và công nghệ của tỉnh.",
            "Nhiệm kỳ mới tập trung vào tư vấn, phản biện các đề án lớn của tỉnh và phát triển hội viên trẻ.",
            "Đại hội cũng thông qua Điều lệ sửa đổi của Liên hiệp Hội.",
        ],
        "Văn phòng Liên hiệp Hội",
        BLUE,
        False,
    ),
    (
        "dai-hoi",
        (2022, 9, 5, 9, 0),
        "Hội Y học tỉnh Lâm Đồng tổ chức Đại hội nhiệm kỳ 2022 - 2027",
        "Đại hội đề ra mục tiêu phát triển hội viên tại tất cả các cơ sở y tế công lập và tư nhân.",
        [
            "Hội sẽ tăng cường đào tạo liên tục và hội nghị khoa học chuyên ngành.",
            "Ban Chấp hành mới gồm 21 ủy viên.",
        ],
        "P.V",
        None,
        False,
    ),
    (
        "dai-hoi",
        (2021, 6, 18, 8, 30),
        "Hội Kiến trúc sư Lâm Đồng đại hội nhiệm kỳ mới",
        "Đại hội tập trung thảo luận về vai trò của kiến trúc sư trong gìn giữ cảnh quan đô thị Đà Lạt.",
        [
            "Các đại biểu kiến nghị có quy chế quản lý kiến trúc riêng cho các khu vực di sản.",
            "Hội sẽ tổ chức cuộc thi ý tưởng thiết kế nhà ở phù hợp khí hậu cao nguyên.",
        ],
        "P.V",
        None,
        False,
    ),
    (
        "dai-hoi",
        (2017, 9, 22, 8, 0),
        "Đại hội đại biểu Liên hiệp Hội tỉnh Lâm Đồng lần thứ IV, nhiệm kỳ 2017 - 2022",
        "Đại hội tổng kết 23 năm hoạt động và đề ra phương hướng nhiệm kỳ 2017 - 2022.",
        [
            "Đại hội khẳng định vai trò của Liên hiệp Hội là tổ chức chính trị - xã hội của đội ngũ trí thức.",
            "Ban Chấp hành khóa IV gồm 31 ủy viên.",
        ],
        "Văn phòng Liên hiệp Hội",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2019, 9, 10, 8, 0),
        "Hội thảo khoa học về quản lý tài nguyên nước lưu vực sông Đồng Nai",
        "Hội thảo đề xuất cơ chế phối hợp liên tỉnh trong vận hành hồ chứa và bảo vệ rừng đầu nguồn.",
        [
            "Các chuyên gia cảnh báo nguy cơ thiếu nước vào mùa khô ở vùng hạ du nếu rừng đầu nguồn tiếp tục suy giảm.",
            "Liên hiệp Hội sẽ kiến nghị UBND tỉnh các giải pháp bảo vệ rừng phòng hộ.",
        ],
        "Ban Khoa học",
        None,
        False,
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        (2018, 3, 28, 9, 0),
        "Tôn vinh các điển hình trong phong trào lao động sáng tạo năm 2017",
        "15 tập thể và 27 cá nhân được khen thưởng vì có nhiều sáng kiến cải tiến kỹ thuật.",
        [
            "Các sáng kiến đã giúp tiết kiệm hàng tỷ đồng chi phí sản xuất cho doanh nghiệp.",
            "Phong trào lao động sáng tạo tiếp tục lan tỏa rộng rãi trong công nhân, viên chức.",
        ],
        "P.V",
        None,
        False,
    ),
    (
        "tin-tuc-tong-hop",
        (2018, 11, 20, 8, 0),
        "Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Lâm Đồng",
        "Hơn 50 dự án khởi nghiệp của thanh niên và sinh viên được giới thiệu tới các nhà đầu tư.",
        [
            "Nhiều dự án khai thác thế mạnh nông sản, du lịch của địa phương.",
            "Ba dự án đã nhận cam kết đầu tư ngay tại ngày hội.",
        ],
        "Quốc Bảo",
        None,
        False,
    ),
]

# (published at, title, summary, paragraphs)
NOTICES = [
    (
        (2026, 11, 10, 7, 30),
        "Thông báo nhận hồ sơ dự thi Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XI",
        "Ban Tổ chức nhận hồ sơ dự thi đến hết ngày 30/6/2027 tại Văn phòng Liên hiệp Hội.",
        [
            "Hồ sơ gồm: phiếu đăng ký, bản mô tả giải pháp, tài liệu chứng minh khả năng áp dụng và hiệu quả.",
            "Mọi thắc mắc xin liên hệ Văn phòng Liên hiệp Hội, điện thoại 0263 3822 466.",
        ],
    ),
    (
        (2026, 10, 1, 7, 30),
        "Thông báo lịch tiếp công dân quý IV năm 2026",
        "Thường trực Liên hiệp Hội tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở cơ quan.",
        [
            "Công dân đến liên hệ mang theo giấy tờ tùy thân và tài liệu liên quan.",
            "Trường hợp thay đổi lịch, Văn phòng sẽ thông báo trên trang thông tin điện tử.",
        ],
    ),
    (
        (2026, 8, 20, 7, 30),
        "Thông báo tuyển chọn chuyên gia tham gia Hội đồng tư vấn, phản biện năm 2027",
        "Liên hiệp Hội tuyển chọn chuyên gia các lĩnh vực quy hoạch, môi trường, nông nghiệp, y tế và giáo dục.",
        [
            "Ứng viên gửi lý lịch khoa học và danh mục công trình về Văn phòng trước ngày 30/9/2026.",
            "Chuyên gia được chọn sẽ tham gia các hội đồng theo từng chuyên đề cụ thể.",
        ],
    ),
]


# Notices with an end date (hiển thị đến): the first leaves the lists when
# its deadline has passed; the second already has (its page says so).
NOTICE_END_DATES = {
    "Thông báo nhận hồ sơ dự thi Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ XI": (
        2027,
        7,
        1,
        0,
        0,
    ),
    "Thông báo lịch nghỉ Tết Dương lịch năm 2026": (2026, 1, 5, 0, 0),
}
EXPIRED_NOTICE = (
    (2025, 12, 25, 8, 0),
    "Thông báo lịch nghỉ Tết Dương lịch năm 2026",
    "Cơ quan Liên hiệp Hội nghỉ Tết Dương lịch từ ngày 01/01/2026 đến hết ngày 04/01/2026.",
    [
        "Trong những ngày nghỉ, Văn phòng bố trí cán bộ trực để tiếp nhận công văn khẩn.",
        "Cơ quan làm việc trở lại từ thứ Hai, ngày 05/01/2026.",
    ],
)


# An article with a video (core.videos): the address as CKEditor 5's
# "Chèn đa phương tiện" stores it; the sanitizer makes the no-cookie player on save.
# The video is the YouTube IFrame API's own documentation sample, a real,
# long-lived one; staff put the association's own videos in its place.
DEMO_VIDEO = "https://www.youtube.com/watch?v=M7lc1UVf-VE"
VIDEO_ARTICLE = {
    "title": "Video: Hướng dẫn xem tin bài có video trên Cổng thông tin",
    "category": "tin-hoat-dong-lien-hiep-hoi",
    "published_at": (2026, 11, 28, 9, 0),
    "summary": (
        "Từ nay các tin bài trên Cổng thông tin có thể kèm video YouTube hoặc Facebook, "
        "xem ngay trên trang, kể cả trên điện thoại."
    ),
    "body": (
        "<p>Biên tập viên dán địa chỉ video YouTube hoặc Facebook vào khung soạn thảo bằng "
        "nút «Chèn đa phương tiện»; trang tin bài hiện trình phát video ngay trong bài.</p>"
        f'<figure class="media"><oembed url="{DEMO_VIDEO}"></oembed></figure>'
        "<p>Video từ các trang khác được giữ lại dưới dạng liên kết thường.</p>"
    ),
    "author": "Văn phòng Liên hiệp Hội",
}


def _at(parts):
    return datetime(*parts, tzinfo=TZ)


def _create_article(categories, log, **data):
    slug = vn_slugify(data["title"])
    if Article.objects.filter(slug=slug).exists():
        return
    cover = data.pop("cover", None)
    article = Article(
        slug=slug,
        title=data["title"],
        category=categories[data["category"]],
        summary=data["summary"],
        body=data["body"],
        author=data.get("author", ""),
        source=data.get("source", ""),
        cover_caption=data.get("cover_caption", ""),
        is_featured=data.get("is_featured", False),
        status=Status.PUBLISHED,
        published_at=_at(data["published_at"]),
        expires_at=_at(data["expires_at"]) if data.get("expires_at") else None,
    )
    if cover:
        text, colours = cover
        # Assigned, not .save(save=False)-d: only assignment fills the stored width/height.
        article.cover = ContentFile(
            banner_image(text, colours, size=(600, 400)), name=f"{slug[:60]}.png"
        )
    article.save()
    log(f"Đã tạo tin bài “{article.title}”.")


# Pictures of the media library (thư viện tệp), as if uploaded through the
# editor: the first is shown in the body of GIAO_BAN_2017, the second is
# not used yet and has no alt text (the library's two filters).
LIBRARY_IMAGES = [
    {
        "text": "Hội nghị Giao ban toàn quốc 2017",
        "colours": BLUE,
        "alt_text": "Ảnh hội nghị Giao ban toàn quốc Liên hiệp Hội Việt Nam 2017 tại Hải Phòng",
        "caption": "Các đại biểu dự Hội nghị Giao ban toàn quốc năm 2017",
    },
    {
        "text": "Hội thảo khoa học",
        "colours": TEAL,
        "alt_text": "",
        "caption": "Hội thảo khoa học về ứng dụng công nghệ trong nông nghiệp",
    },
]


def _library_image(log, text, colours, alt_text, caption):
    """A library item, found again by its caption when the seed runs again."""
    item = MediaItem.objects.filter(caption=caption).first()
    if item is None:
        item = MediaItem(alt_text=alt_text, caption=caption)
        # Assigned, so that the stored width/height are filled.
        item.file = ContentFile(banner_image(text, colours, size=(800, 450)), name="anh.png")
        item.save()
        log(f"Đã thêm ảnh “{caption}” vào thư viện tệp.")
    return item


def _figure(item):
    return format_html(
        '<figure class="image"><img src="{}" alt="{}" width="{}" height="{}">'
        "<figcaption>{}</figcaption></figure>",
        item.file.url,
        item.alt_text,
        item.width,
        item.height,
        item.caption,
    )


def _with_library_image(log, reference):
    """GIAO_BAN_2017 with the library's first picture after its first paragraph.

    The pictures are added only with the article: an article staff already
    have is left as it is, and no unused item is made beside it.
    """
    if Article.objects.filter(slug=vn_slugify(reference["title"])).exists():
        return reference
    used = [_library_image(log, **image) for image in LIBRARY_IMAGES][0]
    first, rest = reference["body"].split("\n", 1)
    return {**reference, "body": f"{first}\n{_figure(used)}\n{rest}"}


def seed(log):
    categories = {}
    for slug, name, parent_slug, order, on_home, is_notice in CATEGORIES:
        category, created = Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "parent": categories.get(parent_slug),
                "order": order,
                "is_shown_on_home": on_home,
                "is_notice": is_notice,
            },
        )
        categories[slug] = category
        if created:
            log(f"Đã tạo chuyên mục “{name}”.")

    for reference in (_with_library_image(log, GIAO_BAN_2017), LAM_DONG_2017):
        _create_article(categories, log, **reference)

    for category, at, title, summary, paragraphs, author, colours, featured in ARTICLES:
        _create_article(
            categories,
            log,
            category=category,
            published_at=at,
            title=title,
            summary=summary,
            body=_html(paragraphs),
            author=author,
            cover=(title, colours) if colours else None,
            is_featured=featured,
        )

    _create_article(categories, log, **VIDEO_ARTICLE)

    for at, title, summary, paragraphs in [*NOTICES, EXPIRED_NOTICE]:
        _create_article(
            categories,
            log,
            category="thong-bao",
            published_at=at,
            expires_at=NOTICE_END_DATES.get(title),
            title=title,
            summary=summary,
            body=_html(paragraphs),
            author="Văn phòng Liên hiệp Hội",
        )


# Editorial review (core.review): what a contributor sent, as the demo
# accounts of `seed_demo --admin` see it. (category, title, summary,
# paragraphs, hours since it was sent, the editor's comment when returned)
IN_REVIEW = [
    (
        "tin-hoat-dong-lien-hiep-hoi",
        "Hội thảo ứng dụng công nghệ sinh học trong sản xuất rau an toàn tại Đơn Dương",
        "Hơn 80 nông dân và cán bộ kỹ thuật dự hội thảo do Hội Sinh học tỉnh phối hợp tổ chức.",
        [
            "Các báo cáo viên giới thiệu chế phẩm sinh học thay thế thuốc bảo vệ thực vật hóa học.",
            "Nhiều hộ dân đăng ký tham gia mô hình trình diễn trong vụ đông xuân tới.",
        ],
        52,
        "",
    ),
    (
        "tin-tuc-tong-hop",
        "Sinh viên Đà Lạt giành giải Nhì cuộc thi Sáng tạo thanh thiếu niên toàn quốc",
        "Mô hình cảnh báo sạt lở đất dùng cảm biến giá rẻ của nhóm sinh viên được đánh giá cao.",
        [
            "Nhóm tác giả gồm ba sinh viên năm thứ ba ngành Kỹ thuật điện tử.",
            "Mô hình đã được thử nghiệm tại hai xã miền núi của huyện Lạc Dương.",
        ],
        5,
        "",
    ),
    (
        "tin-hoat-dong-lien-hiep-hoi",
        "Tập huấn kỹ năng tư vấn, phản biện cho cán bộ các hội thành viên",
        "Lớp tập huấn diễn ra trong hai ngày với sự tham gia của 45 học viên.",
        [
            "Học viên được hướng dẫn quy trình tổ chức một hoạt động tư vấn, phản biện.",
            "Theo số liệu của Ban tổ chức, đã có hơn 200 ý kiến phản biện được gửi tới UBND tỉnh.",
        ],
        30,
        "Bài cần thêm ảnh đại diện và ghi rõ nguồn tin; con số “hơn 200 ý kiến” ở đoạn 2 "
        "cần kiểm tra lại với Ban Tư vấn, phản biện trước khi gửi lại.",
    ),
]


def seed_review(log, contributor, editor):
    """Two articles of `contributor` waiting for review, and one `editor`
    returned with a comment; each step recorded as core.review records it.
    Made only when missing, like the rest of the demo."""
    categories = {category.slug: category for category in Category.objects.all()}
    now = timezone.now()
    submit, give_back = TRANSITIONS["submit"], TRANSITIONS["return"]
    for category, title, summary, paragraphs, hours, comment in IN_REVIEW:
        slug = vn_slugify(title)
        if Article.objects.filter(slug=slug).exists() or category not in categories:
            continue
        sent_at = now - timedelta(hours=hours)
        article = Article.objects.create(
            slug=slug,
            title=title,
            category=categories[category],
            summary=summary,
            body=_html(paragraphs),
            author=contributor.get_full_name(),
            status=ReviewStatus.RETURNED if comment else ReviewStatus.PENDING,
            published_at=sent_at,
            submitted_at=sent_at,
            created_by=contributor,
            updated_by=contributor,
        )
        article.review_events.create(
            user=contributor,
            at=sent_at,
            action=submit.label,
            from_status=ReviewStatus.DRAFT,
            to_status=ReviewStatus.PENDING,
        )
        if comment:
            article.review_events.create(
                user=editor,
                at=sent_at + timedelta(hours=3),
                action=give_back.label,
                from_status=ReviewStatus.PENDING,
                to_status=ReviewStatus.RETURNED,
                comment=comment,
            )
        # As if written then: updated_at is set on every save.
        Article.objects.filter(pk=article.pk).update(
            updated_at=sent_at + timedelta(hours=3 if comment else 0)
        )
        log(f"Đã tạo tin bài “{title}” ({article.get_status_display()}).")
