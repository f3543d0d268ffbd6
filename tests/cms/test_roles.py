import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission

from community.factories import StaffUserFactory


def page_permissions(name):
    return set(
        GroupPagePermission.objects.filter(group__name=name).values_list(
            "permission__codename", flat=True
        )
    )


@pytest.mark.django_db
def test_editorial_groups_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Quality reviewers", "Moderators", "Translators", "Administrators"} <= names


@pytest.mark.django_db
def test_editors_edit_but_cannot_publish_pages_directly():
    perms = page_permissions("Editors")
    assert {"add_page", "change_page"} <= perms
    assert "publish_page" not in perms


@pytest.mark.django_db
def test_administrators_can_publish_and_moderators_have_no_page_rights():
    assert "publish_page" in page_permissions("Administrators")
    assert page_permissions("Moderators") == set()


@pytest.mark.django_db
def test_every_editorial_group_can_reach_the_admin():
    for group in Group.objects.filter(
        name__in=["Editors", "Quality reviewers", "Moderators", "Translators", "Administrators"]
    ):
        assert group.permissions.filter(codename="access_admin").exists(), group.name


@pytest.mark.django_db
def test_content_locales_exist():
    from wagtail.models import Locale

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"fi", "sv", "en"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("group", "can_upload", "can_choose"),
    [
        ("Editors", True, True),
        ("Administrators", True, True),
        ("Translators", False, True),
        ("Quality reviewers", False, True),
        ("Moderators", False, False),
    ],
)
def test_image_and_document_rights_follow_the_role(group, can_upload, can_choose):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    user = StaffUserFactory(groups=[group])
    for model in (get_image_model(), get_document_model()):
        policy = policy_registry.get_by_type(model)
        assert policy.user_has_permission(user, "add") is can_upload, model
        assert policy.user_has_permission(user, "choose") is can_choose, model
