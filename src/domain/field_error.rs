//! What can be wrong with one field of a form, said kindly.
//!
//! Every form in the course area (a module, a checklist item, a placement entry, a journal entry)
//! validates a *draft*: a struct holding exactly what the trainee typed, as text. Validation borrows
//! the draft and never changes it, so on an error the interface keeps every keystroke and shows each
//! [`FieldError`] beside its own field. Each form has its own errors struct with one
//! `Option<FieldError>` per field (for example `PlacementErrors::hours`).

use std::fmt;

use super::date::DateError;

/// Why one field of a form cannot be saved as it is.
///
/// The `Display` message is the sentence to show beside the field: it says what is wrong and what
/// would work, without blame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldError {
    /// Nothing (or only spaces) was entered where something is needed. `ask` is the gentle request
    /// for this field, such as "Please give the module a title."
    Required {
        /// The whole message for this field, written for it.
        ask: &'static str,
    },
    /// The text is longer than this field holds.
    TooLong {
        /// The most characters this field keeps.
        max_chars: usize,
        /// How many characters were entered.
        chars: usize,
    },
    /// A date that could not be read.
    BadDate(DateError),
    /// A length of time we could not read, such as "two-ish".
    BadDuration {
        /// What was typed (shortened if long).
        text: String,
    },
    /// A length of time of zero or less.
    NotPositive,
    /// More time than one checklist task sensibly takes.
    TooMuchTime {
        /// The most minutes allowed.
        max_minutes: u32,
    },
    /// More hours than a day holds: either this entry alone, or with the others on the same date.
    MoreThanADay {
        /// The minutes that day would hold, this entry included.
        total_minutes: u32,
    },
    /// More time than lies between the start and end times given.
    MoreThanTimeSpan {
        /// Minutes between the start and end times.
        span_minutes: u32,
    },
    /// A clock time we could not read, such as "25:00".
    BadTime {
        /// What was typed (shortened if long).
        text: String,
    },
    /// A finishing time that is not after the starting time.
    EndNotAfterStart,
    /// Only one of the start and end times was given.
    TimeMissingPair {
        /// True when the start is the one missing.
        start_missing: bool,
    },
    /// A module chosen from a list that is no longer in the course.
    UnknownModule {
        /// The id that was chosen.
        id: String,
    },
}

/// Shortens typed text for quoting it back in a message.
pub(crate) fn quote(text: &str) -> String {
    let trimmed = text.trim();
    if trimmed.chars().count() > 30 {
        let mut short: String = trimmed.chars().take(30).collect();
        short.push('…');
        short
    } else {
        trimmed.to_string()
    }
}

/// "2 hours 30 minutes", "1 hour", "45 minutes": a length of time in plain words.
pub fn minutes_in_words(minutes: u32) -> String {
    let hours = minutes / 60;
    let rest = minutes % 60;
    let hours_part = match hours {
        0 => None,
        1 => Some("1 hour".to_string()),
        n => Some(format!("{n} hours")),
    };
    let minutes_part = match rest {
        0 => None,
        1 => Some("1 minute".to_string()),
        n => Some(format!("{n} minutes")),
    };
    match (hours_part, minutes_part) {
        (Some(h), Some(m)) => format!("{h} {m}"),
        (Some(h), None) => h,
        (None, Some(m)) => m,
        (None, None) => "0 minutes".to_string(),
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::Required { ask } => f.write_str(ask),
            FieldError::TooLong { max_chars, chars } => write!(
                f,
                "This is a little long: it has {chars} characters and this space holds {max_chars}. \
                 Could you shorten it?"
            ),
            FieldError::BadDate(DateError::Format(_)) => {
                f.write_str("Please choose a date, or type it as year-month-day, like 2026-03-24.")
            }
            FieldError::BadDate(err) => write!(f, "{err}. Please check the day and month."),
            FieldError::BadDuration { text } => write!(
                f,
                "We couldn't read \"{}\" as a length of time. Try hours like 2.5, \
                 hours and minutes like 2:30, or minutes like 150 min.",
                quote(text)
            ),
            FieldError::NotPositive => {
                f.write_str("The time needs to be more than zero. How long were you there?")
            }
            FieldError::TooMuchTime { max_minutes } => write!(
                f,
                "That's more time than one task usually needs (up to {}). \
                 Could you split it into smaller steps?",
                minutes_in_words(*max_minutes)
            ),
            FieldError::MoreThanADay { total_minutes } => write!(
                f,
                "That would make {} on this date, which is more than a day holds. \
                 Could part of it belong to another date?",
                minutes_in_words(*total_minutes)
            ),
            FieldError::MoreThanTimeSpan { span_minutes } => write!(
                f,
                "That's more than the {} between your start and end times. \
                 Please check the hours or the times.",
                minutes_in_words(*span_minutes)
            ),
            FieldError::BadTime { text } => write!(
                f,
                "We couldn't read \"{}\" as a time of day. Try the 24-hour form, like 09:30 or 14:00.",
                quote(text)
            ),
            FieldError::EndNotAfterStart => f.write_str(
                "The finishing time is before (or the same as) the starting time. \
                 Please check both times.",
            ),
            FieldError::TimeMissingPair { start_missing } => {
                if *start_missing {
                    f.write_str("Please add the starting time too, or clear the finishing time.")
                } else {
                    f.write_str("Please add the finishing time too, or clear the starting time.")
                }
            }
            FieldError::UnknownModule { .. } => f.write_str(
                "That module is no longer in your course. Please choose another, or none.",
            ),
        }
    }
}

