"""Values every request needs are kept in the worker's memory at the content version they were
built for; a change, or a cache that lost its keys (a Redis restart), never serves them again."""

import gc
import weakref

from django.core.cache import cache

from cms.cache import bump_content_version, cached, cached_locally, versioned_key
from tests.caching import clear_cache


def test_a_worker_keeps_a_value_until_the_content_version_moves():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert cached(["probe"], build, 3600, local=True) == 1
    cache.delete(versioned_key("probe"))  # Redis evicted it: the worker still has it
    assert cached(["probe"], build, 3600, local=True) == 1
    assert built == [1]
    bump_content_version()
    assert cached(["probe"], build, 3600, local=True) == 2


def test_a_cache_that_lost_its_keys_does_not_bring_back_old_values():
    """After a Redis restart the content version starts again; it must not start at a number
    under which a worker still keeps a value built from older content."""
    built = []

    def build():
        built.append(1)
        return len(built)

    assert cached(["probe"], build, 3600, local=True) == 1
    clear_cache()
    assert cached(["probe"], build, 3600, local=True) == 2


def test_without_local_the_value_lives_in_the_shared_cache_only():
    built = []

    def build():
        built.append(1)
        return len(built)

    assert cached(["plain"], build, 3600) == 1
    cache.delete(versioned_key("plain"))
    assert cached(["plain"], build, 3600) == 2


def test_a_value_kept_locally_never_goes_through_the_shared_cache():
    """A listing's compiled SQL is kept this way: whoever can write to Redis must not thereby
    choose the statements a worker runs, so the worker never reads such a value from it."""
    built = []

    def build():
        built.append(1)
        return f"statement {len(built)}"

    assert cached_locally(["statement"], build) == "statement 1"
    assert cache.get(versioned_key("statement")) is None
    cache.set(versioned_key("statement"), "DROP TABLE everything", 3600)
    assert cached_locally(["statement"], build) == "statement 1"
    assert built == [1]
    bump_content_version()
    assert cached_locally(["statement"], build) == "statement 2"


class Structure:
    """A value as large as the site structure would be (only its identity matters here)."""


def test_a_worker_lets_go_of_values_built_for_older_content():
    """Each publish moves the content version. Values built for older content can never be
    served again, so the worker keeps those of the last two versions only: an import that
    publishes thousands of items would otherwise leave a copy of the site structure (or the JOD
    catalogue) per version in every worker's memory."""
    kept = []
    for _ in range(4):
        kept.append(weakref.ref(cached(["structure"], Structure, 3600, local=True)))
        bump_content_version()
    gc.collect()
    assert [ref() is not None for ref in kept] == [False, False, True, True]
