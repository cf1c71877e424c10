#!/usr/bin/env python3
"""Rebuilds src/context/data/given-names.json, the given names the paste reader takes out of pasted notes
wherever they stand, in any case ("son jamie in barlinnie", "after kirsty's eviction"): issue #17, hazard H23.
Run by hand when the sources change, never at run time (and never by `npm test`):

    pip install rdata
    python3 scripts/build-given-names.py <ukbabynames checkout> > src/context/data/given-names.json

Sources (see src/context/data/given-names.README.md for the licences and attribution):
- github.com/mine-cetinkaya-rundel/ukbabynames at commit 199970d (data/scotbabynames.rda, National Records of
  Scotland babies' first names 1974-2020; data/ewbabynames.rda, Office for National Statistics baby names for
  England and Wales 1996-2020), both under the Open Government Licence v3.0;
- Debian's `wbritish` word list (/usr/share/dict/british-english, SCOWL), used only to leave out a name that is also
  an English word ("will", "grace", "dawn"): none of its words is in the output.

A name is kept when it was given to at least 50 babies in Scotland or 1,000 in England and Wales over the years covered,
is three letters or more, and is no lower-case word of the word list. The thresholds: a rarer name is more often a word
in a note than a name ("kush", "nash", "bridie", "roza" were taken out of a seventh hostile review's notes at 20 and
100, 7,810 names); at 50 and 1,000 (2,463 names) every held-out set showed the same number of other people's details.
Names the registers do not hold (pet forms, adults' names from abroad) are in the reader's lexicon, not here. What the reader also treats as a word (the prompt lexicons, Scots words, clinical
short forms) is left out at run time by the reader's own lists, not here.
"""
import json
import re
import subprocess
import sys

import rdata

SCOTLAND_MIN = 50
ENGLAND_WALES_MIN = 1000


def totals(repo: str, path: str) -> dict[str, float]:
    raw = subprocess.run(['git', '-C', repo, 'show', f'HEAD:{path}'], check=True, capture_output=True).stdout
    with open('/tmp/given-names.rda', 'wb') as f:
        f.write(raw)
    frame = next(iter(rdata.read_rda('/tmp/given-names.rda').values()))
    out: dict[str, float] = {}
    for name, n in zip(frame['name'], frame['n']):
        key = str(name).lower()
        out[key] = out.get(key, 0.0) + float(n)
    return out


def main() -> None:
    repo = sys.argv[1] if len(sys.argv) > 1 else '.'
    scotland = totals(repo, 'data/scotbabynames.rda')
    england_wales = totals(repo, 'data/ewbabynames.rda')
    words = set()
    with open('/usr/share/dict/british-english', encoding='utf-8') as f:
        for line in f:
            w = line.strip()
            if w and w[0].islower():
                words.add(w.lower())
                words.add(w.lower().removesuffix("'s"))
    names = {n for n, c in scotland.items() if c >= SCOTLAND_MIN} | {n for n, c in england_wales.items() if c >= ENGLAND_WALES_MIN}
    kept = sorted(n for n in names if re.fullmatch(r"[a-z][a-z'-]+[a-z]", n) and len(n) >= 3 and n not in words)
    json.dump({'$comment': 'Built by scripts/build-given-names.py; sources and licences in README.md beside this file.', 'names': kept}, sys.stdout, indent=0)
    sys.stdout.write('\n')


main()
