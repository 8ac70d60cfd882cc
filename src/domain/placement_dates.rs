//! When the placement runs: an optional first and last day, kept with the placement log so that
//! older saves (which have none) still load, and put in the calendar file as an all-day span.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::date::CalendarDate;
use super::field_error::{required_date, FieldError};

/// The placement's first and last days (both included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementDates {
    /// The first day.
    pub start: CalendarDate,
    /// The last day; the same as `start` for a one-day placement.
    pub end: CalendarDate,
}

/// Why the placement dates were not saved. Nothing changes when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlacementDatesError {
    /// The first day is missing or could not be read.
    Start(FieldError),
    /// The last day is missing or could not be read.
    End(FieldError),
    /// The last day comes before the first.
    EndBeforeStart {
        /// The first day given.
        start: CalendarDate,
        /// The last day given.
        end: CalendarDate,
    },
}

impl fmt::Display for PlacementDatesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlacementDatesError::Start(err) | PlacementDatesError::End(err) => err.fmt(f),
            PlacementDatesError::EndBeforeStart { start, end } => write!(
                f,
                "The last day ({}) is before the first ({}). Please check the two dates.",
                end.display_short(),
                start.display_short()
            ),
        }
    }
}

impl std::error::Error for PlacementDatesError {}

impl PlacementDates {
    /// Reads the two dates as typed (`YYYY-MM-DD`, as date inputs give them).
    pub fn from_text(start: &str, end: &str) -> Result<Self, PlacementDatesError> {
        let start = required_date(start, "Please choose the first day of your placement.")
            .map_err(PlacementDatesError::Start)?;
        let end = required_date(end, "Please choose the last day of your placement.")
            .map_err(PlacementDatesError::End)?;
        if end < start {
            return Err(PlacementDatesError::EndBeforeStart { start, end });
        }
        Ok(Self { start, end })
    }

    /// "Mon 1 Feb 2027 to Fri 26 Feb 2027", or one date for a one-day placement.
    pub fn label(&self) -> String {
        if self.start == self.end {
            self.start.display_short()
        } else {
            format!(
                "{} to {}",
                self.start.display_short(),
                self.end.display_short()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_dates_in_order_are_kept() {
        let dates = PlacementDates::from_text("2027-02-01", " 2027-02-26 ").unwrap();
        assert_eq!(dates.start.to_string(), "2027-02-01");
        assert_eq!(dates.label(), "Mon 1 Feb 2027 to Fri 26 Feb 2027");
        let one = PlacementDates::from_text("2027-02-01", "2027-02-01").unwrap();
        assert_eq!(one.label(), "Mon 1 Feb 2027");
    }

    #[test]
    fn missing_unreadable_or_backwards_dates_say_what_to_do() {
        let missing = PlacementDates::from_text("", "2027-02-26").unwrap_err();
        assert!(missing.to_string().contains("first day"), "{missing}");
        assert!(matches!(
            PlacementDates::from_text("2027-02-01", "26/02/2027"),
            Err(PlacementDatesError::End(_))
        ));
        let backwards = PlacementDates::from_text("2027-02-26", "2027-02-01").unwrap_err();
        assert_eq!(
            backwards.to_string(),
            "The last day (Mon 1 Feb 2027) is before the first (Fri 26 Feb 2027). Please check \
             the two dates."
        );
    }
}
