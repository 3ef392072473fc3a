"""Council tools: set a scheme's rate from local cases, check accuracy and fairness.

`cases.py` reads a CSV of anonymised cases and lists every row it cannot use;
`calibrate.py` works out the rate and the checks; `options.py` reads the options as
typed; `recalibrate.py` is the one entry point `ras calibrate` and the council tools
page both call; `new_scheme.py` writes the scheme's TOML with the new rate and
version; `report.py` is the HTML report.
"""
