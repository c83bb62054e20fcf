from django.db import migrations

from news.groups import grant_editor_permissions

# What an editor (biên tập viên) manages: news and the static pages. The
# gallery app adds albums and photos from its own migration.
EDITOR_MODELS = {
    "news": ["category", "article"],
    "lhh": ["page"],
}


def create_editor_group(apps, schema_editor):
    grant_editor_permissions(apps, EDITOR_MODELS)


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Biên tập viên").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("lhh", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
