//! Reading a length of time as a person types it: "2.5", "2,5", "2h30", "2:30", "150 min",
//! "1 hour 15 minutes".
//!
//! Used by the placement log (where a bare number means hours) and by checklist items (where a bare
//! number means minutes). Everything becomes whole minutes, rounded to the nearest minute.

use super::field_error::FieldError;

/// What a number typed on its own ("2.5") counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BareNumber {
    /// "2.5" is two and a half hours (the placement log).
    Hours,
    /// "15" is fifteen minutes (checklist estimates).
    Minutes,
}

/// The largest length of time this reader accepts before treating the text as a mistake (a
/// fortnight); callers have their own, smaller limits with kinder messages.
const CEILING_MINUTES: f64 = 14.0 * 24.0 * 60.0;

/// Reads `text` as a length of time in whole minutes.
///
/// A negative amount is refused as [`FieldError::NotPositive`]; text that is not a length of time
/// as [`FieldError::BadDuration`]. Zero is returned as `Ok(0)`: whether zero is allowed is the
/// caller's rule. Empty text is `Ok(None)`.
pub fn parse_minutes(text: &str, bare: BareNumber) -> Result<Option<u32>, FieldError> {
    let bad = || FieldError::BadDuration {
        text: text.to_string(),
    };
    let lowered = text.trim().to_lowercase();
    if lowered.is_empty() {
        return Ok(None);
    }
    let (negative, body) = match lowered.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, lowered.as_str()),
    };
    let minutes = if let Some((hours, mins)) = body.split_once(':') {
        // "2:30" is hours and minutes, as on a clock face.
        let hours = read_number(hours.trim()).ok_or_else(bad)?;
        let mins_text = mins.trim();
        let mins = read_number(mins_text).ok_or_else(bad)?;
        if mins >= 60.0 || mins_text.contains(['.', ',']) || hours.fract() != 0.0 {
            return Err(bad());
        }
        hours * 60.0 + mins
    } else {
        read_terms(body, bare).ok_or_else(bad)?
    };
    if negative && minutes > 0.0 {
        return Err(FieldError::NotPositive);
    }
    if minutes > CEILING_MINUTES {
        return Err(bad());
    }
    Ok(Some(minutes.round() as u32))
}

/// A plain decimal number with a point or a comma ("2.5", "2,5"), nothing else.
fn read_number(text: &str) -> Option<f64> {
    if text.is_empty()
        || !text
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !text.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    text.replace(',', ".").parse().ok()
}

/// Minutes for a unit word, or `None` if the word is not a unit.
fn unit_minutes(word: &str) -> Option<f64> {
    match word {
        "h" | "hr" | "hrs" | "hour" | "hours" => Some(60.0),
        "m" | "min" | "mins" | "minute" | "minutes" => Some(1.0),
        _ => None,
    }
}

/// Reads "2h 30m", "2 hours 30", "150 min", "2.5": numbers each followed by an optional unit.
fn read_terms(body: &str, bare: BareNumber) -> Option<f64> {
    let chars: Vec<char> = body.chars().collect();
    let mut at = 0;
    let mut total = 0.0;
    let mut terms = 0;
    let mut previous_unit: Option<f64> = None;
    let mut previous_explicit = false;
    while at < chars.len() {
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        if at == chars.len() {
            break;
        }
        let start = at;
        while at < chars.len()
            && (chars[at].is_ascii_digit() || chars[at] == '.' || chars[at] == ',')
        {
            at += 1;
        }
        let number: String = chars[start..at].iter().collect();
        let value = read_number(&number)?;
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        let word_start = at;
        while at < chars.len() && chars[at].is_alphabetic() {
            at += 1;
        }
        let word: String = chars[word_start..at].iter().collect();
        let unit = if word.is_empty() {
            // A bare number after hours ("2h30") is minutes; on its own it is the caller's unit.
            match (previous_unit, terms) {
                (Some(u), _) if u == 60.0 && previous_explicit => 1.0,
                (None, 0) => match bare {
                    BareNumber::Hours => 60.0,
                    BareNumber::Minutes => 1.0,
                },
                _ => return None,
            }
        } else {
            unit_minutes(&word)?
        };
        // Units must get smaller left to right ("30m 2h" is more likely a slip than a sum).
        if let Some(previous) = previous_unit {
            if unit >= previous {
                return None;
            }
        }
        total += value * unit;
        previous_unit = Some(unit);
        previous_explicit = !word.is_empty();
        terms += 1;
    }
    (terms > 0).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(text: &str) -> Result<Option<u32>, FieldError> {
        parse_minutes(text, BareNumber::Hours)
    }

    #[test]
    fn decimal_hours_with_a_point_or_a_comma() {
        assert_eq!(hours("2.5"), Ok(Some(150)));
        assert_eq!(hours("2,5"), Ok(Some(150)));
        assert_eq!(hours(" 3 "), Ok(Some(180)));
        assert_eq!(hours("0.25"), Ok(Some(15)));
        assert_eq!(hours(".5"), Ok(Some(30)));
    }

    #[test]
    fn hours_and_minutes_in_the_ways_people_write_them() {
        for text in [
            "2:30",
            "2h30",
            "2h 30m",
            "2 hours 30 minutes",
            "2 hrs 30 mins",
            "2H30M",
        ] {
            assert_eq!(hours(text), Ok(Some(150)), "{text}");
        }
        assert_eq!(hours("150 min"), Ok(Some(150)));
        assert_eq!(hours("90m"), Ok(Some(90)));
        assert_eq!(hours("1 hour"), Ok(Some(60)));
    }

    #[test]
    fn a_bare_number_means_minutes_for_checklist_estimates() {
        assert_eq!(parse_minutes("15", BareNumber::Minutes), Ok(Some(15)));
        assert_eq!(parse_minutes("1h", BareNumber::Minutes), Ok(Some(60)));
    }

    #[test]
    fn empty_is_none_and_zero_is_left_to_the_caller() {
        assert_eq!(hours("   "), Ok(None));
        assert_eq!(hours("0"), Ok(Some(0)));
    }

    #[test]
    fn negative_time_is_refused_as_not_positive() {
        assert_eq!(hours("-2"), Err(FieldError::NotPositive));
        assert_eq!(hours("- 1:30"), Err(FieldError::NotPositive));
    }

    #[test]
    fn text_that_is_not_a_length_of_time_is_refused_and_quoted_back() {
        for text in [
            "two", "2x", "2:75", "2:3.5", "1.5:30", "30m 2h", "2 2", "h", "..", "2::30", "1e3",
        ] {
            match hours(text) {
                Err(FieldError::BadDuration { text: quoted }) => assert_eq!(quoted, text),
                other => panic!("{text:?} gave {other:?}"),
            }
        }
        assert!(matches!(
            hours("999999"),
            Err(FieldError::BadDuration { .. })
        ));
    }
}