impl std::error::Error for FieldError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FieldError::BadDate(err) => Some(err),
            _ => None,
        }
    }
}

/// Checks a required line of text: trimmed, not empty, at most `max_chars` characters.
///
/// Returns the trimmed text to store.
pub(crate) fn required_text(
    text: &str,
    max_chars: usize,
    ask: &'static str,
) -> Result<String, FieldError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(FieldError::Required { ask });
    }
    limited_text(trimmed, max_chars)
}

/// Checks optional text against a length limit; returns it trimmed.
pub(crate) fn limited_text(text: &str, max_chars: usize) -> Result<String, FieldError> {
    let trimmed = text.trim();
    let chars = trimmed.chars().count();
    if chars > max_chars {
        return Err(FieldError::TooLong { max_chars, chars });
    }
    Ok(trimmed.to_string())
}

/// Reads a date field: empty asks for a date, anything else must be `YYYY-MM-DD`.
pub(crate) fn required_date(
    text: &str,
    ask: &'static str,
) -> Result<super::date::CalendarDate, FieldError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(FieldError::Required { ask });
    }
    trimmed.parse().map_err(FieldError::BadDate)
}

/// Joins the messages of a form's field errors, for logs and for `Display` on the errors struct.
pub(crate) fn join_messages<'a>(
    f: &mut fmt::Formatter<'_>,
    fields: impl IntoIterator<Item = (&'static str, &'a Option<FieldError>)>,
) -> fmt::Result {
    let mut first = true;
    for (name, error) in fields {
        if let Some(error) = error {
            if !first {
                f.write_str(" ")?;
            }
            write!(f, "{name}: {error}")?;
            first = false;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_of_time_read_naturally() {
        assert_eq!(minutes_in_words(0), "0 minutes");
        assert_eq!(minutes_in_words(1), "1 minute");
        assert_eq!(minutes_in_words(60), "1 hour");
        assert_eq!(minutes_in_words(150), "2 hours 30 minutes");
        assert_eq!(minutes_in_words(61), "1 hour 1 minute");
    }

    #[test]
    fn required_text_is_trimmed_and_blank_is_refused_with_the_fields_own_words() {
        assert_eq!(
            required_text("  Hope  ", 10, "Please add a title.").unwrap(),
            "Hope"
        );
        let err = required_text(" \t\n", 10, "Please add a title.").unwrap_err();
        assert_eq!(err.to_string(), "Please add a title.");
        let err = required_text("ééééééééééé", 10, "x").unwrap_err();
        assert_eq!(
            err,
            FieldError::TooLong {
                max_chars: 10,
                chars: 11
            }
        );
    }

    #[test]
    fn quoted_input_is_shortened_so_messages_stay_readable() {
        let long = "a".repeat(100);
        let err = FieldError::BadTime { text: long };
        assert!(err.to_string().contains(&format!("{}…", "a".repeat(30))));
    }

    #[test]
    fn a_bad_date_explains_the_expected_form() {
        let err = required_date("next tuesday", "Please choose a date.").unwrap_err();
        assert!(err.to_string().contains("2026-03-24"));
        let err = required_date("2026-02-30", "Please choose a date.").unwrap_err();
        assert!(err.to_string().contains("not a day in the calendar"));
        let err = required_date("", "Please choose a date.").unwrap_err();
        assert_eq!(err.to_string(), "Please choose a date.");
    }
}
