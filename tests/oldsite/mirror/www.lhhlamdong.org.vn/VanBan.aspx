<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>Liên hiệp các Hội Khoa học &amp; Kỹ thuật tỉnh Lâm Đồng</title>
<script type="text/javascript" src="WebResource.axd?d=abc&amp;t=1"></script></head>
<body>
<form name="aspnetForm" method="post" action="VanBan.aspx" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTYzNjY2MzQ5Ng9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPFgIeBFRleHQFHlRo4bupIELhuqN5LDIyLzA2LzIwMjQgMDQ6MDFkZA==" /></div>
<div id="header"><span id="ctl00_lblNgay">Thứ Bảy,22/06/2024 04:01</span>
<marquee id="ctl00_mqChaoMung">Chào mừng bạn đến với trang thông tin điện tử của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng !.</marquee>
<input name="ctl00$txtTimKiem" type="text" id="ctl00_txtTimKiem" /><input type="submit" name="ctl00$btnTimKiem" value="Tìm kiếm" id="ctl00_btnTimKiem" /></div>
<table id="ctl00_tblMain" width="100%"><tr>
<td class="CotTrai" valign="top">
<div class="TieuDeKhoi">THÔNG TIN CHÍNH</div>
<div class="TieuDeKhoi">TỔ CHỨC THÀNH VIÊN</div>
<a href="#ctl00_TreeView1_SkipLink"><img alt="Skip Navigation Links." src="WebResource.axd?d=x1&amp;t=2" width="0" height="0" style="border-width:0px;" /></a>
<div id="ctl00_TreeView1"><table><tr><td><a id="ctl00_TreeView1n0" href="javascript:TreeView_ToggleNode(ctl00_TreeView1_Data,0)"><img src="WebResource.axd?d=x2" alt="Expand Hội thành viên" /></a></td><td><a class="ctl00_TreeView1_0" href="ToChuc.aspx?Nhom=1">Hội thành viên</a></td></tr></table></div>
<a id="ctl00_TreeView1_SkipLink"></a>
<div class="TieuDeKhoi">ĐẾM LƯỢT TRUY CẬP</div><span id="ctl00_lblDem">538980</span>
</td>
<td class="CotGiua" valign="top">
<span class="TieuDeChuyenMuc">Văn bản</span>
<table id="ctl00_ContentPlaceHolder1_grvVanBan" class="VanBan" cellspacing="0" rules="all" border="1">
<tr><th scope="col">Số/Ký hiệu</th><th scope="col">Ngày ban hành</th><th scope="col">Trích yếu</th><th scope="col">Tải về</th></tr>
<tr><td><a href="VanBanDetail.aspx?Id=101">582/QĐ-UBND</a></td><td>30/03/2018</td><td>Quyết định về việc phê duyệt Điều lệ (sửa đổi, bổ sung) của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng</td><td><a href="Upload/VanBan/582-QD-UBND.pdf">Tải về</a></td></tr>
<tr><td><a href="VanBanDetail.aspx?Id=102">2136/QĐ-UBND</a></td><td>28/09/2016</td><td>Quyết định ban hành Quy chế phối hợp hoạt động tư vấn, phản biện và giám định xã hội</td><td><a href="Upload/VanBan/2136-QD-UBND.pdf">Tải về</a></td></tr>
<tr><td><a href="VanBanDetail.aspx?Id=103">50/QĐ-LHH</a></td><td>20/03/2015</td><td>Quyết định thành lập Hội đồng thi đua khen thưởng Liên hiệp Hội</td><td><a href="Upload/VanBan/50-QD-LHH.pdf">Tải về</a></td></tr>
<tr><td><a href="VanBanDetail.aspx?Id=104">4171/KH-UBND</a></td><td>14/08/2014</td><td>Kế hoạch triển khai Chỉ thị số 42-CT/TW của Bộ Chính trị về tăng cường sự lãnh đạo của Đảng đối với Liên hiệp Hội</td><td><a href="Upload/VanBan/4171-KH-UBND.pdf">Tải về</a></td></tr>
</table>
<span class="PhanTrang">Trang 1/2 trang <a href="VanBan.aspx?page=2">2</a></span>
</td>
<td class="CotPhai" valign="top">
<div class="TieuDeKhoi">VĂN BẢN MỚI</div>
<table class="VanBanMoi"><tr><th>Số/Ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>
<tr><td><a href="VanBanDetail.aspx?Id=101">582/QĐ-UBND</a></td><td>30/03/2018</td><td></td></tr>
<tr><td><a href="VanBanDetail.aspx?Id=102">2136/QĐ-UBND</a></td><td>28/09/2016</td><td></td></tr>
</table>
</td></tr></table>
<div id="footer">Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng — Số 2 Trần Hưng Đạo, Đà Lạt</div>
</form></body></html>
