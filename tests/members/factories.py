import factory

from members.models import Field, Organization, OrganizationGroup


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")


class OrganizationGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationGroup

    name = factory.Sequence(lambda n: f"Nhóm tổ chức {n}")
    order = factory.Sequence(lambda n: n)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Hội Khoa học số {n} tỉnh Lâm Đồng")
    group = factory.SubFactory(OrganizationGroupFactory)
    leader_name = "TS. Nguyễn Văn An"
    member_count = 100
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields.set(extracted)
