"""Mounted under ``JOD_USER_PREFIX`` (default ``ohjaaja/``): the JOD frontend's calls to its
user-data service (``api/…``) and its sign-in and sign-out (``login``, ``logout``)."""

from django.urls import path, re_path

from jod import sign_in
from jod.user_api import Handler, endpoint, not_found
from jod.user_data import (
    add_comment,
    add_favourite,
    add_interest,
    comment_list,
    delete_comment,
    export,
    favourites,
    feature,
    interests,
    most_viewed,
    own_comments,
    profile,
    recently_viewed,
    record_view,
    remove_favourite,
    remove_interest,
    report_comment,
    suggest,
    update_profile,
)

app_name = "jod-user"
urlpatterns = [
    path("login", sign_in.sign_in, name="login"),
    path("logout", sign_in.sign_out, name="logout"),
    path(
        "api/profiili/ohjaaja",
        endpoint(GET=Handler(profile), PUT=Handler(update_profile)),
        name="profile",
    ),
    path("api/profiili/ohjaaja/vienti", endpoint(GET=Handler(export)), name="export"),
    path(
        "api/profiili/suosikit",
        endpoint(
            GET=Handler(favourites), POST=Handler(add_favourite), DELETE=Handler(remove_favourite)
        ),
        name="favourites",
    ),
    path(
        "api/profiili/kiinnostukset",
        endpoint(
            GET=Handler(interests), POST=Handler(add_interest), DELETE=Handler(remove_interest)
        ),
        name="interests",
    ),
    path(
        "api/artikkeli/kommentit",
        endpoint(GET=Handler(comment_list, public=True), POST=Handler(add_comment)),
        name="comments",
    ),
    path("api/artikkeli/kommentit/omat", endpoint(GET=Handler(own_comments)), name="own-comments"),
    path(
        "api/artikkeli/kommentit/<str:comment_id>",
        endpoint(DELETE=Handler(delete_comment)),
        name="comment",
    ),
    path(
        "api/artikkeli/kommentit/<str:comment_id>/ilmianto",
        endpoint(POST=Handler(report_comment, public=True)),
        name="report",
    ),
    path(
        "api/artikkeli/katselu/katsotuimmat",
        endpoint(GET=Handler(most_viewed, public=True)),
        name="most-viewed",
    ),
    path(
        "api/artikkeli/katselu/<str:erc>",
        endpoint(POST=Handler(record_view, public=True)),
        name="view",
    ),
    path(
        "api/artikkeli/viimeksi-katsellut",
        endpoint(GET=Handler(recently_viewed)),
        name="recently-viewed",
    ),
    path("api/sisaltoehdotus", endpoint(POST=Handler(suggest)), name="suggestion"),
    path("api/feature/<str:name>", endpoint(GET=Handler(feature, public=True)), name="feature"),
    re_path(r"^api/(?P<rest>.*)$", not_found),
]
