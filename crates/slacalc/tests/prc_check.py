#!/usr/bin/env python3
"""Independent check of the built-in PRC statutory calendar (issue #3).

Reads lines `YYYY-MM-DD workday|weekend|holiday|makeup-workday [name]` (what
`slacalc calendar days FROM TO --calendar prc` prints) from the file named on the command line
(or stdin) and compares every date with the `chinesecalendar` package (import name
`chinese_calendar`), a second source written independently of this repository. Used only by the
tests, never at run time. Prints each mismatching date and exits 1 if there is any; exits 3 if
the package is missing; compares only the years both sources cover and says which.

chinesecalendar's model: `is_workday` is True on a working day; `get_holiday_detail` gives
(is_holiday, name), with a name on statutory holidays and on make-up workdays. Mapped to this
repository's kinds:
  workday        = working day, no name
  makeup-workday = working day with a name (调休上班日)
  holiday        = day off with a name
  weekend        = day off without a name

What must agree, for every date: whether the day is worked, and whether it is a make-up workday;
a Monday-to-Friday day off must be a holiday in both. A Saturday or Sunday inside a break may be
labelled `holiday` by one source and `weekend` by the other: the table here calls the whole
break a holiday (e.g. 2016-01-01..03 for "1月1日放假,与周末连休"), chinesecalendar does so for
some years and not others (2019-04-06 yes, 2016-01-02 no). Such label-only differences are
listed but do not fail. KNOWN lists the substantive disagreements where the notice itself
settles the question, with its words; any other disagreement fails.
"""
import datetime
import sys

try:
    import chinese_calendar as cc
except ImportError:
    print("prc_check: the chinesecalendar package is not installed (scripts/setup installs it)")
    sys.exit(3)


KNOWN = {
    # 国办发明电〔2005〕35号 (2006 notice): "12月31日(星期六)上班" - a make-up Saturday that
    # chinesecalendar 1.11.0 does not list (it calls the day an ordinary weekend).
    datetime.date(2005, 12, 31): ("makeup-workday", "weekend"),
}


def theirs(day):
    working = cc.is_workday(day)
    _, name = cc.get_holiday_detail(day)
    if working:
        return "makeup-workday" if name else "workday"
    return "holiday" if name else "weekend"


def main():
    stream = open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin
    ours = {}
    for line in stream:
        parts = line.split()
        if len(parts) < 2:
            continue
        ours[datetime.date.fromisoformat(parts[0])] = parts[1]
    # chinesecalendar covers whole years from its first to its last listed holiday.
    listed = sorted(list(cc.holidays) + list(cc.workdays))
    first, last = listed[0].year, listed[-1].year
    mismatches, labels, known = [], [], []
    years = set()
    for day, kind in sorted(ours.items()):
        if not first <= day.year <= last:
            continue
        years.add(day.year)
        want = theirs(day)
        if want == kind:
            continue
        line = f"{day} ours={kind} chinesecalendar={want}"
        if KNOWN.get(day) == (kind, want):
            known.append(line)
        elif {kind, want} == {"holiday", "weekend"} and day.weekday() >= 5:
            labels.append(line)
        else:
            mismatches.append(line)
    print(
        f"prc_check: compared {sum(1 for d in ours if first <= d.year <= last)} dates, "
        f"years {min(years) if years else '-'}-{max(years) if years else '-'} "
        f"(chinesecalendar {getattr(cc, '__version__', '?')} covers {first}-{last})"
    )
    print(f"prc_check: {len(labels)} weekend days inside a break labelled differently (not failures)")
    for m in labels:
        print("label only:", m)
    for m in known:
        print("known, the notice settles it:", m)
    for m in mismatches:
        print("mismatch:", m)
    if mismatches:
        print(f"prc_check: {len(mismatches)} mismatching dates")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
