//! The trainee's profile: the few details that go on an exported or printed draft (their name, if
//! they choose to give it, and the course's name), and how they like a draft printed.
//!
//! Stored as one small record ("profile"). Everything is optional: a trainee who gives no name gets
//! a document without one, and a blank course name falls back to [`DEFAULT_COURSE_NAME`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// The course name used until the trainee gives their own cohort's.
pub const DEFAULT_COURSE_NAME: &str = "Peer support worker training";

/// The longest name or course name we accept, in characters.
pub const MAX_PROFILE_TEXT_CHARS: usize = 80;

/// What the trainee has told us about themselves for their documents.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Profile {
    /// Their name for the title line of an exported draft; `None` leaves it off.
    #[serde(default)]
    pub trainee_name: Option<String>,
    /// Their course's name; `None` means [`DEFAULT_COURSE_NAME`].
    #[serde(default)]
    pub course_name: Option<String>,
    /// Print drafts with double line spacing (many markers ask for it).
    #[serde(default)]
    pub print_double_spacing: bool,
    /// The trainee turned "Check my language" off in the editor (it is on until they do).
    #[serde(default)]
    pub language_check_off: bool,
    /// Exports and prints keep the headings of sections with no words yet (the whole outline).
    #[serde(default)]
    pub export_keeps_outline: bool,
}

/// Why a profile change was not made. Nothing changes when one of these is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileError {
    /// The text was longer than [`MAX_PROFILE_TEXT_CHARS`].
    TooLong { chars: usize },
}

impl fmt::Display for ProfileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProfileError::TooLong { chars } => write!(
                f,
                "That is {chars} characters long; please keep it to {MAX_PROFILE_TEXT_CHARS} or fewer."
            ),
        }
    }
}

impl std::error::Error for ProfileError {}

/// Squash to one line; blank gives `None`; too long is refused.
fn clean(text: &str) -> Result<Option<String>, ProfileError> {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars = one_line.chars().count();
    if chars > MAX_PROFILE_TEXT_CHARS {
        return Err(ProfileError::TooLong { chars });
    }
    Ok((!one_line.is_empty()).then_some(one_line))
}

impl Profile {
    /// Set the trainee's name; a blank name removes it from documents.
    pub fn set_trainee_name(&mut self, name: &str) -> Result<(), ProfileError> {
        self.trainee_name = clean(name)?;
        Ok(())
    }

    /// Set the course's name; a blank one goes back to [`DEFAULT_COURSE_NAME`].
    pub fn set_course_name(&mut self, name: &str) -> Result<(), ProfileError> {
        self.course_name = clean(name)?;
        Ok(())
    }

    /// The name for documents, if the trainee gave one.
    pub fn trainee_name(&self) -> Option<&str> {
        self.trainee_name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
    }

    /// The course's name for documents.
    pub fn course_name(&self) -> &str {
        self.course_name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(DEFAULT_COURSE_NAME)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_profile_has_no_name_and_the_default_course() {
        let profile = Profile::default();
        assert_eq!(profile.trainee_name(), None);
        assert_eq!(profile.course_name(), DEFAULT_COURSE_NAME);
        assert!(!profile.print_double_spacing);
        assert!(
            !profile.language_check_off,
            "the checker is on until turned off"
        );
    }

    #[test]
    fn names_are_tidied_onto_one_line_and_blank_ones_are_removed() {
        let mut profile = Profile::default();
        profile.set_trainee_name("  Sam \n Taylor ").unwrap();
        assert_eq!(profile.trainee_name(), Some("Sam Taylor"));
        profile
            .set_course_name("Peer support, spring cohort")
            .unwrap();
        assert_eq!(profile.course_name(), "Peer support, spring cohort");
        profile.set_trainee_name("   ").unwrap();
        assert_eq!(profile.trainee_name(), None);
        profile.set_course_name("").unwrap();
        assert_eq!(profile.course_name(), DEFAULT_COURSE_NAME);
    }

    #[test]
    fn an_overlong_name_is_refused_and_the_old_one_kept() {
        let mut profile = Profile::default();
        profile.set_trainee_name("Alex").unwrap();
        let err = profile.set_trainee_name(&"a".repeat(81)).unwrap_err();
        assert_eq!(err, ProfileError::TooLong { chars: 81 });
        assert!(err.to_string().contains("80 or fewer"));
        assert_eq!(profile.trainee_name(), Some("Alex"));
    }

    #[test]
    fn an_older_stored_profile_without_new_fields_still_loads() {
        let profile: Profile = serde_json::from_str(r#"{"trainee_name":"Jo"}"#).unwrap();
        assert_eq!(profile.trainee_name(), Some("Jo"));
        assert_eq!(profile.course_name(), DEFAULT_COURSE_NAME);
        assert!(!profile.language_check_off);
        let back: Profile =
            serde_json::from_str(&serde_json::to_string(&profile).unwrap()).unwrap();
        assert_eq!(back, profile);
    }
}
