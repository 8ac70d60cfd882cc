//! The placement log: dated entries of time spent on the observational placement, with the
//! setting, what the trainee observed and what they learned, and running totals.
//!
//! Time can be given as hours ("2.5", "2:30", "150 min"), as a start and end time, or both (the
//! hours may then be less than the span, for breaks, but not more). An entry is refused, with a
//! message beside the field, if the time is zero or negative, if the end is not after the start,
//! if the setting is empty, or if it would put more than 24 hours on one date.

// Form errors carry one slot per field, so they are larger than clippy's default for an `Err`.
// They are built once per submit, never in a loop, and unboxed they are simpler for the
// interface to match on.
#![allow(clippy::result_large_err)]

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::CalendarDate;
use super::duration::{parse_minutes, BareNumber};
use super::field_error::{
    join_messages, limited_text, minutes_in_words, required_date, required_text, FieldError,
};

/// Minutes in a day: the most one date can hold.
pub const MINUTES_PER_DAY: u32 = 24 * 60;
/// The longest setting we keep, in characters.
pub const MAX_SETTING_CHARS: usize = 200;
/// The longest reflection we keep per field, in characters (generous: these are the trainee's
/// own words).
pub const MAX_REFLECTION_CHARS: usize = 50_000;

/// A time of day to the minute, such as 09:30. Stored as `"09:30"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay {
    minute_of_day: u16,
}

impl TimeOfDay {
    /// The time `hour`:`minute`, if it exists on a 24-hour clock.
    pub fn new(hour: u32, minute: u32) -> Option<Self> {
        (hour < 24 && minute < 60).then(|| Self {
            minute_of_day: (hour * 60 + minute) as u16,
        })
    }

    /// Minutes since midnight.
    pub fn minute_of_day(self) -> u32 {
        u32::from(self.minute_of_day)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}",
            self.minute_of_day / 60,
            self.minute_of_day % 60
        )
    }
}

impl FromStr for TimeOfDay {
    type Err = FieldError;

    /// Reads "09:30", "9:30", "9.30" or "0930".
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || FieldError::BadTime {
            text: text.to_string(),
        };
        let trimmed = text.trim();
        let (hour, minute) = match trimmed.split_once([':', '.']) {
            Some((h, m)) if (1..=2).contains(&h.len()) && m.len() == 2 => (h, m),
            None if trimmed.len() == 4 => trimmed.split_at(2),
            _ => return Err(bad()),
        };
        if !hour
            .bytes()
            .chain(minute.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        let hour: u32 = hour.parse().map_err(|_| bad())?;
        let minute: u32 = minute.parse().map_err(|_| bad())?;
        TimeOfDay::new(hour, minute).ok_or_else(bad)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// One visit or shift on placement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementEntry {
    /// Stable id, such as `"placement-3"`.
    pub id: String,
    /// The day it happened.
    pub date: CalendarDate,
    /// Time spent, in minutes.
    #[serde(default)]
    pub minutes: u32,
    /// When it started, if given.
    #[serde(default)]
    pub start: Option<TimeOfDay>,
    /// When it ended, if given.
    #[serde(default)]
    pub end: Option<TimeOfDay>,
    /// Where: the team, ward, group or organisation.
    #[serde(default)]
    pub setting: String,
    /// What I observed.
    #[serde(default)]
    pub observed: String,
    /// What I learned.
    #[serde(default)]
    pub learned: String,
}

/// Every placement entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PlacementLog {
    /// Entries in the order they were added.
    pub entries: Vec<PlacementEntry>,
    /// Counter for entry ids, so a removed entry's id is never reused.
    pub next_number: u32,
    /// When the placement runs, once the trainee has said (saves from before this field load
    /// with none).
    pub dates: Option<super::placement_dates::PlacementDates>,
}

