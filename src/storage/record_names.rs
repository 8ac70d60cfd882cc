//! Typed record names: each record's storage key together with the app type it holds, so a page
//! asks for `COURSE` and gets a `CourseState`, and a record can't be asked for as two types (with
//! a string name that was a run-time panic; with these it doesn't compile).
//!
//! Built on [`keys`], which stays the one list of storage keys. The app's records layer accepts
//! only these (`use_record(COURSE)`, `records.saved_words(&JOURNAL, ..)`): a misspelt name or the
//! wrong type is a compile error, not a run-time panic or an empty page.

use std::borrow::Cow;
use std::fmt;

use super::keys;
use super::record::Record;
use super::record_types::UnsentText;
use crate::domain::assignment::{Assignment, Draft};
use crate::domain::attendance::Attendance;
use crate::domain::course::CourseState;
use crate::domain::flashcards::FlashcardProgress;
use crate::domain::further_reading::SkillsReflection;
use crate::domain::glossary::TraineeGlossary;
use crate::domain::history::History;
use crate::domain::journal::Journal;
use crate::domain::placement::PlacementLog;
use crate::domain::profile::Profile;
use crate::domain::schedule::Schedule;
use crate::domain::settings::DisplaySettings;

/// The name of a record that holds a `T`: its storage key, typed.
pub struct RecordName<T> {
    key: Cow<'static, str>,
    /// How to read the record straight from its stored text, for one a first screen needs before
    /// the store has read it (see [`RecordName::read_early`]).
    /// (It is also what ties the name to `T`.)
    early: Option<fn(&str) -> Option<T>>,
}

impl<T> RecordName<T> {
    /// A record under a fixed key from [`keys`].
    pub const fn fixed(key: &'static str) -> Self {
        RecordName {
            key: Cow::Borrowed(key),
            early: None,
        }
    }

    /// A record under a fixed key that most first screens show, read straight from its stored
    /// text by `read` when the store left it for later (see
    /// [`Store::read_deferred_as`](super::store::Store::read_deferred_as)). A reader of its own
    /// costs download, so only a record worth it has one.
    pub const fn read_early(key: &'static str, read: fn(&str) -> Option<T>) -> Self {
        RecordName {
            key: Cow::Borrowed(key),
            early: Some(read),
        }
    }

    /// How to read the record straight from its stored text, if it is one of those.
    pub fn early_reader(&self) -> Option<fn(&str) -> Option<T>> {
        self.early
    }

    /// The storage key ("peer-study/course").
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The short name, without [`keys::PREFIX`] ("course", "draft/essay").
    pub fn short_name(&self) -> &str {
        keys::short_name(&self.key)
    }
}

impl<T> Clone for RecordName<T> {
    fn clone(&self) -> Self {
        RecordName {
            key: self.key.clone(),
            early: self.early,
        }
    }
}

impl<T> PartialEq for RecordName<T> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl<T> fmt::Debug for RecordName<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RecordName({})", self.key)
    }
}

/// Display settings (theme and text size).
pub const SETTINGS: RecordName<DisplaySettings> = RecordName::fixed(keys::SETTINGS);
/// The trainee's name and course, for exported documents.
pub const PROFILE: RecordName<Profile> = RecordName::fixed(keys::PROFILE);
/// The course: modules, checklists, notes. Home, the course map and every module page show it,
/// and it is a sizeable record (the trainee's copy of every module), so it has a reader of its own.
pub const COURSE: RecordName<CourseState> =
    RecordName::read_early(keys::COURSE, Record::data_from_text::<CourseState>);
/// The cohort's session dates, once set.
pub const SCHEDULE: RecordName<Option<Schedule>> = RecordName::fixed(keys::SCHEDULE);
/// Attendance marks.
pub const ATTENDANCE: RecordName<Attendance> = RecordName::fixed(keys::ATTENDANCE);
/// The assignments the trainee has started.
pub const ASSIGNMENTS: RecordName<Vec<Assignment>> = RecordName::fixed(keys::ASSIGNMENTS);
/// The reflection journal.
pub const JOURNAL: RecordName<Journal> = RecordName::fixed(keys::JOURNAL);
/// The placement log.
pub const PLACEMENT: RecordName<PlacementLog> = RecordName::fixed(keys::PLACEMENT);
/// The trainee's own glossary entries and favourites.
pub const GLOSSARY_OWN: RecordName<TraineeGlossary> = RecordName::fixed(keys::GLOSSARY_OWN);
/// Flashcard progress.
pub const FLASHCARDS: RecordName<FlashcardProgress> = RecordName::fixed(keys::FLASHCARDS);
/// The private self-reflection on the careers page.
pub const CAREERS: RecordName<SkillsReflection> = RecordName::fixed(keys::CAREERS);
/// Text typed into forms and not yet sent.
pub const UNSENT: RecordName<UnsentText> = RecordName::fixed(keys::UNSENT);

/// The draft of the assignment with this id.
pub fn draft(id: &str) -> RecordName<Draft> {
    RecordName {
        key: Cow::Owned(keys::draft(id)),
        early: None,
    }
}

/// The version history of the draft with this id.
pub fn history(id: &str) -> RecordName<History> {
    RecordName {
        key: Cow::Owned(keys::history(id)),
        early: None,
    }
}

/// The version history named by its storage key (`"peer-study/history/essay"`), as the store
/// lists them; `None` for any other key.
pub fn history_at(key: &str) -> Option<RecordName<History>> {
    key.strip_prefix(keys::HISTORY_PREFIX).map(history)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_keys_the_store_uses() {
        assert_eq!(COURSE.key(), keys::COURSE);
        assert_eq!(COURSE.short_name(), "course");
        assert_eq!(draft("essay").key(), "peer-study/draft/essay");
        assert_eq!(history("essay").short_name(), "history/essay");
        assert_eq!(CAREERS.key(), keys::CAREERS);
    }

    #[test]
    fn a_history_is_found_by_its_key_and_nothing_else_is() {
        assert_eq!(
            history_at("peer-study/history/essay"),
            Some(history("essay"))
        );
        assert_eq!(history_at(keys::JOURNAL), None);
    }
}
