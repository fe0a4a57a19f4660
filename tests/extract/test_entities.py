"""Partner matching cases found by the synthetic round trips."""

from __future__ import annotations

from peelgraph.extract.entities import PartnerMatcher


def test_a_label_whose_first_word_carries_a_comma(vocab):
    matcher = PartnerMatcher(vocab.partners)
    text = "A pilot brings together the police, fire and crime commissioner and officers."
    assert "partner/pcc" in matcher.find(text)
