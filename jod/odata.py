"""The OData filters the JOD frontend sends, parsed with a grammar (lark), nothing else accepted.

The frontend builds exactly these forms (docs/jod-frontend.md):

- ``taxonomyCategoryIds/any(t:t eq A or t eq B …)``: has A or B;
- ``taxonomyCategoryIds/any(t:t ne A and t ne B …)``: has neither A nor B (Liferay's meaning,
  which the frontend relies on: uncategorised items pass);
- ``id in ('101', '102')``, possibly empty: these items only;
- any of them joined with a top-level ``and``.

Anything else is an ``UnsupportedFilter``: ignoring a clause would leak hidden sections or
answer "your favourites" with the whole site.
"""

from dataclasses import dataclass
from typing import Literal

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError, VisitError

GRAMMAR = r"""
    filter: clause ("and" clause)*
    ?clause: any_clause | id_in
    any_clause: "taxonomyCategoryIds/any(" VAR ":" test (CONNECTIVE test)* ")"
    test: VAR OP INT
    id_in: "id" "in" "(" [literal ("," literal)*] ")"
    ?literal: INT | "'" INT "'"

    OP: "eq" | "ne"
    CONNECTIVE: "and" | "or"
    VAR: /[a-z]\w*/
    INT: /\d{1,18}/

    %import common.WS
    %ignore WS
"""

_PARSER = Lark(GRAMMAR, start="filter", parser="lalr", maybe_placeholders=False)


class UnsupportedFilter(ValueError):
    """A filter outside the grammar the frontend uses; the message says what was refused."""


@dataclass(frozen=True)
class CategoryTest:
    """``taxonomyCategoryIds/any(…)``: ``has`` true for "has any of ``ids``" (eq … or …),
    false for "has none of ``ids``" (ne … and …)."""

    has: bool
    ids: tuple[int, ...]


@dataclass(frozen=True)
class IdIn:
    """``id in (…)``: only the items with these ids (none when empty)."""

    ids: tuple[int, ...]


Clause = CategoryTest | IdIn


@v_args(inline=True)
class _Clauses(Transformer):
    def filter(self, *clauses: Clause) -> list[Clause]:
        return list(clauses)

    def test(self, var: Token, op: Token, number: Token) -> tuple[str, str, int]:
        return str(var), str(op), int(number)

    def any_clause(self, var: Token, *parts: object) -> CategoryTest:
        tests = [p for p in parts if isinstance(p, tuple)]
        connectives = {str(p) for p in parts if isinstance(p, Token)}
        if any(name != str(var) for name, _op, _n in tests):
            raise UnsupportedFilter(f"the variable of any() is {var}, not another name")
        op = tests[0][1]
        joined_by = "or" if op == "eq" else "and"
        if any(other != op for _var, other, _n in tests) or connectives - {joined_by}:
            raise UnsupportedFilter(
                "inside any(), join eq tests with or and ne tests with and (as the frontend does)"
            )
        return CategoryTest(has=op == "eq", ids=tuple(n for _var, _op, n in tests))

    def id_in(self, *numbers: Token) -> IdIn:
        return IdIn(ids=tuple(int(n) for n in numbers if n is not None))


def parse_filter(text: str) -> list[Clause]:
    """The clauses of ``text``, all of which must hold; ``UnsupportedFilter`` for anything
    outside the frontend's grammar."""
    if len(text) > 20_000:
        raise UnsupportedFilter("the filter is too long")
    try:
        return _Clauses().transform(_PARSER.parse(text))
    except VisitError as exc:
        if isinstance(exc.orig_exc, UnsupportedFilter):
            raise exc.orig_exc from None
        raise UnsupportedFilter(text) from None
    except LarkError:
        raise UnsupportedFilter(text) from None


Sort = tuple[Literal["title", "dateCreated"], bool]  # (field, descending)


def parse_sort(text: str) -> Sort:
    """``title:asc``, ``title:desc``, ``dateCreated:asc`` or ``dateCreated:desc``."""
    field, _, direction = text.partition(":")
    if field not in ("title", "dateCreated") or direction not in ("asc", "desc"):
        raise UnsupportedFilter(f"unsupported sort {text!r}")
    return (field, direction == "desc")  # type: ignore[return-value]
