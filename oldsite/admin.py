from django.contrib import admin

from core.adminsearch import FoldedSearchMixin

from .models import OldAddress


@admin.register(OldAddress)
class OldAddressAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["address", "kind", "target_shown", "reason", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["address", "target_url", "reason"]
    fields = ["address", "target_url", "reason", "kind", "content_shown", "file", "updated_at"]
    readonly_fields = ["kind", "content_shown", "file", "updated_at"]

    def get_readonly_fields(self, request, obj=None):
        # An imported address follows its object wherever it moves; the
        # stored address is only what it was at the last import.
        if obj is not None and obj.content_type_id is not None:
            return ["address", "target_url", *self.readonly_fields]
        return self.readonly_fields

    @admin.display(description="chuyển đến")
    def target_shown(self, obj):
        return obj.target_url or "—"

    @admin.display(description="nội dung đã nhập")
    def content_shown(self, obj):
        if obj.content_type_id is None:
            return "—"
        found = obj.content_object
        return str(found) if found is not None else "(đã bị xóa)"
