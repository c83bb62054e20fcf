from core import apps


class RegistrationsConfig(apps.ContentAppConfig):
    name = "registrations"
    verbose_name = "Đăng ký trực tuyến"
    # Entries and their files are never shown to visitors: saving one leaves
    # every cached page as it is.
    private_models = ("entry", "entryfile")

    def ready(self):
        from core import media

        from .models import EntryFile

        super().ready()
        # Entrants' files are personal data: staff only, never by address.
        media.protect("dang-ky/", EntryFile.objects.none, "file", "registrations.view_entry")
