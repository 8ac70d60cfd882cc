//! Every storage key Peer Study uses, named in one place.
//!
//! Records live under separate keys (each draft, each draft's history, the journal, ...) so that
//! typing in one draft rewrites only that draft. Everything current starts with [`PREFIX`]; the
//! foundation build's two settings keys are kept in [`legacy`], for migrations only.

/// What every current key starts with.
pub const PREFIX: &str = "peer-study/";

/// The meta record: which schema version the stored data follows.
pub const META: &str = "peer-study/meta";
/// Display settings (theme and text size), a [`DisplaySettings`](crate::domain::settings::DisplaySettings).
pub const SETTINGS: &str = "peer-study/settings";
/// The trainee's course: modules, dates, checklists, attendance.
pub const COURSE: &str = "peer-study/course";
/// The cohort's session dates (an optional [`Schedule`](crate::domain::schedule::Schedule)).
pub const SCHEDULE: &str = "peer-study/schedule";
/// Attendance marks and extra days.
pub const ATTENDANCE: &str = "peer-study/attendance";
/// The list of assignments the trainee has started (each one's text is its own draft record).
pub const ASSIGNMENTS: &str = "peer-study/assignments";
/// The trainee's profile: the name and course to put on exported documents.
pub const PROFILE: &str = "peer-study/profile";
/// The reflection journal.
pub const JOURNAL: &str = "peer-study/journal";
/// The placement log.
pub const PLACEMENT: &str = "peer-study/placement";
/// The private self-reflection on the careers page (skills I have, skills I want to grow).
pub const CAREERS: &str = "peer-study/careers";
/// The trainee's own glossary entries and favourites.
pub const GLOSSARY_OWN: &str = "peer-study/glossary-own";
/// Flashcard review state.
pub const FLASHCARDS: &str = "peer-study/flashcards";
/// Text typed into forms and not yet sent (a reflection written half-way), so that leaving a page
/// never drops it. See [`record_types::UnsentText`](super::record_types::UnsentText).
pub const UNSENT: &str = "peer-study/unsent";

/// Each draft is its own record: `peer-study/draft/<id>`.
pub const DRAFT_PREFIX: &str = "peer-study/draft/";
/// Each draft's version history is its own record: `peer-study/history/<id>`.
pub const HISTORY_PREFIX: &str = "peer-study/history/";
/// Copies of data set aside (unreadable, or the losing side of a merge):
/// `peer-study/quarantine/<record name>@<unix ms>`.
pub const QUARANTINE_PREFIX: &str = "peer-study/quarantine/";

/// Keys from earlier schema versions. **For migrations only**: nothing else may read or write them.
pub mod legacy {
    /// Schema version 1 (the foundation build): the theme as a plain string, "system" | "light" |
    /// "dark". For migrations only.
    pub const THEME_V1: &str = "peer-study.theme";
    /// Schema version 1: the text size as a plain string, "standard" | "large" | "larger". For
    /// migrations only.
    pub const TEXT_SIZE_V1: &str = "peer-study.text-size";
    /// Every legacy key. For migrations only.
    pub const ALL: [&str; 2] = [THEME_V1, TEXT_SIZE_V1];
}

/// The key of the draft with this id. See [`valid_id`] for what an id may contain.
pub fn draft(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The key of the version history of the draft with this id.
pub fn history(id: &str) -> String {
    format!("{HISTORY_PREFIX}{id}")
}

/// Whether `id` can name a draft: 1 to 100 ASCII letters, digits, `-`, `_` or `.`.
///
/// Keeping ids this plain means a key can never contain `/` or `@`, which the quarantine keys
/// rely on to be read back unambiguously.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The kinds of record, for summaries ("3 drafts") and the "My data" page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    /// [`SETTINGS`].
    Settings,
    /// [`COURSE`].
    Course,
    /// A key under [`DRAFT_PREFIX`].
    Draft,
    /// A key under [`HISTORY_PREFIX`].
    History,
    /// [`JOURNAL`].
    Journal,
    /// [`PLACEMENT`].
    Placement,
    /// [`GLOSSARY_OWN`].
    GlossaryOwn,
    /// [`FLASHCARDS`].
    Flashcards,
    /// [`UNSENT`].
    Unsent,
    /// A record under [`PREFIX`] this version does not know. Kept as it is, never dropped.
    Other,
}

impl RecordKind {
    /// Every kind, in the order the "My data" page lists them.
    pub const ALL: [RecordKind; 10] = [
        RecordKind::Settings,
        RecordKind::Course,
        RecordKind::Draft,
        RecordKind::History,
        RecordKind::Journal,
        RecordKind::Placement,
        RecordKind::GlossaryOwn,
        RecordKind::Flashcards,
        RecordKind::Unsent,
        RecordKind::Other,
    ];

    /// What the interface calls this kind of record.
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Settings => "Settings and profile",
            RecordKind::Course => "Course and checklists",
            RecordKind::Draft => "Assignment drafts",
            RecordKind::History => "Draft version history",
            RecordKind::Journal => "Reflection journal",
            RecordKind::Placement => "Placement log",
            RecordKind::GlossaryOwn => "Your glossary entries",
            RecordKind::Flashcards => "Flashcards",
            RecordKind::Unsent => "Writing not yet saved from a form",
            RecordKind::Other => "Other saved data",
        }
    }
}

