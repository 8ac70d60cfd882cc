//! Applying a checker suggestion to a draft as an undoable edit, and undoing or redoing it;
//! an edit whose text has changed since the check changes nothing and says so.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::language_check::Finding;

/// One change to a text, enough to undo or redo it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextEdit {
    /// Byte offset where the change starts.
    pub start: usize,
    /// The text that was there.
    pub removed: String,
    /// The text put in its place.
    pub inserted: String,
}

impl TextEdit {
    /// The text with this edit undone, if the edited text is still there.
    pub fn undo(&self, text: &str) -> Result<String, ApplyError> {
        replace_checked(text, self.start, &self.inserted, &self.removed)
    }

    /// The edit that takes this one back: the same place, with what was removed and what was
    /// put in swapped.
    pub fn reversed(&self) -> TextEdit {
        TextEdit {
            start: self.start,
            removed: self.inserted.clone(),
            inserted: self.removed.clone(),
        }
    }

    /// The text with this edit made again, if the original text is still there.
    pub fn redo(&self, text: &str) -> Result<String, ApplyError> {
        replace_checked(text, self.start, &self.removed, &self.inserted)
    }
}

/// Why a suggestion or an undo could not be applied. The text is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The text at that place is no longer what it was (it was edited since the check).
    TextChanged {
        /// What was expected there.
        expected: String,
    },
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::TextChanged { expected } => write!(
                f,
                "\"{expected}\" has changed since it was checked, so nothing was replaced; the check will run again in a moment."
            ),
        }
    }
}

impl std::error::Error for ApplyError {}

fn replace_checked(
    text: &str,
    start: usize,
    expected: &str,
    replacement: &str,
) -> Result<String, ApplyError> {
    let end = start.checked_add(expected.len());
    match end.and_then(|end| text.get(start..end)) {
        Some(found) if found == expected => {
            let end = start + expected.len();
            let mut out = String::with_capacity(text.len() - expected.len() + replacement.len());
            out.push_str(&text[..start]);
            out.push_str(replacement);
            out.push_str(&text[end..]);
            Ok(out)
        }
        _ => Err(ApplyError::TextChanged {
            expected: expected.to_string(),
        }),
    }
}

/// Gives `suggestion` the capitalisation of `matched`: "Suffering from" + "living with" ->
/// "Living with"; "NON-COMPLIANT" + "chose not to" -> "CHOSE NOT TO". A suggestion that already
/// has capitals (a name such as "Mental Health Act") keeps them.
pub fn match_capitalisation(matched: &str, suggestion: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_caps {
        return suggestion.to_uppercase();
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut chars = suggestion.chars();
        if let Some(first) = chars.next() {
            return first.to_uppercase().chain(chars).collect();
        }
    }
    suggestion.to_string()
}

/// Replaces a finding's phrase with a suggestion (capitalised to match) and returns the new text
/// and the edit, for undo. Fails, changing nothing, when the text no longer holds the finding's
/// phrase at its place.
pub fn apply_suggestion(
    text: &str,
    finding: &Finding,
    suggestion: &str,
) -> Result<(String, TextEdit), ApplyError> {
    let inserted = match_capitalisation(&finding.matched, suggestion);
    let new_text = replace_checked(text, finding.start, &finding.matched, &inserted)?;
    let edit = TextEdit {
        start: finding.start,
        removed: finding.matched.clone(),
        inserted,
    };
    Ok((new_text, edit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::language_check::check_language;

    #[test]
    fn applying_a_suggestion_keeps_capitalisation_and_can_be_undone() {
        let text = "Suffering from anxiety, she kept going.";
        let f = &check_language(text)[0];
        let (new_text, edit) = apply_suggestion(text, f, "living with").unwrap();
        assert_eq!(new_text, "Living with anxiety, she kept going.");
        assert_eq!(edit.undo(&new_text).unwrap(), text);
        assert_eq!(edit.redo(text).unwrap(), new_text);
        // The reversed edit, made on the new text, gives the old text back.
        assert_eq!(edit.reversed().redo(&new_text).unwrap(), text);
        assert_eq!(
            match_capitalisation("NON-COMPLIANT", "chose not to"),
            "CHOSE NOT TO"
        );
        assert_eq!(
            match_capitalisation("sectioned", "Mental Health Act"),
            "Mental Health Act"
        );
        assert_eq!(match_capitalisation("", "x"), "x");
    }

    #[test]
    fn a_stale_finding_changes_nothing() {
        let text = "He was non-compliant.";
        let f = check_language(text).remove(0);
        let err = apply_suggestion("He was compliant.", &f, "chose not to").unwrap_err();
        assert!(err.to_string().contains("non-compliant"));
        let mut far = f.clone();
        far.start = 1000;
        assert!(apply_suggestion(text, &far, "x").is_err());
        let mut mid_char = f;
        mid_char.start = 1;
        assert!(apply_suggestion("é and more text here", &mid_char, "x").is_err());
    }
}
