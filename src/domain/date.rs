//! Calendar dates and instants, without a date-time crate.
//!
//! Sessions, due dates and journal entries are *calendar dates*: a trainee's Tuesday is a Tuesday
//! wherever the clocks went forward. So scheduling works on whole days counted from the civil
//! calendar (proleptic Gregorian), never on timestamps, which keeps daylight-saving changes out of
//! the arithmetic entirely. Instants (when something was saved) are plain milliseconds since the
//! Unix epoch, supplied by the caller so that everything here stays pure and testable.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the week, Monday first as in the UK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    /// Every weekday, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Zero for Monday up to six for Sunday.
    pub fn index_from_monday(self) -> u8 {
        self as u8
    }

    /// The English name, capitalised ("Tuesday").
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }
}

/// A date in the civil calendar, such as 2026-11-23.
///
/// Stored and serialised as an ISO 8601 string (`"2026-11-23"`), which sorts correctly as text and
/// reads clearly in a backup file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a piece of text is not a date we can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The text is not in the form `YYYY-MM-DD`.
    Format(String),
    /// The parts are numbers, but not a day that exists (such as 2026-02-30).
    NoSuchDay { year: i32, month: u32, day: u32 },
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(text) => {
                write!(f, "\"{text}\" is not a date in the form YYYY-MM-DD")
            }
            DateError::NoSuchDay { year, month, day } => {
                write!(
                    f,
                    "{year:04}-{month:02}-{day:02} is not a day in the calendar"
                )
            }
        }
    }
}

impl std::error::Error for DateError {}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl CalendarDate {
    /// The date for a year, month (1-12) and day (1-31), if that day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let no_such_day = DateError::NoSuchDay { year, month, day };
        if !(1..=12).contains(&month) || !(1..=9999).contains(&year) {
            return Err(no_such_day);
        }
        if day == 0 || day > u32::from(days_in_month(year, month as u8)) {
            return Err(no_such_day);
        }
        Ok(Self {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The year, such as 2026.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 for January to 12 for December.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    ///
    /// The days-from-civil algorithm published by Howard Hinnant, written out here so that no date
    /// crate is paid for in the wasm.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date a number of days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    /// This date moved by a whole number of days (negative moves back).
    pub fn add_days(self, days: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: CalendarDate) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let index = (self.days_since_epoch() + 3).rem_euclid(7) as usize;
        Weekday::ALL[index]
    }

    /// The first date on or after this one that falls on `weekday`.
    pub fn next_on_or_after(self, weekday: Weekday) -> Self {
        let from = i64::from(self.weekday().index_from_monday());
        let to = i64::from(weekday.index_from_monday());
        self.add_days((to - from).rem_euclid(7))
    }

    /// The calendar date (in UTC) of an instant given in milliseconds since the Unix epoch.
    ///
    /// Callers that want the trainee's local date pass the instant already shifted by the local
    /// offset (the browser's `Date#getTimezoneOffset`).
    pub fn from_unix_ms(ms: i64) -> Self {
        Self::from_days_since_epoch(ms.div_euclid(86_400_000))
    }

    /// A friendly form for the interface: "Mon 23 Nov 2026".
    pub fn display_short(self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        format!(
            "{} {} {} {}",
            &self.weekday().name()[..3],
            self.day,
            MONTHS[usize::from(self.month - 1)],
            self.year
        )
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for CalendarDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let format_error = || DateError::Format(text.chars().take(40).collect());
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(format_error());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| format_error())
            } else {
                Err(format_error())
            }
        };
        let year = number(0..4)?;
        let month = number(5..7)?;
        let day = number(8..10)?;
        CalendarDate::new(year as i32, month, day)
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// An instant as milliseconds since the Unix epoch, as the browser's `Date.now()` gives it.
pub type UnixMs = i64;

