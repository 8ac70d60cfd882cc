//! Which of the app's own types each record holds, so a record can be checked with the very same
//! decoding the app uses before it is let in (a backup, before anything changes).
//!
//! A value that is valid JSON in a valid envelope can still be nothing the app can read: a plain
//! string where the journal belongs, the number 42 where a draft belongs. The app would set such
//! a record aside on first use and show the page empty; a restore must refuse it up front instead.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::keys::{self, KeyClass, RecordKind};
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

/// Text typed into a form and not yet sent, by form field (`"new-entry/body"`): the
/// [`keys::UNSENT`] record.
pub type UnsentText = BTreeMap<String, String>;

/// A record whose data is not what the app reads under its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrongShape {
    /// What the record is, in words for the trainee ("your reflection journal").
    pub what: String,
}

impl fmt::Display for WrongShape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} isn't in the shape Peer Study keeps it in",
            capitalise(&self.what)
        )
    }
}

impl std::error::Error for WrongShape {}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a record is called in a sentence ("your reflection journal", "one of your drafts").
pub fn describe(key: &str) -> String {
    match key {
        keys::SETTINGS => "your display settings".into(),
        keys::PROFILE => "your profile".into(),
        keys::COURSE => "your course and checklists".into(),
        keys::SCHEDULE => "your session dates".into(),
        keys::ATTENDANCE => "your attendance".into(),
        keys::ASSIGNMENTS => "your list of assignments".into(),
        keys::JOURNAL => "your reflection journal".into(),
        keys::PLACEMENT => "your placement log".into(),
        keys::GLOSSARY_OWN => "your glossary entries".into(),
        keys::FLASHCARDS => "your flashcards".into(),
        keys::CAREERS => "your careers skills checklist".into(),
        keys::UNSENT => "text typed into a form and not yet saved".into(),
        _ => match keys::classify(key) {
            KeyClass::Record(RecordKind::Draft) => "one of your drafts".into(),
            KeyClass::Record(RecordKind::History) => "a draft's saved versions".into(),
            _ => format!("\"{}\"", keys::short_name(key)),
        },
    }
}

fn decodes<T: DeserializeOwned>(data: &Value) -> bool {
    T::deserialize(data).is_ok()
}

/// Checks that `data`, stored under `key`, decodes into the type the app reads it as. Records
/// this version does not know (a newer build's) pass: they are kept as they are, never read.
pub fn check_record(key: &str, data: &Value) -> Result<(), WrongShape> {
    let fits = match key {
        keys::SETTINGS => decodes::<DisplaySettings>(data),
        keys::PROFILE => decodes::<Profile>(data),
        keys::COURSE => decodes::<CourseState>(data),
        keys::SCHEDULE => decodes::<Option<Schedule>>(data),
        keys::ATTENDANCE => decodes::<Attendance>(data),
        keys::ASSIGNMENTS => decodes::<Vec<Assignment>>(data),
        keys::JOURNAL => decodes::<Journal>(data),
        keys::PLACEMENT => decodes::<PlacementLog>(data),
        keys::GLOSSARY_OWN => decodes::<TraineeGlossary>(data),
        keys::FLASHCARDS => decodes::<FlashcardProgress>(data),
        keys::CAREERS => decodes::<SkillsReflection>(data),
        keys::UNSENT => decodes::<UnsentText>(data),
        _ => match keys::classify(key) {
            KeyClass::Record(RecordKind::Draft) => decodes::<Draft>(data),
            KeyClass::Record(RecordKind::History) => decodes::<History>(data),
            _ => true,
        },
    };
    if fits {
        Ok(())
    } else {
        Err(WrongShape {
            what: describe(key),
        })
    }
}

/// How many of the things the trainee counts a record holds: drafts, reflections, saved
/// versions, placement entries, own glossary entries. Records with nothing to count (settings,
/// the course) count as one. The list of assignments counts as none: each draft counts itself.
pub fn things_in(key: &str, data: &Value) -> usize {
    let length = |field: &str| {
        data.get(field)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    };
    match key {
        keys::ASSIGNMENTS => 0,
        keys::JOURNAL | keys::PLACEMENT => length("entries"),
        keys::GLOSSARY_OWN => length("own_entries"),
        _ => match keys::classify(key) {
            KeyClass::Record(RecordKind::History) => length("snapshots"),
            _ => 1,
        },
    }
}

/// One line of a backup's summary, in words ("Reflections: 3", "Course and checklists").
pub fn summary_line(kind: RecordKind, count: usize) -> String {
    let counted = match kind {
        RecordKind::Draft => "Assignment drafts",
        RecordKind::History => "Saved versions of drafts",
        RecordKind::Journal => "Reflections",
        RecordKind::Placement => "Placement log entries",
        RecordKind::GlossaryOwn => "Your own glossary entries",
        other => return other.label().to_owned(),
    };
    format!("{counted}: {count}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_plain_string_where_the_journal_belongs_does_not_fit() {
        let error = check_record(keys::JOURNAL, &json!("entries")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "Your reflection journal isn't in the shape Peer Study keeps it in"
        );
        assert!(check_record(&keys::draft("essay"), &json!(42)).is_err());
    }

    #[test]
    fn a_summary_counts_what_the_trainee_counts() {
        assert_eq!(things_in(keys::ASSIGNMENTS, &json!([{"id": "essay"}])), 0);
        assert_eq!(things_in(&keys::draft("essay"), &json!({})), 1);
        assert_eq!(things_in(keys::JOURNAL, &json!({"entries": [1, 2, 3]})), 3);
        assert_eq!(summary_line(RecordKind::Journal, 3), "Reflections: 3");
        assert_eq!(summary_line(RecordKind::Course, 3), "Course and checklists");
    }

    #[test]
    fn what_the_app_itself_stores_fits() {
        let journal = serde_json::to_value(Journal::default()).unwrap();
        assert_eq!(check_record(keys::JOURNAL, &journal), Ok(()));
        assert_eq!(check_record(keys::SCHEDULE, &Value::Null), Ok(()));
        // The careers checklist is judged like every other record the app reads.
        assert!(check_record(keys::CAREERS, &json!("ticked")).is_err());
        // A newer build's record is kept, not judged.
        assert_eq!(check_record("peer-study/something-new", &json!(42)), Ok(()));
    }
}
