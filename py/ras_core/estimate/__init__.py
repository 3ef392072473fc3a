"""The indicative budget for one set of answers: its figures and its words.

`figures.py` works out the numbers (points, unpaid support, allocation, band, yearly
figure, hours, the eligibility screen); `words/` is the one place every sentence
about a result is written (the lines a person reads, and the working).
"""