/// What the trainee typed in the placement entry form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlacementDraft {
    /// The date.
    pub date: String,
    /// Hours as typed ("2.5", "2:30", "150 min"); may be left empty when times are given.
    pub hours: String,
    /// Start time ("09:30"), optional.
    pub start: String,
    /// End time ("12:00"), optional.
    pub end: String,
    /// Where.
    pub setting: String,
    /// What I observed.
    pub observed: String,
    /// What I learned.
    pub learned: String,
}

/// Field-level problems with a [`PlacementDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlacementErrors {
    /// Beside the date.
    pub date: Option<FieldError>,
    /// Beside the hours.
    pub hours: Option<FieldError>,
    /// Beside the start time.
    pub start: Option<FieldError>,
    /// Beside the end time.
    pub end: Option<FieldError>,
    /// Beside the setting.
    pub setting: Option<FieldError>,
    /// Beside "what I observed".
    pub observed: Option<FieldError>,
    /// Beside "what I learned".
    pub learned: Option<FieldError>,
}

/// Why a placement entry was not saved. Nothing changes when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementError {
    /// The form has problems; show each beside its field.
    Invalid(PlacementErrors),
    /// No entry has this id (it may have been removed in another tab).
    NotFound {
        /// The id asked for.
        id: String,
    },
}

/// Totals across the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PlacementTotals {
    /// Number of entries.
    pub entries: u32,
    /// Different dates with an entry.
    pub days: u32,
    /// Time in all, in minutes.
    pub minutes: u32,
}

impl PlacementErrors {
    /// True when every field is fine.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl fmt::Display for PlacementErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join_messages(
            f,
            [
                ("Date", &self.date),
                ("Hours", &self.hours),
                ("Start", &self.start),
                ("End", &self.end),
                ("Setting", &self.setting),
                ("What I observed", &self.observed),
                ("What I learned", &self.learned),
            ],
        )
    }
}

impl std::error::Error for PlacementErrors {}

impl fmt::Display for PlacementError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlacementError::Invalid(errors) => errors.fmt(f),
            PlacementError::NotFound { .. } => f.write_str(
                "We couldn't find that placement entry; it may have been removed in another tab.",
            ),
        }
    }
}

impl std::error::Error for PlacementError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PlacementError::Invalid(errors) => Some(errors),
            PlacementError::NotFound { .. } => None,
        }
    }
}

impl PlacementTotals {
    /// "12 hours 30 minutes over 4 days" in plain words.
    pub fn label(&self) -> String {
        if self.entries == 0 {
            return "No placement time logged yet.".to_string();
        }
        let days = if self.days == 1 {
            "1 day".to_string()
        } else {
            format!("{} days", self.days)
        };
        format!("{} over {days}", minutes_in_words(self.minutes))
    }

    /// Total hours as a decimal with at most two places ("12.5", "3", "0.75").
    pub fn hours_decimal(&self) -> String {
        let hundredths = (u64::from(self.minutes) * 100 + 30) / 60;
        let whole = hundredths / 100;
        match hundredths % 100 {
            0 => whole.to_string(),
            part if part % 10 == 0 => format!("{whole}.{}", part / 10),
            part => format!("{whole}.{part:02}"),
        }
    }
}

impl PlacementDraft {
    /// A draft holding an entry's current values, for the edit form.
    pub fn from_entry(entry: &PlacementEntry) -> Self {
        let hours = if entry.minutes.is_multiple_of(60) {
            (entry.minutes / 60).to_string()
        } else {
            format!("{}:{:02}", entry.minutes / 60, entry.minutes % 60)
        };
        Self {
            date: entry.date.to_string(),
            hours,
            start: entry.start.map(|t| t.to_string()).unwrap_or_default(),
            end: entry.end.map(|t| t.to_string()).unwrap_or_default(),
            setting: entry.setting.clone(),
            observed: entry.observed.clone(),
            learned: entry.learned.clone(),
        }
    }
}

/// Reads an optional time field: empty is `None`.
fn optional_time(text: &str) -> Result<Option<TimeOfDay>, FieldError> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        text.parse().map(Some)
    }
}

