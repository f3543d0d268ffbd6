"""REST endpoints for counsellors: /me/, /discussions/, /posts/, /suggestions/.

Reading discussions is open to everyone; everything else needs a signed-in counsellor (session
cookie from django-allauth's headless API, plus the CSRF token on writes). Signed-in responses
are `Cache-Control: private, no-store`. The endpoints are split by concept: ``me`` (a
counsellor's own profile, lists and data, and content suggestions) and ``discussions``
(threads, posts and what counsellors do with them); ``serialising`` holds the dicts that fill
the shapes, shared with GraphQL.
"""

from ninja import Router

from community.api import discussions, me

router = Router()
router.add_router("", me.router)
router.add_router("", discussions.router)