/// What a storage key is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyClass {
    /// [`META`].
    Meta,
    /// A record the store loads and saves.
    Record(RecordKind),
    /// A set-aside copy under [`QUARANTINE_PREFIX`].
    Quarantine,
    /// A key from an earlier schema version ([`legacy`]).
    Legacy,
    /// Not Peer Study's: another app on the same site. Never touched.
    Foreign,
}

/// Says what `key` is.
///
/// ```
/// use peer_study::storage::keys::{self, KeyClass, RecordKind};
/// assert_eq!(keys::classify(&keys::draft("essay")), KeyClass::Record(RecordKind::Draft));
/// assert_eq!(keys::classify("peer-study.theme"), KeyClass::Legacy);
/// assert_eq!(keys::classify("someone-else"), KeyClass::Foreign);
/// ```
pub fn classify(key: &str) -> KeyClass {
    if legacy::ALL.contains(&key) {
        return KeyClass::Legacy;
    }
    let Some(name) = key.strip_prefix(PREFIX) else {
        return KeyClass::Foreign;
    };
    if key == META {
        return KeyClass::Meta;
    }
    if key.starts_with(QUARANTINE_PREFIX) {
        return KeyClass::Quarantine;
    }
    let kind = match key {
        SETTINGS | PROFILE => RecordKind::Settings,
        COURSE | SCHEDULE | ATTENDANCE | CAREERS => RecordKind::Course,
        ASSIGNMENTS => RecordKind::Draft,
        JOURNAL => RecordKind::Journal,
        PLACEMENT => RecordKind::Placement,
        GLOSSARY_OWN => RecordKind::GlossaryOwn,
        FLASHCARDS => RecordKind::Flashcards,
        UNSENT => RecordKind::Unsent,
        _ => match key
            .strip_prefix(DRAFT_PREFIX)
            .map(|id| (RecordKind::Draft, id))
            .or_else(|| {
                key.strip_prefix(HISTORY_PREFIX)
                    .map(|id| (RecordKind::History, id))
            }) {
            Some((kind, id)) if valid_id(id) => kind,
            _ if name.is_empty() => return KeyClass::Foreign,
            _ => RecordKind::Other,
        },
    };
    KeyClass::Record(kind)
}

/// True for keys the store loads and saves as records.
pub fn is_record_key(key: &str) -> bool {
    matches!(classify(key), KeyClass::Record(_))
}

/// The record name without [`PREFIX`] ("draft/essay"), for messages and file names.
pub fn short_name(key: &str) -> &str {
    key.strip_prefix(PREFIX).unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixed_key_is_a_record_of_its_own_kind() {
        let fixed = [
            (SETTINGS, RecordKind::Settings),
            (PROFILE, RecordKind::Settings),
            (COURSE, RecordKind::Course),
            (SCHEDULE, RecordKind::Course),
            (ATTENDANCE, RecordKind::Course),
            (CAREERS, RecordKind::Course),
            (ASSIGNMENTS, RecordKind::Draft),
            (JOURNAL, RecordKind::Journal),
            (PLACEMENT, RecordKind::Placement),
            (GLOSSARY_OWN, RecordKind::GlossaryOwn),
            (FLASHCARDS, RecordKind::Flashcards),
            (UNSENT, RecordKind::Unsent),
        ];
        for (key, kind) in fixed {
            assert_eq!(classify(key), KeyClass::Record(kind), "{key}");
        }
    }

    #[test]
    fn each_draft_and_its_history_have_their_own_keys() {
        assert_eq!(draft("essay-1"), "peer-study/draft/essay-1");
        assert_eq!(history("essay-1"), "peer-study/history/essay-1");
        assert_ne!(draft("a"), draft("b"));
        assert_eq!(
            classify(&history("a")),
            KeyClass::Record(RecordKind::History)
        );
    }

    #[test]
    fn meta_quarantine_legacy_and_other_apps_keys_are_never_records() {
        assert_eq!(classify(META), KeyClass::Meta);
        assert_eq!(
            classify("peer-study/quarantine/draft/a@1"),
            KeyClass::Quarantine
        );
        assert_eq!(classify(legacy::THEME_V1), KeyClass::Legacy);
        assert_eq!(classify(legacy::TEXT_SIZE_V1), KeyClass::Legacy);
        assert_eq!(classify("todos"), KeyClass::Foreign);
        assert_eq!(classify("peer-study/"), KeyClass::Foreign);
        assert!(!is_record_key(META));
    }

    #[test]
    fn a_draft_key_with_an_unsafe_id_is_kept_as_other_data_not_as_a_draft() {
        assert_eq!(
            classify("peer-study/draft/a/b"),
            KeyClass::Record(RecordKind::Other)
        );
        assert_eq!(
            classify("peer-study/draft/"),
            KeyClass::Record(RecordKind::Other)
        );
        assert!(!valid_id("has space"));
        assert!(!valid_id("at@sign"));
        assert!(valid_id("essay_2.v1"));
    }
}
