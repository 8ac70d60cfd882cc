"""The course dates reach the trainee's own calendar in each engine: "Add to my calendar" downloads
an .ics file, and an independent reader (Python's icalendar, through tests/tools/read_ics.py)
finds every classroom day at 10:00 UK time with its reminder the evening before."""

import datetime
import json
import subprocess
import sys
from pathlib import Path

from app import next_monday

READ_ICS = Path(__file__).resolve().parents[1] / "tools" / "read_ics.py"


def test_the_calendar_download_arrives_and_reads_back(browser):
    start = next_monday()
    browser.set_course_dates(start)
    browser.tap(browser.button("Add to my calendar"))

    ics = browser.downloaded(".ics")
    assert ics.name == "peer-support-course.ics"
    out = subprocess.run([sys.executable, str(READ_ICS), str(ics)], check=True, capture_output=True)
    [read] = json.loads(out.stdout)
    days = [e for e in read["events"] if e["uid"].startswith("peer-study-classroom-day-")]
    assert len(days) == 10
    first = next(e for e in days if e["uid"] == "peer-study-classroom-day-1@peer-study.invalid")
    # 10:00 in London on the first day, whatever the clocks are doing then: the file's own time
    # zone rules and the system's time zone database agree.
    assert first["start_utc"] == first["start_utc_tzdb"]
    assert first["start_utc"].startswith(start.isoformat())
    assert all(len(e["alarms"]) == 1 for e in days)
    eve = datetime.date.fromisoformat(first["alarms"][0]["fires_local"][:10])
    assert eve == start - datetime.timedelta(days=1)
    browser.find(
        "//*[@role='status'][contains(., 'peer-support-course.ics')]",
        "the message that the calendar file is ready",
    )
