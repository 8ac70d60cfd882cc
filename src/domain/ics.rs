//! The pieces of an iCalendar (RFC 5545) file that Peer Study writes: text escaping, line
//! folding, UK time (Europe/London, with its clock changes) and the `VTIMEZONE` that describes it.
//!
//! Nothing here knows about the course; [`crate::domain::course_calendar`] builds the events. Kept
//! apart so each rule of the format is tested on its own and the course file stays readable.
//!
//! # UK time without a time zone database
//!
//! The UK has followed one rule since 1996 (the EU's): clocks go forward from GMT (+00:00) to
//! BST (+01:00) at 01:00 UTC on the last Sunday of March, and back at 01:00 UTC on the last Sunday
//! of October. Dates here are in the range a course can have (years 1996 to 9999), so that rule is
//! all the app needs, and no time zone crate is paid for in the wasm.

use std::fmt::Write as _;

use super::date::{CalendarDate, UnixMs, Weekday};

/// The longest line RFC 5545 allows, in octets, not counting the CRLF.
pub const MAX_LINE_OCTETS: usize = 75;

/// The time zone every classroom day is written in.
pub const LONDON_TZID: &str = "Europe/London";

/// Escapes a TEXT value: backslash, semicolon and comma get a backslash, and each line break
/// (CRLF, CR or LF) becomes `\n`. Other control characters, which calendars refuse, become spaces.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // A CRLF pair is one line break, not two.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line to `out`, folded so that no physical line is longer than
/// [`MAX_LINE_OCTETS`] octets, each ending with CRLF.
///
/// A continuation line starts with one space (which counts towards its 75), and a fold never
/// falls inside a UTF-8 character, so every physical line is valid UTF-8 on its own.
pub fn push_folded(out: &mut String, line: &str) {
    let mut rest = line;
    let mut limit = MAX_LINE_OCTETS;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space of a continuation line is one of its 75 octets.
        limit = MAX_LINE_OCTETS - 1;
    }
}

/// Undoes [`push_folded`] on a whole file: the logical lines, without their CRLFs. For tests and
/// for reading back what was written.
pub fn unfold(file: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for physical in file.split("\r\n") {
        if let Some(continuation) = physical.strip_prefix(' ') {
            if let Some(last) = lines.last_mut() {
                last.push_str(continuation);
                continue;
            }
        }
        if !physical.is_empty() {
            lines.push(physical.to_string());
        }
    }
    lines
}

/// The last Sunday of `month` in `year`.
fn last_sunday(year: i32, month: u32) -> CalendarDate {
    let first_of_next = if month == 12 {
        CalendarDate::new(year + 1, 1, 1)
    } else {
        CalendarDate::new(year, month + 1, 1)
    }
    .expect("the first of a month always exists");
    // The last seven days of a month hold exactly one Sunday: the last one.
    first_of_next.add_days(-7).next_on_or_after(Weekday::Sunday)
}

/// The instants (seconds since the Unix epoch) UK clocks go forward and back in `year`.
fn clock_changes(year: i32) -> (i64, i64) {
    let at_one_utc = |date: CalendarDate| date.days_since_epoch() * 86_400 + 3_600;
    (
        at_one_utc(last_sunday(year, 3)),
        at_one_utc(last_sunday(year, 10)),
    )
}

/// The UK's offset from UTC, in seconds, at an instant given in seconds since the Unix epoch:
/// 3,600 during British Summer Time, 0 otherwise.
pub fn london_offset_at(utc_seconds: i64) -> i64 {
    let year = CalendarDate::from_days_since_epoch(utc_seconds.div_euclid(86_400)).year();
    let (forward, back) = clock_changes(year);
    if (forward..back).contains(&utc_seconds) {
        3_600
    } else {
        0
    }
}

