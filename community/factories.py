import factory
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from community.models import User


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"kayttaja{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    display_name = factory.Sequence(lambda n: f"Ohjaaja {n}")
    password = factory.django.Password("salasana-testi-123")

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


class StaffUserFactory(UserFactory):
    is_staff = True


class SuperuserFactory(StaffUserFactory):
    is_superuser = True
