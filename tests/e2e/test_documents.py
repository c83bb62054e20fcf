from playwright.sync_api import expect


def test_filtering_the_table_and_opening_a_document(page, site, screenshot):
    page.goto(site.url + "/van-ban/")
    rows = page.locator(".doc-table--full tbody tr")
    expect(rows).to_have_count(12)
    screenshot(page, "documents-list-1280")

    page.get_by_label("Cơ quan ban hành").select_option(label="UBND tỉnh Lâm Đồng")
    page.get_by_label("Từ khóa").fill("qd-ubnd")
    page.get_by_role("button", name="Lọc").click()
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("582/QĐ-UBND")
    expect(rows.nth(1)).to_contain_text("Hết hiệu lực")
    screenshot(page, "documents-list-filtered")

    rows.nth(1).get_by_role("link", name="2136/QĐ-UBND").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Quyết định số 2136/QĐ-UBND")
    expect(page.locator(".document__validity")).to_contain_text("được thay thế bởi 582/QĐ-UBND")
    page.locator(".document__validity").get_by_role("link", name="582/QĐ-UBND").click()
    expect(page.locator(".document__relations")).to_contain_text("Văn bản này thay thế")
    screenshot(page, "documents-detail")

    with page.expect_download() as download_info:
        page.locator(".file-list a").last.click()
    assert download_info.value.suggested_filename.endswith(".pdf")


def test_latest_documents_block_expands_a_summary(page, site, screenshot):
    page.goto(site.url + "/")
    block = page.locator(".doc-table--latest")
    expect(block.locator("tbody tr")).to_have_count(12)
    first = block.locator("details").first
    first.locator("summary").click()
    expect(first.locator("p")).to_be_visible()
    expect(first.locator("p")).to_contain_text("Điều lệ")
    screenshot(page, "documents-latest-block")


def test_document_table_reads_on_a_phone(browser, site, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site.url + "/van-ban/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    screenshot(page, "documents-list-390")
    context.close()
