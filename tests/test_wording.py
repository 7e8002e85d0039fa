"""The words for signals, as the list, the digest and the history show them."""

from __future__ import annotations

import pytest

from prospect.models import Signal
from prospect.wording import describe_signal


def sig(type_: str, **kw) -> Signal:
    return Signal(type=type_, rule=kw.pop("rule", type_), **kw)


@pytest.mark.parametrize(
    ("signal", "words"),
    [
        (sig("funding_round", amount=40e6, currency="USD", round="series_b"),
         "raised $40M Series B"),
        (sig("funding_round", amount=18e6, currency="EUR", round="series_a"),
         "raised €18M Series A"),
        (sig("funding_round", amount=12.5e6, currency="USD", round="seed"),
         "raised $12.5M seed round"),
        (sig("funding_round"), "raised funding"),
        (sig("executive_hire", role="Chief Marketing Officer", person="Dana Whitfield"),
         "named Chief Marketing Officer"),
        (sig("job_change", change="departure", old_company="Copperleaf"), "left Copperleaf"),
        (sig("job_change", change="new_company", company="Brightloop", role="VP of Marketing"),
         "started at Brightloop as VP of Marketing"),
        (sig("job_change", change="promotion", company="Kestrel", role="Head of Sales"),
         "promoted to Head of Sales at Kestrel"),
    ],
)  # fmt: skip
def test_describe_signal(signal: Signal, words: str):
    assert describe_signal(signal) == words


def test_a_hire_that_names_nobody_is_the_companys_news():
    from prospect.models import Signal
    from prospect.wording import describe_signal

    hire = Signal(type="executive_hire", rule="executive_hire", company="Penta",
                  role="Chief Executive Officer")  # fmt: skip
    assert describe_signal(hire) == "Penta named a new Chief Executive Officer"