/// The instant (seconds since the Unix epoch) of a UK wall-clock time: `date` at `minute_of_day`
/// minutes after midnight.
///
/// As RFC 5545 reads such times: a time in the hour skipped in March has the offset from before
/// the change (GMT), and a time in the hour that happens twice in October is its first (summer)
/// occurrence. Classroom days and reminders are at 10:00 and 19:00, well clear of both.
pub fn london_to_utc(date: CalendarDate, minute_of_day: u32) -> i64 {
    let local = date.days_since_epoch() * 86_400 + i64::from(minute_of_day) * 60;
    // Try summer time first: if the instant it gives is in summer time, that reading stands.
    let as_summer = local - 3_600;
    if london_offset_at(as_summer) == 3_600 {
        as_summer
    } else {
        // Winter time, or inside the hour skipped in March (read with the offset before it).
        local
    }
}

/// A local date and time as iCalendar writes it: `20261124T100000`.
pub fn local_date_time(date: CalendarDate, minute_of_day: u32) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}00",
        date.year(),
        date.month(),
        date.day(),
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// A date as iCalendar writes it: `20261124`.
pub fn ics_date(date: CalendarDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// An instant in UTC as iCalendar writes it: `20261121T095419Z`.
pub fn utc_date_time(ms: UnixMs) -> String {
    let seconds = ms.div_euclid(1_000);
    let date = CalendarDate::from_days_since_epoch(seconds.div_euclid(86_400));
    let second_of_day = seconds.rem_euclid(86_400);
    format!(
        "{}T{:02}{:02}{:02}Z",
        ics_date(date),
        second_of_day / 3_600,
        (second_of_day / 60) % 60,
        second_of_day % 60
    )
}

/// A length of time as an iCalendar DURATION, such as `-PT15H` or `PT14H30M` (never days, which
/// calendars would read as nominal days and shift across a clock change).
pub fn duration(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.abs();
    let (hours, minutes, secs) = (seconds / 3_600, (seconds / 60) % 60, seconds % 60);
    let mut out = format!("{sign}PT");
    if hours > 0 {
        let _ = write!(out, "{hours}H");
    }
    if minutes > 0 {
        let _ = write!(out, "{minutes}M");
    }
    if secs > 0 || (hours == 0 && minutes == 0) {
        let _ = write!(out, "{secs}S");
    }
    out
}

/// The `VTIMEZONE` for Europe/London: GMT in winter, BST in summer, changing on the last Sundays
/// of March and October at 01:00 UTC (01:00 GMT forward, 02:00 BST back).
pub fn london_vtimezone() -> [&'static str; 17] {
    [
        "BEGIN:VTIMEZONE",
        "TZID:Europe/London",
        "BEGIN:DAYLIGHT",
        "TZOFFSETFROM:+0000",
        "TZOFFSETTO:+0100",
        "TZNAME:BST",
        "DTSTART:19960331T010000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0000",
        "TZNAME:GMT",
        "DTSTART:19961027T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    #[test]
    fn commas_semicolons_backslashes_and_line_breaks_are_escaped() {
        for (text, escaped) in [
            (
                "Boundaries, risk; and C:\\notes",
                "Boundaries\\, risk\\; and C:\\\\notes",
            ),
            ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour"),
            ("tab\there", "tab here"),
            ("Café “hope” 🌱", "Café “hope” 🌱"),
        ] {
            assert_eq!(escape_text(text), escaped, "{text:?}");
        }
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_crlf() {
        let line = format!("SUMMARY:{}", "a".repeat(200));
        let mut out = String::new();
        push_folded(&mut out, &line);
        assert!(out.ends_with("\r\n"));
        let physical: Vec<&str> = out.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(physical[0].len(), 75);
        for continuation in &physical[1..] {
            assert!(continuation.starts_with(' '));
            assert!(continuation.len() <= 75, "{continuation:?}");
        }
        assert_eq!(unfold(&out), vec![line]);
    }

    #[test]
    fn folding_never_splits_a_character() {
        // Three-byte and four-byte characters placed so a naive cut at 75 would split them.
        for prefix in 0..4 {
            let line = format!("DESCRIPTION:{}{}", "x".repeat(prefix), "€🌱é".repeat(40));
            let mut out = String::new();
            push_folded(&mut out, &line);
            for physical in out.split("\r\n") {
                assert!(
                    physical.len() <= MAX_LINE_OCTETS,
                    "{} octets",
                    physical.len()
                );
            }
            // Every piece is whole UTF-8 (it is a &str), and unfolding gives the line back.
            assert_eq!(unfold(&out), vec![line]);
        }
    }

    #[test]
    fn a_short_line_is_left_alone() {
        let mut out = String::new();
        push_folded(&mut out, "BEGIN:VCALENDAR");
        assert_eq!(out, "BEGIN:VCALENDAR\r\n");
        let exactly = "X".repeat(75);
        let mut out = String::new();
        push_folded(&mut out, &exactly);
        assert_eq!(out, format!("{exactly}\r\n"));
    }

    #[test]
    fn uk_clocks_change_on_the_last_sundays_of_march_and_october() {
        assert_eq!(last_sunday(2026, 3), date("2026-03-29"));
        assert_eq!(last_sunday(2026, 10), date("2026-10-25"));
        assert_eq!(last_sunday(2027, 3), date("2027-03-28"));
        assert_eq!(last_sunday(2027, 10), date("2027-10-31"));
        assert_eq!(last_sunday(2029, 12), date("2029-12-30"));
    }

    #[test]
    fn ten_in_the_morning_is_nine_utc_in_summer_and_ten_in_winter() {
        let hour = |d: &str| (london_to_utc(date(d), 600).rem_euclid(86_400)) / 3_600;
        assert_eq!(hour("2026-01-13"), 10);
        assert_eq!(
            hour("2026-03-28"),
            10,
            "the Saturday before the clocks go forward"
        );
        assert_eq!(
            hour("2026-03-29"),
            9,
            "the Sunday they go forward, after 01:00 UTC"
        );
        assert_eq!(hour("2026-07-07"), 9);
        assert_eq!(
            hour("2026-10-24"),
            9,
            "the Saturday before the clocks go back"
        );
        assert_eq!(hour("2026-10-25"), 10, "the Sunday they go back");
        assert_eq!(hour("2026-11-24"), 10);
    }

    #[test]
    fn the_hours_around_a_clock_change_read_as_calendars_read_them() {
        let spring = date("2026-03-29");
        let midnight = spring.days_since_epoch() * 86_400;
        assert_eq!(london_to_utc(spring, 59), midnight + 59 * 60, "00:59 GMT");
        assert_eq!(london_to_utc(spring, 180), midnight + 7_200, "03:00 BST");
        assert_eq!(
            london_to_utc(spring, 90),
            midnight + 5_400,
            "01:30 doesn't exist: GMT"
        );
        let autumn = date("2026-10-25");
        let midnight = autumn.days_since_epoch() * 86_400;
        assert_eq!(
            london_to_utc(autumn, 90),
            midnight + 1_800,
            "01:30, first time round"
        );
        assert_eq!(london_to_utc(autumn, 180), midnight + 10_800, "03:00 GMT");
        assert_eq!(london_offset_at(midnight + 3_599), 3_600);
        assert_eq!(london_offset_at(midnight + 3_600), 0);
    }

    #[test]
    fn dates_times_and_durations_are_written_as_the_format_asks() {
        assert_eq!(local_date_time(date("2026-11-24"), 600), "20261124T100000");
        assert_eq!(ics_date(date("2027-01-05")), "20270105");
        assert_eq!(utc_date_time(1_795_254_859_000), "20261121T095419Z");
        assert_eq!(duration(-15 * 3_600), "-PT15H");
        assert_eq!(duration(14 * 3_600 + 1_800), "PT14H30M");
        assert_eq!(duration(0), "PT0S");
    }

    #[test]
    fn the_time_zone_names_both_rules() {
        let zone = london_vtimezone().join("\n");
        assert!(zone.contains("TZID:Europe/London"));
        assert!(zone.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
        assert!(zone.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    }
}
