"""Wagtail's content checker in the page editor checks alt text and heading order."""

import json
import re

import pytest

from guidance.factories import MethodPageFactory

pytestmark = pytest.mark.django_db


def test_the_editor_checks_panel_runs_the_projects_content_rules(client, editor, topic):
    page = MethodPageFactory(parent=topic, title="Elämänjana")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    match = re.search(r'<script id="checker-axe-configuration"[^>]*>(.*?)</script>', html, re.S)
    assert match, "the Checks panel's axe configuration is on the page"
    configuration = json.loads(match.group(1))
    rules = set(configuration["options"]["runOnly"])
    assert {"image-alt", "image-redundant-alt", "alt-text-quality", "heading-order"} <= rules
    assert "p-as-heading" in rules
    assert configuration["messages"]["image-alt"]["error_name"] == "Kuvalta puuttuu tekstivastine"