impl PlacementLog {
    /// Checks a draft against the log. `editing` is the id of the entry being edited (its old time
    /// does not count towards the day's total). Returns the entry to store, with an empty id.
    pub fn validate(
        &self,
        draft: &PlacementDraft,
        editing: Option<&str>,
    ) -> Result<PlacementEntry, PlacementErrors> {
        let mut errors = PlacementErrors::default();
        let date = required_date(
            &draft.date,
            "Please choose the date of this placement time.",
        )
        .map_err(|e| errors.date = Some(e))
        .ok();
        let setting = required_text(
            &draft.setting,
            MAX_SETTING_CHARS,
            "Please add where you were, such as the team, ward or group.",
        )
        .map_err(|e| errors.setting = Some(e))
        .ok();
        let observed = limited_text(&draft.observed, MAX_REFLECTION_CHARS)
            .map_err(|e| errors.observed = Some(e))
            .ok();
        let learned = limited_text(&draft.learned, MAX_REFLECTION_CHARS)
            .map_err(|e| errors.learned = Some(e))
            .ok();

        // Times: both or neither, and the end after the start.
        let start = optional_time(&draft.start)
            .map_err(|e| errors.start = Some(e))
            .ok();
        let end = optional_time(&draft.end)
            .map_err(|e| errors.end = Some(e))
            .ok();
        let mut span = None;
        let (mut start, mut end) = (start.flatten(), end.flatten());
        if errors.start.is_none() && errors.end.is_none() {
            match (start, end) {
                (Some(s), Some(e)) if e <= s => errors.end = Some(FieldError::EndNotAfterStart),
                (Some(s), Some(e)) => span = Some(e.minute_of_day() - s.minute_of_day()),
                (Some(_), None) => {
                    errors.end = Some(FieldError::TimeMissingPair {
                        start_missing: false,
                    })
                }
                (None, Some(_)) => {
                    errors.start = Some(FieldError::TimeMissingPair {
                        start_missing: true,
                    })
                }
                (None, None) => {}
            }
        }
        if errors.start.is_some() || errors.end.is_some() {
            (start, end) = (None, None);
        }

        // Hours: as typed, or else the span of the times.
        let minutes = match parse_minutes(&draft.hours, BareNumber::Hours) {
            Ok(Some(0)) | Err(FieldError::NotPositive) => Err(FieldError::NotPositive),
            Ok(Some(m)) if m > MINUTES_PER_DAY => {
                Err(FieldError::MoreThanADay { total_minutes: m })
            }
            Ok(Some(m)) => match span {
                Some(span) if m > span => Err(FieldError::MoreThanTimeSpan { span_minutes: span }),
                _ => Ok(m),
            },
            Ok(None) => match span {
                Some(span) => Ok(span),
                None if errors.start.is_some() || errors.end.is_some() => {
                    Err(FieldError::Required {
                        ask: "Please add how long you were there, or fix the times.",
                    })
                }
                None => Err(FieldError::Required {
                    ask: "Please add how long you were there, like 2.5 hours or 150 min, \
                          or fill in the start and end times.",
                }),
            },
            Err(err) => Err(err),
        };
        let minutes = minutes.map_err(|e| errors.hours = Some(e)).ok();

        // More than a day on one date, counting the other entries for that date.
        if let (Some(date), Some(minutes)) = (date, minutes) {
            let others: u32 = self
                .entries
                .iter()
                .filter(|e| e.date == date && Some(e.id.as_str()) != editing)
                .map(|e| e.minutes)
                .sum();
            if errors.hours.is_none() && others + minutes > MINUTES_PER_DAY {
                errors.hours = Some(FieldError::MoreThanADay {
                    total_minutes: others + minutes,
                });
            }
        }

        match (date, minutes, setting, observed, learned) {
            (Some(date), Some(minutes), Some(setting), Some(observed), Some(learned))
                if errors.is_empty() =>
            {
                Ok(PlacementEntry {
                    id: String::new(),
                    date,
                    minutes,
                    start,
                    end,
                    setting,
                    observed,
                    learned,
                })
            }
            _ => Err(errors),
        }
    }

