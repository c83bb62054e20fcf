from django.db import migrations

GROUP_NAME = "Cán bộ hỏi đáp"
# The Q&A officers read and answer questions and keep the topic list; they
# never delete a question (spam is a status, so the record stays).
PERMISSIONS = [
    ("question", "view"),
    ("question", "change"),
    ("topic", "view"),
    ("topic", "add"),
    ("topic", "change"),
]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations (post_migrate);
    # create qa's now so the group can be given them.
    app_config = apps.get_app_config("qa")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [f"{action}_{model}" for model, action in PERMISSIONS]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="qa", codename__in=codenames)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
