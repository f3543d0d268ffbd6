"""Layout rules a machine can check: the allowed arrows between packages and no import cycles
(import-linter's contracts in pyproject.toml), no module imports a private name (one starting
with ``_``) from another of the project's modules, and no module reaches into another's private
helpers as ``module._name``."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

APPS = ("ohjaaja", "jod", "cms", "guidance", "community", "search")
DJANGO_PUBLIC = {"_meta"}  # Django's documented model API, not a private helper


def project_modules():
    root = Path(settings.BASE_DIR)
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(root), ast.parse(path.read_text(), filename=str(path))


def test_no_module_imports_a_private_name_from_another():
    offences = []
    for path, tree in project_modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in APPS:
                offences += [
                    f"{path}:{node.lineno} from {node.module} import {alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_")
                ]
    assert offences == []


def test_no_module_reads_another_modules_private_attributes():
    offences = []
    for path, tree in project_modules():
        imported = {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in APPS
            for alias in node.names
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in imported
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
                and node.attr not in DJANGO_PUBLIC
            ):
                offences.append(f"{path}:{node.lineno} {node.value.id}.{node.attr}")
    assert offences == []


def test_imports_follow_the_allowed_arrows_and_have_no_cycles():
    """ohjaaja → community → search → guidance → cms, public modules only, no cycles inside a
    package (docs/architecture.md)."""
    root = Path(settings.BASE_DIR)
    result = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_public_surface_is_typed_and_mypy_finds_no_error(tmp_path):
    """Services, queries, API and GraphQL modules and the kernel they share: every function
    annotated, and mypy (with django-stubs) agrees with the annotations ([tool.mypy])."""
    root = Path(settings.BASE_DIR)
    result = subprocess.run(
        [str(Path(sys.executable).with_name("mypy")), "--cache-dir", str(tmp_path)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "DEBUG": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
