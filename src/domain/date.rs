//! Calendar dates and instants, on top of `chrono`'s civil calendar.
//!
//! Sessions, due dates and journal entries are *calendar dates*: a trainee's Tuesday is a Tuesday
//! wherever the clocks went forward. So scheduling works on whole days of the civil calendar
//! (proleptic Gregorian, [`chrono::NaiveDate`]), never on timestamps, which keeps daylight-saving
//! changes out of the arithmetic entirely. Instants (when something was saved) are plain
//! milliseconds since the Unix epoch, supplied by the caller so that everything here stays pure
//! and testable: chrono is built without its `clock` feature, so nothing in this layer *can* read
//! the time.
//!
//! Our own two types stay thin wrappers because they carry meaning chrono does not:
//! [`CalendarDate`] is stored as exactly `YYYY-MM-DD` (years 1 to 9999, nothing looser), and
//! [`Weekday`] is stored by its lowercase English name and listed Monday first, as in the UK.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, Days, Month, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A day of the week, Monday first as in the UK.
///
/// Stored by its lowercase name (`"tuesday"`); chrono's own `Weekday` would store `"Tue"`, so this
/// type keeps the stored form and converts to chrono's for the arithmetic.
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

impl From<chrono::Weekday> for Weekday {
    fn from(day: chrono::Weekday) -> Self {
        Weekday::ALL[day.num_days_from_monday() as usize]
    }
}

impl From<Weekday> for chrono::Weekday {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Monday => chrono::Weekday::Mon,
            Weekday::Tuesday => chrono::Weekday::Tue,
            Weekday::Wednesday => chrono::Weekday::Wed,
            Weekday::Thursday => chrono::Weekday::Thu,
            Weekday::Friday => chrono::Weekday::Fri,
            Weekday::Saturday => chrono::Weekday::Sat,
            Weekday::Sunday => chrono::Weekday::Sun,
        }
    }
}

/// A date in the civil calendar, such as 2026-11-23.
///
/// Stored and serialised as an ISO 8601 string (`"2026-11-23"`), which sorts correctly as text and
/// reads clearly in a backup file. Years run from 1 to 9999, the ones that four digits can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CalendarDate(NaiveDate);

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

/// The years a four-digit `YYYY` can write; outside them a date would not read back.
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

impl CalendarDate {
    /// The date for a year, month (1-12) and day (1-31), if that day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        NaiveDate::from_ymd_opt(year, month, day)
            .filter(|_| YEARS.contains(&year))
            .map(Self)
            .ok_or(DateError::NoSuchDay { year, month, day })
    }

    /// The year, such as 2026.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 for January to 12 for December.
    pub fn month(self) -> u32 {
        self.0.month()
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        self.0.day()
    }

    /// The month's English name ("November").
    pub fn month_name(self) -> &'static str {
        // `month0` is 0-11, so the conversion cannot fail; January is a harmless fallback.
        Month::try_from(self.0.month0() as u8 + 1)
            .unwrap_or(Month::January)
            .name()
    }

    /// This date moved by a whole number of days (negative moves back).
    ///
    /// Stops at the first or last day chrono can hold (some 262,000 years away) rather than
    /// failing: no step a trainee can take comes near it.
    pub fn add_days(self, days: i64) -> Self {
        let moved = if days >= 0 {
            self.0.checked_add_days(Days::new(days.unsigned_abs()))
        } else {
            self.0.checked_sub_days(Days::new(days.unsigned_abs()))
        };
        Self(moved.unwrap_or(if days >= 0 {
            NaiveDate::MAX
        } else {
            NaiveDate::MIN
        }))
    }

    /// This date moved by a whole number of weeks (negative moves back); the weekday stays.
    pub fn add_weeks(self, weeks: i64) -> Self {
        self.add_days(weeks.saturating_mul(7))
    }

    /// Whole days since 1970-01-01 (negative before it): the calendar file's clock arithmetic
    /// works in seconds since the Unix epoch.
    pub fn days_since_epoch(self) -> i64 {
        self.0
            .signed_duration_since(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN))
            .num_days()
    }

    /// The date a whole number of days after 1970-01-01 (before it when negative).
    pub fn from_days_since_epoch(days: i64) -> Self {
        Self(NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN)).add_days(days)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: CalendarDate) -> i64 {
        later.0.signed_duration_since(self.0).num_days()
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        self.0.weekday().into()
    }

    /// The first date on or after this one that falls on `weekday`.
    pub fn next_on_or_after(self, weekday: Weekday) -> Self {
        let ahead = chrono::Weekday::from(weekday).days_since(self.0.weekday());
        self.add_days(i64::from(ahead))
    }

    /// The calendar date (in UTC) of an instant given in milliseconds since the Unix epoch.
    ///
    /// Callers that want the trainee's local date pass the instant already shifted by the local
    /// offset (the browser's `Date#getTimezoneOffset`).
    pub fn from_unix_ms(ms: i64) -> Self {
        Self(utc(ms).date_naive())
    }

    /// A friendly form for the interface: "Mon 23 Nov 2026".
    pub fn display_short(self) -> String {
        format!(
            "{} {} {} {}",
            self.0.weekday(),
            self.day(),
            &self.month_name()[..3],
            self.year()
        )
    }
}

