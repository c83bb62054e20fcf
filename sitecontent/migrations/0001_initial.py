"""The site's own content moves here from lhh, its tables and rows untouched.

State only, as for the media library (medialibrary 0001): the tables keep
their names, and core.moves renames the content types in place and the
model labels in the version history.
"""

import django.utils.timezone
from django.db import migrations, models

import core.fields
from core.moves import move_content_types


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("lhh", "0012_move_medialibrary_out"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Banner',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(help_text='Dùng làm chữ thay thế ảnh.', max_length=255, verbose_name='tên')),
                        ('image', core.fields.UploadImageField(height_field='image_height', upload_to='banners/', verbose_name='ảnh', width_field='image_width')),
                        ('image_width', models.PositiveIntegerField(editable=False, null=True)),
                        ('image_height', models.PositiveIntegerField(editable=False, null=True)),
                        ('url', models.URLField(blank=True, max_length=500, verbose_name='liên kết tới')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('is_active', models.BooleanField(default=True, verbose_name='hiển thị')),
                        ('shown_from', models.DateField(blank=True, null=True, verbose_name='hiện từ ngày')),
                        ('shown_until', models.DateField(blank=True, null=True, verbose_name='hiện đến ngày')),
                    ],
                    options={
                        'verbose_name': 'quảng cáo',
                        'verbose_name_plural': 'quảng cáo',
                        'db_table': 'lhh_banner',
                        'ordering': ['order', 'title'],
                    },
                ),
                migrations.CreateModel(
                    name='Link',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=255, verbose_name='tên')),
                        ('url', models.URLField(max_length=500, verbose_name='địa chỉ')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('is_active', models.BooleanField(default=True, verbose_name='hiển thị')),
                    ],
                    options={
                        'verbose_name': 'liên kết',
                        'verbose_name_plural': 'liên kết',
                        'db_table': 'lhh_link',
                        'ordering': ['order', 'title'],
                    },
                ),
                migrations.CreateModel(
                    name='SiteProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(default='Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', max_length=255, verbose_name='tên đơn vị')),
                        ('short_name', models.CharField(blank=True, max_length=100, verbose_name='tên viết tắt')),
                        ('parent_body', models.CharField(blank=True, max_length=255, verbose_name='cơ quan chủ quản')),
                        ('logo', core.fields.UploadImageField(blank=True, upload_to='site/', verbose_name='biểu trưng (logo)')),
                        ('welcome_message', models.CharField(blank=True, help_text='Dòng chữ chạy ở đầu trang.', max_length=500, verbose_name='dòng chữ chào mừng')),
                        ('address', models.CharField(blank=True, max_length=255, verbose_name='địa chỉ')),
                        ('phone', models.CharField(blank=True, max_length=100, verbose_name='điện thoại')),
                        ('fax', models.CharField(blank=True, max_length=100, verbose_name='fax')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='thư điện tử')),
                        ('responsible_person', models.CharField(blank=True, max_length=255, verbose_name='người chịu trách nhiệm nội dung')),
                        ('licence', models.CharField(blank=True, help_text='Dòng giấy phép ở chân trang, ví dụ số giấy phép thiết lập trang.', max_length=255, verbose_name='giấy phép')),
                        ('staff_emails', models.TextField(blank=True, help_text='Mỗi dòng một địa chỉ; nhận thông báo khi có câu hỏi mới.', verbose_name='email cán bộ nhận thông báo')),
                        ('visit_base', models.PositiveBigIntegerField(default=0, help_text='Được cộng vào tổng số lượt truy cập.', verbose_name='lượt truy cập chuyển từ trang cũ')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='cập nhật lúc')),
                    ],
                    options={
                        'verbose_name': 'thông tin đơn vị',
                        'verbose_name_plural': 'thông tin đơn vị',
                        'db_table': 'lhh_siteprofile',
                    },
                ),
                migrations.CreateModel(
                    name='Page',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('draft', 'Bản nháp'), ('published', 'Đã đăng')], default='draft', max_length=10, verbose_name='trạng thái')),
                        ('published_at', models.DateTimeField(default=django.utils.timezone.now, help_text='Đặt một thời điểm trong tương lai để hẹn giờ đăng.', verbose_name='thời điểm đăng')),
                        ('title', models.CharField(max_length=255, verbose_name='tiêu đề')),
                        ('slug', models.SlugField(blank=True, help_text='Để trống để tạo từ tiêu đề; không đổi khi sửa tiêu đề.', max_length=200, unique=True, verbose_name='đường dẫn')),
                        ('summary', models.TextField(blank=True, verbose_name='tóm tắt')),
                        ('body', core.fields.RichTextField(blank=True, verbose_name='nội dung')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('is_in_menu', models.BooleanField(default=True, verbose_name='hiện trong THÔNG TIN CHÍNH')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='tạo lúc')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='cập nhật lúc')),
                    ],
                    options={
                        'verbose_name': 'trang thông tin',
                        'verbose_name_plural': 'trang thông tin',
                        'db_table': 'lhh_page',
                        'ordering': ['order', 'title'],
                        'indexes': [models.Index(fields=['status', 'published_at'], name='page_published_idx')],
                    },
                ),
            ],
        ),
        move_content_types("lhh", "sitecontent", ["siteprofile", "page", "link", "banner"]),
    ]
