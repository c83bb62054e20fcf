from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from search import registry
from search.index import index_object
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Dựng lại toàn bộ chỉ mục tìm kiếm từ nội dung hiện có."

    def handle(self, *args, **options):
        show = options["verbosity"] > 0
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            for model in registry.models():
                queryset = model._default_manager.all()
                total = queryset.count()
                label = str(model._meta.verbose_name_plural)
                for instance in tqdm(
                    queryset.iterator(chunk_size=500),
                    total=total,
                    desc=label,
                    disable=not show,
                    file=self.stderr,
                ):
                    index_object(instance)
        self.stdout.write(
            self.style.SUCCESS(f"Đã dựng lại chỉ mục: {SearchEntry.objects.count()} mục.")
        )
