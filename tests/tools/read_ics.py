#!/usr/bin/env python3
"""Read .ics files with Python's icalendar, an independent reader, and print what it finds as JSON.

Usage: python3 tests/tools/read_ics.py FILE.ics [FILE.ics ...]

Before icalendar parses a file, the raw bytes are checked here: valid UTF-8, every line ended by
CRLF, no physical line longer than 75 octets. Each timed event's start is turned into UTC twice:
with the file's own VTIMEZONE rules (icalendar's Timezone.to_tz(lookup_tzid=False)) and with the system's time zone
database (zoneinfo "Europe/London"), so a wrong VTIMEZONE shows up as a difference.

For each file it prints {"file", "calendar_name", "events": [{"uid", "summary", "description",
"start_utc", "start_utc_tzdb", "end_utc", "all_day_start", "all_day_end", "alarms":
[{"fires_utc", "fires_local", "description"}]}]} in a JSON list on stdout.

Exit codes: 0 all read; 1 a file could not be read (details on stderr); 3 icalendar is missing.
"""

import json
import sys
from datetime import date, datetime, timezone

try:
    import icalendar
    from zoneinfo import ZoneInfo
except ImportError:
    sys.stderr.write("icalendar is not installed. Install it with: pip install icalendar\n")
    sys.exit(3)


def check_bytes(raw):
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    if not text.endswith("\r\n"):
        raise ValueError("the file does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), start=1):
        if b"\n" in line or b"\r" in line:
            raise ValueError(f"line {number} has a bare CR or LF")
        if len(line) > 75:
            raise ValueError(f"line {number} is {len(line)} octets long")
        line.decode("utf-8")  # a fold must not split a character
    return text


def utc(value):
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read(path):
    with open(path, "rb") as f:
        raw = f.read()
    check_bytes(raw)
    calendar = icalendar.Calendar.from_ical(raw)
    # lookup_tzid=False: build each zone from the file's own rules, not from its well-known name.
    zones = {str(z["TZID"]): z.to_tz(lookup_tzid=False) for z in calendar.walk("VTIMEZONE")}
    london = ZoneInfo("Europe/London")
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        out = {
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "description": str(event.get("DESCRIPTION", "")),
            "alarms": [],
        }
        if isinstance(start, datetime):
            tzid = event["DTSTART"].params["TZID"]
            naive = start.replace(tzinfo=None)
            own = naive.replace(tzinfo=zones[tzid])
            out["start_utc"] = utc(own)
            out["start_utc_tzdb"] = utc(naive.replace(tzinfo=london))
            out["end_utc"] = utc(end.replace(tzinfo=None).replace(tzinfo=zones[tzid]))
            for alarm in event.walk("VALARM"):
                # In UTC: Python adds a timedelta to an aware time on the wall clock, which
                # would hide a clock change between the reminder and the start.
                fires = own.astimezone(timezone.utc) + alarm.decoded("TRIGGER")
                out["alarms"].append(
                    {
                        "fires_utc": utc(fires),
                        "fires_local": fires.astimezone(london).strftime("%Y-%m-%d %H:%M"),
                        "description": str(alarm["DESCRIPTION"]),
                    }
                )
        else:
            assert isinstance(start, date)
            out["all_day_start"] = start.isoformat()
            out["all_day_end"] = end.isoformat()
        events.append(out)
    return {
        "file": path,
        "calendar_name": str(calendar.get("X-WR-CALNAME", "")),
        "events": events,
    }


def main(paths):
    results = []
    for path in paths:
        try:
            results.append(read(path))
        except Exception as error:  # noqa: BLE001 - report any failure as "could not read"
            sys.stderr.write(f"{path}: {type(error).__name__}: {error}\n")
            sys.exit(1)
    json.dump(results, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
