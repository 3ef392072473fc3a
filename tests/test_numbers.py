"""The strict parsers for money, points and percentages typed by people or found in a CSV."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ras_core.scheme.numbers import (
    MAX_MONEY,
    MAX_POINTS,
    NumberError,
    parse_money,
    parse_percent,
    parse_points,
    quote,
)

NOT_MONEY = "is not an amount of money: write pounds and pence, like 1250 or 1,250.50."


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", "0"),
        ("1250", "1250"),
        ("1,250.50", "1250.50"),
        ("£1,250.5", "1250.5"),
        ("£9,999,999.99", "9999999.99"),
        (" 187.50 ", "187.50"),
        ("007", "7"),
    ],
)
def test_money_that_is_read(text: str, value: str) -> None:
    assert parse_money(text) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1e40", f'"1e40" {NOT_MONEY}'),
        ("5e2", f'"5e2" {NOT_MONEY}'),
        ("1_000", f'"1_000" {NOT_MONEY}'),
        ("£1,2,3,4", f'"£1,2,3,4" {NOT_MONEY}'),
        ("1,00", f'"1,00" {NOT_MONEY}'),
        ("1.234", f'"1.234" {NOT_MONEY}'),
        ("١٢٣", f'"١٢٣" {NOT_MONEY}'),
        ("１２", f'"１２" {NOT_MONEY}'),
        ("NaN", f'"NaN" {NOT_MONEY}'),
        ("Infinity", f'"Infinity" {NOT_MONEY}'),
        ("", f'"" {NOT_MONEY}'),
        (".5", f'".5" {NOT_MONEY}'),
        ("5 000", f'"5 000" {NOT_MONEY}'),
        ("9" * 5000, f'"99999999999999999..." {NOT_MONEY}'),
        ("-5", '"-5" is less than £0: amounts must be £0 or more.'),
        ("-£5", '"-£5" is less than £0: amounts must be £0 or more.'),
        ("10,000,000", '"10,000,000" is too large: amounts must be less than £10,000,000.'),
    ],
)
def test_money_that_is_refused(text: str, message: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_money(text)
    assert caught.value.message == message


def test_a_larger_bound_is_stated_in_the_message() -> None:
    assert parse_money("20,000,000", maximum=Decimal(10**9)) == Decimal(20_000_000)
    with pytest.raises(NumberError, match=r"must be less than £1,000,000,000\.$"):
        parse_money("1,000,000,000", maximum=Decimal(10**9))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("²", '"²" is not a number of points: write a whole number, like 12.'),
        ("١٢", '"١٢" is not a number of points: write a whole number, like 12.'),
        ("1.5", '"1.5" is not a number of points: write a whole number, like 12.'),
        ("1e3", '"1e3" is not a number of points: write a whole number, like 12.'),
        ("-3", '"-3" is less than 0: points must be 0 or more.'),
        ("1" * 40, '"11111111111111111..." is too many points: the most allowed is 1,000,000.'),
        ("1" * 5000, '"11111111111111111..." is too many points: the most allowed is 1,000,000.'),
        ("1000001", '"1000001" is too many points: the most allowed is 1,000,000.'),
    ],
)
def test_points_that_are_refused(text: str, message: str) -> None:
    with pytest.raises(NumberError) as caught:
        parse_points(text)
    assert caught.value.message == message


def test_points_that_are_read() -> None:
    assert [parse_points(t) for t in ["0", "12", " 7 ", "1000000", "0" * 5000 + "3"]] == [0, 12, 7, 1_000_000, 3]


def test_percentages() -> None:
    assert [parse_percent(t) for t in ["5", "12.5%", "100"]] == [Decimal(5), Decimal("12.5"), Decimal(100)]
    for text, message in [
        ("5e1", '"5e1" is not a percentage: write a number, like 5 or 12.5.'),
        ("-1", '"-1" is less than 0: a percentage must be 0 or more.'),
        ("101", '"101" is too large: a percentage here must be 100 or less.'),
    ]:
        with pytest.raises(NumberError) as caught:
            parse_percent(text)
        assert caught.value.message == message


pence = st.integers(min_value=0, max_value=int(MAX_MONEY * 100) - 1)


@given(pence, st.booleans(), st.booleans())
def test_every_valid_amount_round_trips(count: int, symbol: bool, commas: bool) -> None:
    amount = Decimal(count) / 100
    text = f"{'£' if symbol else ''}{amount:{',' if commas else ''}.2f}"
    assert parse_money(text) == amount


@given(st.integers(min_value=0, max_value=MAX_POINTS))
def test_every_valid_number_of_points_round_trips(points: int) -> None:
    assert parse_points(str(points)) == points


@given(st.text(max_size=60))
def test_any_text_is_read_or_refused_plainly(text: str) -> None:
    for parse in (parse_money, parse_points, parse_percent):
        try:
            value = parse(text)
        except NumberError as error:
            # No exception's name in the message, beyond the text itself quoted back.
            said = error.message.replace(quote(text.strip()), "")
            assert error.message.endswith(".") and "Error" not in said
        else:
            assert value >= 0
