"""What a person might pay towards their care, beside the estimate: the charging rules of
the scheme's nation and the council's choices as data (`content/charging/`), the person's
answers about money, the sums, and every sentence about the result.

- `rules.py`: the rules files, typed, every problem at once;
- `answers.py`: the answers file's optional "contribution" key;
- `calculate.py`: the sums for England, Scotland and Wales;
- `phrases.py`, `words.py` and `working.py`: the one voice (`lines(result, lang)`),
  every sentence a message said in the language asked for, for `ras contribution` and
  the page alike;
- `run.py`: the command's and the browser's entry points.
"""
