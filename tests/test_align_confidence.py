"""align/confidence: a bead's confidence is a probability falling with its match score and margin."""

from hypothesis import given
from hypothesis import strategies as st

from transpair.align import confidence


@given(st.floats(-1e6, 1e6), st.floats(-1e6, 1e6), st.floats(0, 50))
def test_confidence_is_a_probability_falling_with_the_match_score_and_the_margin(margin, match, drop):
    high = confidence.confidence(confidence.Evidence((0,), (0,), margin, match))
    low = confidence.confidence(confidence.Evidence((0,), (0,), margin, match - drop))
    assert 0.0 <= low <= high <= 1.0
    assert confidence.confidence(confidence.Evidence((0,), (0,), margin - drop, match)) <= high
    skip = confidence.Evidence((0,), (), margin)
    assert confidence.confidence(skip) >= high  # a skip is judged by its margin alone
