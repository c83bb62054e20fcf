<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>Liên hiệp các Hội Khoa học &amp; Kỹ thuật tỉnh Lâm Đồng</title>
<script type="text/javascript" src="WebResource.axd?d=abc&amp;t=1"></script></head>
<body>
<form name="aspnetForm" method="post" action="ThongBao.aspx" id="aspnetForm">
<div><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKLTYzNjY2MzQ5Ng9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPFgIeBFRleHQFHlRo4bupIELhuqN5LDIyLzA2LzIwMjQgMDQ6MDFkZA==" /></div>
<div id="header"><span id="ctl00_lblNgay">Thứ Bảy,22/06/2024 04:01</span>
<marquee id="ctl00_mqChaoMung">Chào mừng bạn đến với trang thông tin điện tử của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng !.</marquee>
<input name="ctl00$txtTimKiem" type="text" id="ctl00_txtTimKiem" /><input type="submit" name="ctl00$btnTimKiem" value="Tìm kiếm" id="ctl00_btnTimKiem" /></div>
<div id="ctl00_Menu" class="Menu"><a href="Default.aspx">Trang chủ</a> | <a href="Gioithieu.aspx?Id=3">Giới thiệu</a> | <a href="NewsList.aspx?CatId=2">Khoa học &amp; Công nghệ</a> | <a href="NewsList.aspx?CatId=5">Tin hoạt động LHH Việt Nam</a> | <a href="ThongBao.aspx">Thông báo</a> | <a href="VanBan.aspx">Văn bản</a> | <a href="HinhAnh.aspx">Hình hoạt động</a> | <a href="HoiDap.aspx">Hỏi đáp</a></div>
<table id="ctl00_tblMain" width="100%"><tr>
<td class="CotTrai" valign="top">
<div class="TieuDeKhoi">THÔNG TIN CHÍNH</div>
<div class="TieuDeKhoi">TỔ CHỨC THÀNH VIÊN</div>
<a href="#ctl00_TreeView1_SkipLink"><img alt="Skip Navigation Links." src="WebResource.axd?d=x1&amp;t=2" width="0" height="0" style="border-width:0px;" /></a>
<div id="ctl00_TreeView1"><table>
<tr><td><a id="ctl00_TreeView1n0" href="javascript:TreeView_ToggleNode(ctl00_TreeView1_Data,0)"><img src="WebResource.axd?d=x2" alt="Expand Hội thành viên" /></a></td><td><a class="ctl00_TreeView1_0" href="ToChuc.aspx?Nhom=1" title="Hội thành viên">Hội thành viên</a></td></tr>
<tr><td><a id="ctl00_TreeView1n1" href="javascript:TreeView_ToggleNode(ctl00_TreeView1_Data,1)"><img src="WebResource.axd?d=x2" alt="Expand Tổ chức KH&amp;CN" /></a></td><td><a class="ctl00_TreeView1_0" href="ToChuc.aspx?Nhom=2" title="Tổ chức Khoa học và Công nghệ">Tổ chức KH&amp;CN</a></td></tr>
<tr><td><a id="ctl00_TreeView1n2" href="javascript:TreeView_ToggleNode(ctl00_TreeView1_Data,2)"><img src="WebResource.axd?d=x2" alt="Expand Tổ chức trực thuộc LHH" /></a></td><td><a class="ctl00_TreeView1_0" href="ToChuc.aspx?Nhom=3" title="Tổ chức trực thuộc LHH">Tổ chức trực thuộc LHH</a></td></tr>
</table></div>
<a id="ctl00_TreeView1_SkipLink"></a>
<div class="TieuDeKhoi">ĐẾM LƯỢT TRUY CẬP</div><span id="ctl00_lblDem">538980</span>
</td>
<td class="CotGiua" valign="top">
<span class="TieuDeChuyenMuc">Thông báo</span>
<div class="DanhSachTin">
<div class="Tin"><a class="TieuDeTin" href="ThongBao.aspx?Id=301">Thông báo tổ chức Hội thi Sáng tạo kỹ thuật tỉnh Lâm Đồng lần thứ 12</a> (02/03/2018 )</div>
<div class="Tin"><a class="TieuDeTin" href="ThongBao.aspx?Id=302">Thông báo mời tham gia Giải thưởng Sáng tạo Khoa học Công nghệ Việt Nam năm 2018</a> (15/01/2018 )</div>
</div><span class="PhanTrang">Trang 1/1 trang</span>
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
