"""Spreadsheets for the admin's import and export tests (core.spreadsheets)."""

import csv
import io
import re

import openpyxl

XLSX, CSV = "0", "1"  # the admin's format choices, in core.spreadsheets.FORMATS


def xlsx(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(rows, encoding="utf-8-sig"):
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode(encoding)


def read_xlsx(content):
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    return [
        ["" if cell is None else cell for cell in row] for row in sheet.iter_rows(values_only=True)
    ]


def read_csv(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def export(client, changelist, file_format=XLSX, query=""):
    """The changelist's rows as the export page sends them (every column)."""
    page = client.get(f"{changelist}export/{query}")
    fields = re.findall(
        r'name="([a-z_]+)"[^>]*type="checkbox"|type="checkbox"[^>]*name="([a-z_]+)"',
        page.content.decode(),
    )
    data = {"format": file_format, "resource": "0"}
    for pair in fields:
        name = pair[0] or pair[1]
        if name != "select-all-toggle":
            data[name] = "on"
    return client.post(f"{changelist}export/{query}", data)


def start_import(client, changelist, content, name, file_format=XLSX):
    """Upload a spreadsheet: the preview, nothing saved yet."""
    upload = io.BytesIO(content)
    upload.name = name
    return client.post(
        f"{changelist}import/",
        {"format": file_format, "resource": "0", "import_file": upload},
    )


def confirm_import(client, changelist, preview):
    """Press “Xác nhận nhập” on a preview."""
    page = preview.content.decode()
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))
    data.pop("csrfmiddlewaretoken", None)
    return client.post(f"{changelist}process_import/", data)
