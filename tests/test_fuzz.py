"""A bounded fuzz run over the PO reader, the Markdown, MDX and HTML readers and the config loaders: any
input is read or refused with the one-line InputError, never another exception (bench/fuzz.py runs the same
targets for minutes and reports time and memory)."""

import pytest
from fuzz_targets import EXAMPLES, TARGETS
from hypothesis import HealthCheck, example, given, settings

from transpair.errors import InputError, error_line


def only_input_errors(read, data: bytes) -> None:
    """Read the input; an InputError is a refusal, printed as one line."""
    try:
        read(data)
    except InputError as exc:
        assert "\n" not in error_line(exc)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_any_input_is_read_or_refused_with_one_line(name):
    strategy, read = TARGETS[name]

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def fuzz(data):
        only_input_errors(read, data)

    for data in EXAMPLES.get(name, []):
        fuzz = example(data)(fuzz)
    fuzz()