    /// Adds an entry. Returns its new id.
    pub fn add(&mut self, draft: &PlacementDraft) -> Result<String, PlacementError> {
        let mut entry = self
            .validate(draft, None)
            .map_err(PlacementError::Invalid)?;
        let mut number = self.next_number.max(1);
        entry.id = loop {
            let id = format!("placement-{number}");
            number += 1;
            if !self.entries.iter().any(|e| e.id == id) {
                break id;
            }
        };
        self.next_number = number;
        let id = entry.id.clone();
        self.entries.push(entry);
        Ok(id)
    }

    /// Replaces an entry's contents, keeping its id.
    pub fn update(&mut self, id: &str, draft: &PlacementDraft) -> Result<(), PlacementError> {
        let index = self
            .entries
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| PlacementError::NotFound { id: id.to_string() })?;
        let mut entry = self
            .validate(draft, Some(id))
            .map_err(PlacementError::Invalid)?;
        entry.id = id.to_string();
        self.entries[index] = entry;
        Ok(())
    }

    /// Removes an entry. Returns it, so the interface can offer to undo.
    pub fn remove(&mut self, id: &str) -> Option<PlacementEntry> {
        let index = self.entries.iter().position(|e| e.id == id)?;
        Some(self.entries.remove(index))
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&PlacementEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Entries with the latest date first (the most recently added first within a date).
    pub fn newest_first(&self) -> Vec<&PlacementEntry> {
        let mut entries: Vec<&PlacementEntry> = self.entries.iter().rev().collect();
        entries.sort_by_key(|e| std::cmp::Reverse(e.date));
        entries
    }

    /// Totals across the log.
    pub fn totals(&self) -> PlacementTotals {
        let mut dates: Vec<CalendarDate> = self.entries.iter().map(|e| e.date).collect();
        dates.sort();
        dates.dedup();
        PlacementTotals {
            entries: self.entries.len() as u32,
            days: dates.len() as u32,
            minutes: self.entries.iter().map(|e| e.minutes).sum(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(date: &str, hours: &str, setting: &str) -> PlacementDraft {
        PlacementDraft {
            date: date.into(),
            hours: hours.into(),
            setting: setting.into(),
            observed: "How the team opened the group.".into(),
            learned: "Silence can be welcoming.".into(),
            ..PlacementDraft::default()
        }
    }

    fn timed(start: &str, end: &str, hours: &str) -> PlacementDraft {
        PlacementDraft {
            start: start.into(),
            end: end.into(),
            ..draft("2026-04-07", hours, "Community hub")
        }
    }

    fn errors_of(log: &PlacementLog, d: &PlacementDraft) -> PlacementErrors {
        log.validate(d, None).unwrap_err()
    }

    #[test]
    fn an_entry_with_decimal_hours_is_saved_with_everything_typed() {
        let mut log = PlacementLog::default();
        let id = log
            .add(&draft("2026-04-07", "2.5", "  Recovery café  "))
            .unwrap();
        let entry = log.entry(&id).unwrap();
        assert_eq!(entry.minutes, 150);
        assert_eq!(entry.setting, "Recovery café");
        assert_eq!(entry.learned, "Silence can be welcoming.");
        assert_eq!(entry.date.to_string(), "2026-04-07");
    }

    #[test]
    fn start_and_end_times_give_the_hours_when_none_are_typed() {
        let log = PlacementLog::default();
        let entry = log.validate(&timed("09:30", "12:00", ""), None).unwrap();
        assert_eq!(entry.minutes, 150);
        assert_eq!(entry.start.unwrap().to_string(), "09:30");
        // Hours less than the span (a break) are kept as typed.
        let entry = log.validate(&timed("9.30", "1300", "3"), None).unwrap();
        assert_eq!(entry.minutes, 180);
        let errors = errors_of(&log, &timed("09:30", "12:00", "3"));
        assert_eq!(
            errors.hours,
            Some(FieldError::MoreThanTimeSpan { span_minutes: 150 })
        );
    }

    #[test]
    fn an_end_before_the_start_is_refused_beside_the_end_time() {
        let log = PlacementLog::default();
        let errors = errors_of(&log, &timed("14:00", "09:00", ""));
        assert_eq!(errors.end, Some(FieldError::EndNotAfterStart));
        assert!(errors.start.is_none());
        assert!(
            matches!(errors.hours, Some(FieldError::Required { .. })),
            "hours can't be worked out"
        );
        let errors = errors_of(&log, &timed("14:00", "14:00", "1"));
        assert_eq!(errors.end, Some(FieldError::EndNotAfterStart));
        assert!(errors.hours.is_none());
    }

    #[test]
    fn one_time_without_the_other_or_an_unreadable_time_is_refused() {
        let log = PlacementLog::default();
        let errors = errors_of(&log, &timed("09:00", "", "2"));
        assert_eq!(
            errors.end,
            Some(FieldError::TimeMissingPair {
                start_missing: false
            })
        );
        let errors = errors_of(&log, &timed("", "11:00", "2"));
        assert_eq!(
            errors.start,
            Some(FieldError::TimeMissingPair {
                start_missing: true
            })
        );
        let errors = errors_of(&log, &timed("25:00", "11:00", "2"));
        assert!(matches!(errors.start, Some(FieldError::BadTime { .. })));
        assert!(errors.start.unwrap().to_string().contains("09:30"));
        for bad in ["9", "9:5", "ab:cd", "12:60", "123:00"] {
            assert!(bad.parse::<TimeOfDay>().is_err(), "{bad}");
        }
    }

    #[test]
    fn zero_or_negative_hours_are_refused_kindly() {
        let log = PlacementLog::default();
        for hours in ["0", "-2", "0:00", "-1.5"] {
            let errors = errors_of(&log, &draft("2026-04-07", hours, "Hub"));
            assert_eq!(errors.hours, Some(FieldError::NotPositive), "{hours}");
        }
        assert_eq!(
            FieldError::NotPositive.to_string(),
            "The time needs to be more than zero. How long were you there?"
        );
        let errors = errors_of(&log, &draft("2026-04-07", "lots", "Hub"));
        assert!(matches!(errors.hours, Some(FieldError::BadDuration { .. })));
        let errors = errors_of(&log, &draft("2026-04-07", "", "Hub"));
        assert!(matches!(errors.hours, Some(FieldError::Required { .. })));
    }

    #[test]
    fn more_than_a_day_on_one_date_is_refused_counting_other_entries() {
        let mut log = PlacementLog::default();
        let errors = errors_of(&log, &draft("2026-04-07", "25", "Hub"));
        assert_eq!(
            errors.hours,
            Some(FieldError::MoreThanADay {
                total_minutes: 1500
            })
        );
        assert!(log
            .validate(&draft("2026-04-07", "24", "Hub"), None)
            .is_ok());

        let first = log.add(&draft("2026-04-07", "20", "Ward")).unwrap();
        let errors = errors_of(&log, &draft("2026-04-07", "5", "Hub"));
        assert_eq!(
            errors.hours,
            Some(FieldError::MoreThanADay {
                total_minutes: 1500
            })
        );
        assert!(errors.hours.unwrap().to_string().contains("25 hours"));
        assert!(log.validate(&draft("2026-04-07", "4", "Hub"), None).is_ok());
        assert!(log.validate(&draft("2026-04-08", "5", "Hub"), None).is_ok());
        // Editing the 20-hour entry itself does not count its old hours twice.
        log.update(&first, &draft("2026-04-07", "22", "Ward"))
            .unwrap();
        assert_eq!(log.entry(&first).unwrap().minutes, 22 * 60);
    }

    #[test]
    fn an_empty_setting_and_a_missing_date_are_refused_and_every_error_is_reported_at_once() {
        let log = PlacementLog::default();
        let errors = errors_of(&log, &draft("", "-1", "   "));
        assert!(matches!(errors.date, Some(FieldError::Required { .. })));
        assert!(matches!(errors.setting, Some(FieldError::Required { .. })));
        assert_eq!(errors.hours, Some(FieldError::NotPositive));
        assert!(errors
            .setting
            .as_ref()
            .unwrap()
            .to_string()
            .contains("where you were"));
        let text = errors.to_string();
        assert!(text.contains("Date:") && text.contains("Setting:") && text.contains("Hours:"));
    }

    #[test]
    fn a_refused_edit_changes_nothing_and_a_stale_id_is_reported() {
        let mut log = PlacementLog::default();
        let id = log.add(&draft("2026-04-07", "2", "Hub")).unwrap();
        let before = log.clone();
        assert!(matches!(
            log.update(&id, &draft("2026-04-07", "0", "Hub")),
            Err(PlacementError::Invalid(_))
        ));
        assert_eq!(
            log.update("placement-99", &draft("2026-04-07", "1", "Hub")),
            Err(PlacementError::NotFound {
                id: "placement-99".into()
            })
        );
        assert_eq!(log, before);
    }

    #[test]
    fn totals_add_up_time_entries_and_distinct_days() {
        let mut log = PlacementLog::default();
        assert_eq!(log.totals().label(), "No placement time logged yet.");
        log.add(&draft("2026-04-07", "2.5", "Hub")).unwrap();
        log.add(&draft("2026-04-07", "1:15", "Ward")).unwrap();
        let third = log.add(&draft("2026-04-14", "45 min", "Hub")).unwrap();
        let totals = log.totals();
        assert_eq!(
            totals,
            PlacementTotals {
                entries: 3,
                days: 2,
                minutes: 270
            }
        );
        assert_eq!(totals.label(), "4 hours 30 minutes over 2 days");
        assert_eq!(totals.hours_decimal(), "4.5");
        assert_eq!(
            PlacementTotals {
                minutes: 45,
                ..totals
            }
            .hours_decimal(),
            "0.75"
        );
        assert_eq!(
            PlacementTotals {
                minutes: 20,
                ..totals
            }
            .hours_decimal(),
            "0.33"
        );
        assert_eq!(
            PlacementTotals {
                minutes: 120,
                ..totals
            }
            .hours_decimal(),
            "2"
        );
        assert_eq!(log.newest_first()[0].id, third);
        log.remove(&third).unwrap();
        assert_eq!(log.totals().minutes, 225);
        let again = log.add(&draft("2026-04-21", "1", "Hub")).unwrap();
        assert_ne!(again, third, "ids are not reused");
    }

    #[test]
    fn an_entry_edits_through_its_own_draft_unchanged() {
        let mut log = PlacementLog::default();
        let id = log.add(&timed("09:30", "12:15", "")).unwrap();
        let entry = log.entry(&id).unwrap().clone();
        let again = PlacementDraft::from_entry(&entry);
        assert_eq!(again.hours, "2:45");
        log.update(&id, &again).unwrap();
        assert_eq!(log.entry(&id).unwrap(), &entry);
    }

    #[test]
    fn the_log_round_trips_and_older_entries_without_times_load() {
        let mut log = PlacementLog::default();
        log.add(&timed("09:30", "12:00", "")).unwrap();
        let json = serde_json::to_string(&log).unwrap();
        assert!(json.contains(r#""start":"09:30""#));
        assert_eq!(serde_json::from_str::<PlacementLog>(&json).unwrap(), log);
        let old: PlacementLog = serde_json::from_str(
            r#"{"entries":[{"id":"placement-1","date":"2026-04-07","minutes":60}]}"#,
        )
        .unwrap();
        assert_eq!(old.totals().minutes, 60);
        assert!(old.entries[0].setting.is_empty());
    }
}
