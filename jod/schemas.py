"""The JOD frontend's user-data calls: request and response shapes of its Spring service's
OpenAPI (Opetushallitus/jod-ohjaaja), in its Finnish field names, declared once here.

Answers leave absent fields out, as the Spring service does (``respond(..., omit_none=True)``).
"""

from typing import Literal

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from pydantic import BaseModel, ConfigDict, Field, field_validator

from cms.shapes import Shape, Timestamp

Workplace = Literal[
    "PERUSASTE",
    "TOINEN_ASTE",
    "KORKEAKOULU",
    "OPPILAITOS_MUU",
    "TYOLLISYYSPALVELUT",
    "KOLMAS_SEKTORI",
    "YKSITYINEN",
    "MUU",
]
COMMENT_MAX_UTF16 = 2000  # the frontend's textarea and the Spring service count UTF-16 units


class Csrf(Shape):
    token: str
    headerName: str
    parameterName: str


class Profile(Shape):
    id: str  # the account's opaque id (jod.people.profile_id), never shown to anyone else
    etunimi: str
    sukunimi: str
    csrf: Csrf
    tyoskentelyPaikka: Workplace | None = None


class Favourite(Shape):
    id: str
    artikkeliErc: str
    luotu: Timestamp


class Interest(Shape):
    id: str
    asiasanaId: int


class Comment(Shape):
    id: str
    artikkeliErc: str
    ohjaajaId: str | None = None  # the viewer's own id on their posts, else a per-thread one
    kommentti: str
    luotu: Timestamp


class CommentPage(Shape):
    sisalto: list[Comment]
    maara: int
    sivuja: int


class CommentedArticle(Shape):
    artikkeliErc: str
    uusinKommenttiAika: Timestamp
    vanhinKommenttiAika: Timestamp
    kommenttiMaara: int


class CommentedArticlePage(Shape):
    sisalto: list[CommentedArticle]
    maara: int
    sivuja: int


class KeyPage(Shape):
    sisalto: list[str]
    maara: int
    sivuja: int


class FeatureFlag(Shape):
    feature: Literal["COMMENTS"]
    enabled: bool


class ExportedComment(Shape):
    id: str
    luotu: Timestamp
    artikkeliErc: str
    kommentti: str


class ErrorInfo(Shape):
    errorCode: str
    errorDetails: list[str] | None = None


# --- Requests -------------------------------------------------------------------------------


class _Input(BaseModel):
    """A request body: unknown fields are refused (as the Spring service's ``@Null`` groups)."""

    model_config = ConfigDict(extra="forbid")


class ProfileIn(_Input):
    id: str | None = None  # sent back by the frontend, ignored (as the Spring service does)
    tyoskentelyPaikka: Workplace | None = None


class FavouriteIn(_Input):
    artikkeliErc: str = Field(..., min_length=1, max_length=100)


class InterestIn(_Input):
    asiasanaId: int = Field(..., ge=1)


class CommentIn(_Input):
    artikkeliErc: str = Field(..., min_length=1, max_length=100)
    kommentti: str

    @field_validator("kommentti")
    @classmethod
    def _text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("the comment is empty")
        if len(value.encode("utf-16-le")) // 2 > COMMENT_MAX_UTF16:
            raise ValueError(f"the comment is longer than {COMMENT_MAX_UTF16} characters")
        return value


class SuggestionIn(_Input):
    sisalto: str = Field(..., min_length=1, max_length=200)
    kuvaus: str = Field(..., min_length=1, max_length=2000)
    sahkoposti: str | None = Field(None, max_length=254)
    linkki: str | None = Field(None, max_length=500)
    kieli: Literal["fi", "sv", "en"]

    @field_validator("sahkoposti")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return _checked(value, EmailValidator(), "not an email address")

    @field_validator("linkki")
    @classmethod
    def _link(cls, value: str | None) -> str | None:
        return _checked(value, URLValidator(schemes=["http", "https"]), "not an http(s) address")


def _checked(
    value: str | None, validator: EmailValidator | URLValidator, message: str
) -> str | None:
    """``''`` is absent (the frontend sends it for an empty field); anything else must pass."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        validator(value)
    except ValidationError:
        raise ValueError(message) from None
    return value


class _Params(BaseModel):
    """Query parameters: others the frontend may add are ignored."""

    model_config = ConfigDict(extra="ignore")


class PageParams(_Params):
    """``sivu`` is 0-based; ``koko`` above the cap is taken as the cap (the Spring service has
    none, so a frontend asking for more gets fewer rather than an error)."""

    sivu: int = Field(0, ge=0, le=100_000)
    koko: int = Field(20, ge=1)


class CommentListParams(PageParams):
    artikkeliErc: str = Field(..., min_length=1, max_length=100)
    sivu: int = Field(..., ge=0, le=100_000)
    koko: int = Field(..., ge=1)


class MostViewedParams(_Params):
    koko: int = Field(12, ge=1)
    filterByArtikkeliErcs: str = Field("", max_length=100_000)