/// An instant written for people and files: "2026-11-21T09:54:19Z" (UTC, whole seconds).
pub fn format_instant_utc(ms: UnixMs) -> String {
    let date = CalendarDate::from_unix_ms(ms);
    let second_of_day = ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        second_of_day / 3600,
        (second_of_day / 60) % 60,
        second_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    #[test]
    fn known_days_have_the_right_weekday() {
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2026-11-21").weekday(), Weekday::Saturday);
        assert_eq!(date("2026-11-23").weekday(), Weekday::Monday);
        assert_eq!(date("2000-02-29").weekday(), Weekday::Tuesday);
    }

    #[test]
    fn days_since_epoch_round_trips_across_four_centuries() {
        let mut day = date("1900-01-01").days_since_epoch();
        let end = date("2300-12-31").days_since_epoch();
        let mut previous: Option<CalendarDate> = None;
        while day <= end {
            let d = CalendarDate::from_days_since_epoch(day);
            assert_eq!(d.days_since_epoch(), day, "round trip for {d}");
            if let Some(p) = previous {
                assert!(p < d, "{p} should sort before {d}");
            }
            previous = Some(d);
            day += 1;
        }
    }

    #[test]
    fn adding_days_crosses_months_years_and_leap_days() {
        assert_eq!(date("2026-12-30").add_days(3), date("2027-01-02"));
        assert_eq!(date("2028-02-28").add_days(1), date("2028-02-29"));
        assert_eq!(date("2027-02-28").add_days(1), date("2027-03-01"));
        assert_eq!(date("2026-03-01").add_days(-1), date("2026-02-28"));
        assert_eq!(date("2026-11-21").days_until(date("2026-11-30")), 9);
    }

    #[test]
    fn clock_changes_do_not_move_calendar_dates() {
        // UK clocks go forward on 2026-03-29 and back on 2026-10-25: a weekly session stays on
        // the same weekday either side of both.
        let before_spring = date("2026-03-24");
        assert_eq!(before_spring.add_days(7), date("2026-03-31"));
        assert_eq!(before_spring.add_days(7).weekday(), Weekday::Tuesday);
        let before_autumn = date("2026-10-20");
        assert_eq!(before_autumn.add_days(7).weekday(), Weekday::Tuesday);
    }

    #[test]
    fn next_on_or_after_finds_the_coming_weekday() {
        let saturday = date("2026-11-21");
        assert_eq!(
            saturday.next_on_or_after(Weekday::Monday),
            date("2026-11-23")
        );
        assert_eq!(saturday.next_on_or_after(Weekday::Saturday), saturday);
        assert_eq!(
            saturday.next_on_or_after(Weekday::Friday),
            date("2026-11-27")
        );
    }

    #[test]
    fn bad_text_is_refused_with_a_message_that_says_why() {
        for bad in [
            "",
            "2026-1-01",
            "2026/01/01",
            "20260101xx",
            "2026-13-01",
            "2026-02-29",
            "２０２６-01-01",
        ] {
            let err = bad.parse::<CalendarDate>().unwrap_err();
            assert!(!err.to_string().is_empty());
        }
        assert_eq!(
            "2026-02-30"
                .parse::<CalendarDate>()
                .unwrap_err()
                .to_string(),
            "2026-02-30 is not a day in the calendar"
        );
    }

    #[test]
    fn dates_serialise_as_iso_strings() {
        let d = date("2026-11-23");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-23\"");
        assert_eq!(
            serde_json::from_str::<CalendarDate>("\"2026-11-23\"").unwrap(),
            d
        );
        assert!(serde_json::from_str::<CalendarDate>("\"23/11/2026\"").is_err());
    }

    #[test]
    fn instants_format_as_utc() {
        assert_eq!(format_instant_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            format_instant_utc(1_795_254_859_000),
            "2026-11-21T09:54:19Z"
        );
        assert_eq!(format_instant_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(date("2026-11-23").display_short(), "Mon 23 Nov 2026");
    }
}
