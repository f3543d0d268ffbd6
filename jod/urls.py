"""Mounted under ``JOD_PREFIX`` (default ``ohjaaja/cms/o/``, the frontend's own base path)."""

from django.urls import path

from jod import views

app_name = "jod"
urlpatterns = [
    path("jod-navigation/<int:site_id>", views.navigation, name="navigation"),
    path("jod-tags/<int:site_id>", views.tags, name="tags"),
    path(
        "headless-delivery/v1.0/sites/<int:site_id>/structured-contents",
        views.structured_contents,
        name="structured-contents",
    ),
    path(
        "headless-delivery/v1.0/structured-contents/<str:content_id>",
        views.structured_content_by_id,
        name="structured-content",
    ),
    path(
        "adaptive-media/image/<int:image_id>/<str:variant>/<path:name>",
        views.image,
        name="image",
    ),
]
