"""Drag and drop ordering in the admin, on django-admin-sortable2.

Staff drag rows of a list, or the photos of an album, into order. The
library would take the `order` field away from the forms (a drag handle in
the list, a hidden input in inlines and nothing in the change form); here
the number stays an ordinary, editable field everywhere, so ordering works
without JavaScript too: type numbers, press "Lưu".

The library's script reads its settings from a JSON data block, which the
Content-Security-Policy does not treat as a script, and sends each drag to
the list's own update URL (connect-src 'self').
"""

from adminsortable2 import admin as sortable
from django import forms


class SortableListMixin(sortable.SortableAdminMixin):
    """A change list whose rows staff drag into order, by `Meta.ordering`'s first field."""

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        self._reorder_.__func__.short_description = "kéo thả"

    @property
    def media(self):
        # Copies each drag's new numbers into the list's number inputs, so
        # that "Lưu" afterwards does not put the old order back.
        return super().media + forms.Media(js=["js/admin-sort.js"])

    def get_list_display(self, request):
        # The drag handle first, the number column kept (list_editable).
        list_display = super(sortable.SortableAdminMixin, self).get_list_display(request)
        return ["_reorder_", *list_display]

    def get_fields(self, request, obj=None):
        return super(sortable.SortableAdminMixin, self).get_fields(request, obj)

    def save_model(self, request, obj, form, change):
        # A new row goes last unless staff typed its number.
        if not change and self.default_order_field not in form.changed_data:
            setattr(obj, self.default_order_field, self.get_max_order(request, obj) + 1)
        super(sortable.SortableAdminMixin, self).save_model(request, obj, form, change)


class NumberedInlineFormSet(sortable.CustomInlineFormSet):
    """The library's inline formset, with the order shown as a number input."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.form.base_fields[self.default_order_field]
        # The library's script finds the input by its `_reorder_` class.
        field.widget = forms.NumberInput(attrs={"class": "vIntegerField _reorder_", "min": 0})
        field.required = True


class SortableTabularInline(sortable.SortableTabularInline):
    """A tabular inline whose rows staff drag into order."""

    formset = NumberedInlineFormSet
