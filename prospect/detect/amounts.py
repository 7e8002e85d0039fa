"""Money as news writes it: "$40M", "$2.5 million", "€1.2bn", "C$750 million", "CAD $316,000",
"£80m", "US$", "Rs 50 crore", "₹100 crore", "CHF 10 million", "40 million euros".

`AMOUNT_RE` finds one amount; `parse_amount` turns its groups into a float in
units (not millions) and an ISO currency code.
"""

from __future__ import annotations

import re

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "usd": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD", "s$": "SGD",
    "sgd": "SGD", "hk$": "HKD", "hkd": "HKD", "r$": "BRL", "brl": "BRL", "€": "EUR",
    "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "₹": "INR",
    "rs": "INR", "rs.": "INR", "inr": "INR", "chf": "CHF", "sek": "SEK", "nok": "NOK",
    "dkk": "DKK", "₩": "KRW", "krw": "KRW", "cny": "CNY", "rmb": "CNY", "₦": "NGN",
    "ngn": "NGN", "zar": "ZAR", "aed": "AED", "₪": "ILS", "ils": "ILS", "mxn": "MXN",
    "pln": "PLN", "zł": "PLN",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollars": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "sterling": "GBP",
    "yen": "JPY", "rupees": "INR", "francs": "CHF", "swiss francs": "CHF", "kronor": "SEK",
    "krona": "SEK", "yuan": "CNY", "won": "KRW", "naira": "NGN", "rand": "ZAR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "chf": "CHF", "inr": "INR",
}  # fmt: skip
UNITS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
    "b": 1e9, "bn": 1e9, "billion": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7,
    "cr": 1e7, "lakh": 1e5, "lakhs": 1e5, "crores": 1e7,
}  # fmt: skip

_PREFIX = (
    r"(?P<cur>(?<![A-Za-z])(?:USD|CAD|AUD|NZD|SGD|HKD|US)\s?\$|US\$|C\$|CA\$|A\$|AU\$|NZ\$|S\$|HK\$|R\$|\$"
    # "EUR €6.8m", "GBP £2m", "INR ₹50 crore": the code and the symbol both written
    r"|(?<![A-Za-z])(?:EUR\s?€|GBP\s?£|INR\s?₹)|€|£|¥|₹|₩|₦|₪"
    r"|(?<![A-Za-z])(?:USD|CAD|AUD|NZD|SGD|HKD|BRL|EUR|GBP|JPY|INR|Rs\.?|CHF|SEK|NOK|DKK|KRW|"
    r"CNY|RMB|NGN|ZAR|AED|ILS|MXN|PLN)(?![A-Za-z]))"
)
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})++(?:\.\d+)?|\d++(?:\.\d+)?)"
_UNIT = (
    r"(?:\s?(?P<unit>million|mn|mln|billion|bn|thousand|trillion|crores?|lakhs?|cr|tn)\b"
    r"|(?P<unit_short>[mMbBkK]|MM)\b|\s(?P<unit_spaced>[MBK])\b(?![-.'’]\w))?"
)
_NUM2 = r"(?P<num2>\d{1,3}(?:,\d{3})++(?:\.\d+)?|\d++(?:\.\d+)?)"
_SUFFIX = (
    r"(?P<num2_all>" + _NUM2 + r"\s?(?P<unit2>million|billion|mn|bn|thousand|crore|lakh|m|k)?\s+"
    r"(?P<curword>dollars|euros?|pounds|sterling|yen|rupees|(?:swiss\s+)?francs|kronor|krona|"
    r"yuan|won|naira|rand|USD|EUR|GBP|CHF|INR)\b)"
)
AMOUNT_PATTERN = r"(?:" + _PREFIX + r"\s?" + _NUM + _UNIT + r"|" + _SUFFIX + r")"
AMOUNT_RE = re.compile(AMOUNT_PATTERN)


def parse_amount(m: re.Match[str]) -> tuple[float, str]:
    """(amount in units, ISO currency) from a match of AMOUNT_RE."""
    if m.group("num") is not None:
        value = float(m.group("num").replace(",", ""))
        unit = (m.group("unit") or m.group("unit_short") or m.group("unit_spaced") or "").lower()
        key = m.group("cur").lower().replace(" ", "")
        if key not in CURRENCY_SYMBOLS and key.endswith(("$", "€", "£", "₹")):
            key = key[:-1]  # "CAD $316,000", "USD$5M": the code says which dollar
        currency = CURRENCY_SYMBOLS.get(key, "USD")
    else:
        value = float(m.group("num2").replace(",", ""))
        unit = (m.group("unit2") or "").lower()
        word = " ".join(m.group("curword").lower().split())
        currency = CURRENCY_WORDS.get(word, "USD")
    # rounded to the cent: 8.3 * 1e9 is 8300000000.000001 in binary floating point
    return round(value * UNITS.get(unit, 1.0), 2), currency
