import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from factory.django import DjangoModelFactory

from community.models import User


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"kayttaja{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.invalid")
    display_name = factory.Sequence(lambda n: f"Ohjaaja {n}")
    password = factory.django.Password("salasana-testi-123")
    # Accounts are past their first day (see COMMUNITY_NEW_ACCOUNT_HOURS) unless a test says so.
    date_joined = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=30))

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


class CounsellorFactory(UserFactory):
    """A signed-up counsellor who verified their address: not staff, pseudonymous display name.
    ``verified_email=False`` for one who never did."""

    display_name = ""

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class NewCounsellorFactory(CounsellorFactory):
    date_joined = factory.LazyFunction(timezone.now)