/// An instant in UTC; one outside chrono's range (some 262,000 years away, so never a real
/// `Date.now()`) stands at the nearest end of it.
fn utc(ms: UnixMs) -> DateTime<chrono::Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or(if ms < 0 {
        DateTime::<chrono::Utc>::MIN_UTC
    } else {
        DateTime::<chrono::Utc>::MAX_UTC
    })
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // chrono writes years 0 to 9999 as four digits, `YYYY-MM-DD`: the stored form.
        self.0.fmt(f)
    }
}

impl FromStr for CalendarDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let format_error = || DateError::Format(text.chars().take(40).collect());
        // Exactly the stored shape: ten ASCII characters, digits with dashes at 4 and 7. chrono's
        // own parser would also take "2026-1-1" or "+2026-01-01", and its general machinery costs
        // more wasm than reading three fixed fields; chrono then says whether the day exists.
        let shape_ok = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(format_error());
        }
        let field = |range: std::ops::Range<usize>| -> u32 {
            text.as_bytes()[range]
                .iter()
                .fold(0, |n, digit| n * 10 + u32::from(digit - b'0'))
        };
        CalendarDate::new(field(0..4) as i32, field(5..7), field(8..10))
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
    // Whole seconds, rounded down (so -1 ms is still 23:59:59 the day before).
    let instant = utc(ms.div_euclid(1000).saturating_mul(1000));
    format!("{}T{}Z", instant.date_naive(), instant.time())
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
    fn every_day_for_four_centuries_writes_and_reads_back_in_order() {
        // The stored form round-trips and sorts as text in the same order as the days.
        let mut day = date("1900-01-01");
        let end = date("2300-12-31");
        let mut previous: Option<(CalendarDate, String)> = None;
        while day <= end {
            let text = day.to_string();
            assert_eq!(text.len(), 10, "{text}");
            assert_eq!(date(&text), day, "round trip for {text}");
            if let Some((p, p_text)) = &previous {
                assert_eq!(p.days_until(day), 1, "{p} to {day}");
                assert!(*p_text < text, "{p_text} should sort before {text}");
            }
            previous = Some((day, text));
            day = day.add_days(1);
        }
    }

    #[test]
    fn adding_days_crosses_months_years_and_leap_days() {
        assert_eq!(date("2026-12-30").add_days(3), date("2027-01-02"));
        assert_eq!(date("2028-02-28").add_days(1), date("2028-02-29"));
        assert_eq!(date("2027-02-28").add_days(1), date("2027-03-01"));
        assert_eq!(date("2026-03-01").add_days(-1), date("2026-02-28"));
        assert_eq!(date("2026-11-21").days_until(date("2026-11-30")), 9);
        assert_eq!(date("2026-11-30").days_until(date("2026-11-21")), -9);
        assert_eq!(date("2026-12-29").add_weeks(1), date("2027-01-05"));
        assert_eq!(date("2026-03-03").add_weeks(-2), date("2026-02-17"));
    }

    #[test]
    fn clock_changes_do_not_move_calendar_dates() {
        // UK clocks go forward on 2026-03-29 and back on 2026-10-25: a weekly session stays on
        // the same weekday either side of both.
        let before_spring = date("2026-03-24");
        assert_eq!(before_spring.add_weeks(1), date("2026-03-31"));
        assert_eq!(before_spring.add_weeks(1).weekday(), Weekday::Tuesday);
        let before_autumn = date("2026-10-20");
        assert_eq!(before_autumn.add_weeks(1).weekday(), Weekday::Tuesday);
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
    fn weekdays_convert_to_and_from_chrono_one_for_one() {
        for day in Weekday::ALL {
            let theirs = chrono::Weekday::from(day);
            assert_eq!(Weekday::from(theirs), day);
            assert_eq!(
                theirs.num_days_from_monday(),
                u32::from(day.index_from_monday())
            );
            assert!(day.name().starts_with(&theirs.to_string()));
        }
    }

    #[test]
    fn bad_text_is_refused_with_a_message_that_says_why() {
        for bad in [
            "",
            "2026-1-01",
            "2026-01-1 ",
            "+2026-01-01",
            " 2026-01-01",
            "2026/01/01",
            "20260101xx",
            "2026-13-01",
            "2026-02-29",
            "0000-01-01",
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
        assert_eq!(
            "2026/02/03"
                .parse::<CalendarDate>()
                .unwrap_err()
                .to_string(),
            "\"2026/02/03\" is not a date in the form YYYY-MM-DD"
        );
        assert!(CalendarDate::new(2026, 2, 29).is_err());
        assert!(CalendarDate::new(0, 1, 1).is_err());
        assert!(CalendarDate::new(10_000, 1, 1).is_err());
        assert_eq!(CalendarDate::new(2028, 2, 29), Ok(date("2028-02-29")));
    }

    #[test]
    fn dates_serialise_as_iso_strings() {
        let d = date("2026-11-23");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-23\"");
        assert_eq!(
            serde_json::from_str::<CalendarDate>("\"2026-11-23\"").unwrap(),
            d
        );
        assert_eq!(
            serde_json::to_string(&date("0987-01-02")).unwrap(),
            "\"0987-01-02\""
        );
        assert!(serde_json::from_str::<CalendarDate>("\"23/11/2026\"").is_err());
        assert_eq!(
            serde_json::to_string(&Weekday::ALL).unwrap(),
            r#"["monday","tuesday","wednesday","thursday","friday","saturday","sunday"]"#
        );
    }

    #[test]
    fn instants_format_as_utc() {
        assert_eq!(format_instant_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            format_instant_utc(1_795_254_859_000),
            "2026-11-21T09:54:19Z"
        );
        assert_eq!(
            format_instant_utc(1_795_254_859_999),
            "2026-11-21T09:54:19Z"
        );
        assert_eq!(format_instant_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(
            CalendarDate::from_unix_ms(1_795_254_859_000),
            date("2026-11-21")
        );
        assert_eq!(CalendarDate::from_unix_ms(-1), date("1969-12-31"));
    }

    #[test]
    fn dates_read_the_british_way() {
        assert_eq!(date("2026-11-23").display_short(), "Mon 23 Nov 2026");
        assert_eq!(date("2026-09-01").display_short(), "Tue 1 Sep 2026");
        assert_eq!(date("2026-11-23").month_name(), "November");
        let months: Vec<&str> = (1..=12)
            .map(|m| CalendarDate::new(2026, m, 1).unwrap().month_name())
            .collect();
        assert_eq!(months[0], "January");
        assert_eq!(months[11], "December");
    }
}
