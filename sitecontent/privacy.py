"""The privacy notice (Chính sách bảo vệ dữ liệu cá nhân): a Page like the
others, which staff edit and django-reversion keeps the versions of. Every
form that takes personal data links to it and records the version shown
(core.consent). The text below is only its first version, created by a data
migration and by the demo seed when the page is missing."""

PRIVACY_NOTICE_SLUG = "chinh-sach-bao-ve-du-lieu-ca-nhan"
PRIVACY_NOTICE_TITLE = "Chính sách bảo vệ dữ liệu cá nhân"
PRIVACY_NOTICE_SUMMARY = (
    "Liên hiệp Hội thu thập những thông tin cá nhân nào, để làm gì, giữ trong bao lâu, "
    "và cách bạn rút lại sự đồng ý hoặc yêu cầu xoá thông tin của mình."
)
PRIVACY_NOTICE_BODY = """
<p>Chính sách này áp dụng cho trang thông tin điện tử của Liên hiệp Hội, theo Nghị định
13/2023/NĐ-CP và Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.</p>
<h2>Thông tin được thu thập khi bạn đặt câu hỏi</h2>
<p>Họ và tên (bắt buộc); thư điện tử, điện thoại và địa chỉ (không bắt buộc); nội dung câu
hỏi. Để chống thư rác, trang lưu một mã băm không thể đảo ngược của địa chỉ mạng (IP), không
lưu chính địa chỉ đó.</p>
<h2>Mục đích xử lý</h2>
<p>Bạn đồng ý riêng cho từng mục đích khi gửi câu hỏi:</p>
<ul>
<li><strong>Xử lý câu hỏi và trả lời</strong> (bắt buộc để gửi câu hỏi): cán bộ đọc câu hỏi,
liên hệ với bạn khi cần làm rõ và trả lời. Câu hỏi và câu trả lời có thể được đăng lên mục
Hỏi đáp, chỉ kèm tên gọi của bạn (ví dụ “An”), không kèm thư điện tử, điện thoại hay địa chỉ.</li>
<li><strong>Gửi email thông báo</strong> (không bắt buộc): trang gửi mã tra cứu và báo cho bạn
khi câu hỏi được trả lời. Nếu không đồng ý, bạn vẫn theo dõi được câu hỏi bằng mã tra cứu.</li>
</ul>
<p>Với mỗi câu hỏi, trang lưu lại các mục đích bạn đã đồng ý, phiên bản của chính sách này
lúc đó và thời điểm đồng ý.</p>
<h2>Thời gian lưu giữ</h2>
<p>Thông tin cá nhân của người hỏi được ẩn danh hoá sau 24 tháng kể từ khi câu hỏi được trả
lời: họ tên, thư điện tử, điện thoại và địa chỉ bị xoá; câu hỏi và câu trả lời đã đăng vẫn
được giữ để người khác tham khảo.</p>
<h2>Rút lại sự đồng ý và xoá thông tin</h2>
<p>Bạn có thể rút lại sự đồng ý và yêu cầu xoá thông tin cá nhân của mình bất cứ lúc nào
tại trang <a href="/hoi-dap/xoa-thong-tin/">Rút lại đồng ý, xoá thông tin cá nhân</a>, bằng
mã tra cứu và địa chỉ thư điện tử đã dùng khi gửi câu hỏi. Trang gửi một thư xác nhận tới địa
chỉ đó; thông tin chỉ bị xoá khi bạn mở liên kết trong thư và xác nhận. Nếu khi gửi câu hỏi bạn
không để lại thư điện tử, vui lòng liên hệ Văn phòng Liên hiệp Hội.</p>
<h2>Tệp cookie đếm lượt truy cập</h2>
<p>Trang dùng một tệp cookie tên <code>lhh_visit</code> để đếm mỗi lượt truy cập một lần trong
30 phút và biết số người đang xem trang. Cookie chỉ chứa thời điểm lượt truy cập gần nhất được
đếm, có chữ ký để không bị sửa, không chứa thông tin nhận dạng bạn và không được chia sẻ với
bên thứ ba; cookie hết hạn sau một năm. Bạn có thể xoá hoặc chặn cookie trong trình duyệt mà
vẫn đọc được mọi trang.</p>
<h2>Liên hệ</h2>
<p>Mọi câu hỏi về dữ liệu cá nhân, xin gửi về Văn phòng Liên hiệp Hội theo địa chỉ ở chân
trang.</p>
"""
