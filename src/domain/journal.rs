//! The reflection journal: short dated entries, optionally tied to a module, searchable.
//!
//! The body is kept exactly as typed (spaces and line breaks included): these are the trainee's
//! own words and the raw material for their assignments. Search ignores case, common accents
//! ("café" finds "cafe") and curly versus straight apostrophes, which phone keyboards mix freely.

// Form errors carry one slot per field, so they are larger than clippy's default for an `Err`.
// They are built once per submit, never in a loop, and unboxed they are simpler for the
// interface to match on.
#![allow(clippy::result_large_err)]

use std::fmt;

use serde::{Deserialize, Serialize};

use super::course::{CourseState, ModuleId};
use super::date::{CalendarDate, UnixMs};
use super::field_error::{join_messages, limited_text, required_date, FieldError};

/// The longest entry title we keep, in characters.
pub const MAX_JOURNAL_TITLE_CHARS: usize = 150;
/// The longest entry body we keep, in characters (about 30,000 words).
pub const MAX_JOURNAL_BODY_CHARS: usize = 200_000;

/// One reflection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Stable id, such as `"journal-12"`.
    pub id: String,
    /// The day it is about (chosen by the trainee; today by default).
    pub date: CalendarDate,
    /// The module it belongs to, if any.
    #[serde(default)]
    pub module_id: Option<ModuleId>,
    /// A short title; may be empty.
    #[serde(default)]
    pub title: String,
    /// The reflection, exactly as typed.
    #[serde(default)]
    pub body: String,
    /// When it was first saved.
    #[serde(default)]
    pub created_ms: UnixMs,
    /// When it was last changed.
    #[serde(default)]
    pub updated_ms: UnixMs,
    /// Whether the trainee has put it into an assignment ("Add from my journal" in the editor);
    /// saves from before this field load with `false`.
    #[serde(default)]
    pub used_in_essay: bool,
}

/// Every journal entry.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Journal {
    /// Entries in the order they were written.
    pub entries: Vec<JournalEntry>,
    /// Counter for entry ids, so a removed entry's id is never reused.
    pub next_number: u32,
}

/// What the trainee typed in the journal form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JournalDraft {
    /// The date as typed.
    pub date: String,
    /// The module chosen, or `None`.
    pub module_id: Option<ModuleId>,
    /// The title (optional).
    pub title: String,
    /// The reflection.
    pub body: String,
}

/// Field-level problems with a [`JournalDraft`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JournalErrors {
    /// Beside the date.
    pub date: Option<FieldError>,
    /// Beside the module picker.
    pub module: Option<FieldError>,
    /// Beside the title.
    pub title: Option<FieldError>,
    /// Beside the body (also where "nothing written yet" goes).
    pub body: Option<FieldError>,
}

/// Why a journal entry was not saved. Nothing changes when one of these comes back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalError {
    /// The form has problems; show each beside its field.
    Invalid(JournalErrors),
    /// No entry has this id (it may have been removed in another tab).
    NotFound {
        /// The id asked for.
        id: String,
    },
}

impl JournalErrors {
    /// True when every field is fine.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

impl fmt::Display for JournalErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join_messages(
            f,
            [
                ("Date", &self.date),
                ("Module", &self.module),
                ("Title", &self.title),
                ("Reflection", &self.body),
            ],
        )
    }
}

impl std::error::Error for JournalErrors {}

impl fmt::Display for JournalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JournalError::Invalid(errors) => errors.fmt(f),
            JournalError::NotFound { .. } => f.write_str(
                "We couldn't find that journal entry; it may have been removed in another tab.",
            ),
        }
    }
}

impl std::error::Error for JournalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JournalError::Invalid(errors) => Some(errors),
            JournalError::NotFound { .. } => None,
        }
    }
}

impl JournalDraft {
    /// A blank draft dated `today`, optionally already tied to a module (from a module's page).
    pub fn new(today: CalendarDate, module_id: Option<&str>) -> Self {
        Self {
            date: today.to_string(),
            module_id: module_id.map(str::to_string),
            ..Self::default()
        }
    }

    /// A draft holding an entry's current values, for the edit form.
    pub fn from_entry(entry: &JournalEntry) -> Self {
        Self {
            date: entry.date.to_string(),
            module_id: entry.module_id.clone(),
            title: entry.title.clone(),
            body: entry.body.clone(),
        }
    }
}

impl JournalEntry {
    /// The title, or when there is none the start of the first line of the body.
    pub fn display_title(&self) -> String {
        if !self.title.trim().is_empty() {
            return self.title.clone();
        }
        let first_line = self
            .body
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        shorten(first_line.trim(), 60)
    }

    /// The start of the body on one line, for a list.
    pub fn excerpt(&self, max_chars: usize) -> String {
        let flat = self.body.split_whitespace().collect::<Vec<_>>().join(" ");
        shorten(&flat, max_chars)
    }
}

/// `text` cut to at most `max_chars` characters at a word boundary, with "…" when cut.
fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(max_chars).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > max_chars / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

/// Lower case with common accents and curly quotes taken off, for matching.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'ř' => "r",
            'ś' | 'š' | 'ş' => "s",
            'ť' | 'ţ' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'þ' => "th",
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => "'",
            '\u{201c}' | '\u{201d}' => "\"",
            '\u{2013}' | '\u{2014}' => "-",
            // Combining accents (from decomposed text) are dropped.
            '\u{0300}'..='\u{036f}' => "",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

impl Journal {
    /// Checks a draft. `course` is used to check the chosen module still exists (a module that
    /// was set aside still counts, so older entries stay editable).
    pub fn validate(
        draft: &JournalDraft,
        course: &CourseState,
    ) -> Result<(CalendarDate, Option<ModuleId>, String, String), JournalErrors> {
        let mut errors = JournalErrors::default();
        let date = required_date(&draft.date, "Please choose the date for this reflection.")
            .map_err(|e| errors.date = Some(e))
            .ok();
        let module_id = draft
            .module_id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
            .map(str::to_string);
        if let Some(id) = &module_id {
            if !course.knows_module(id) {
                errors.module = Some(FieldError::UnknownModule { id: id.clone() });
            }
        }
        let title = limited_text(&draft.title, MAX_JOURNAL_TITLE_CHARS)
            .map_err(|e| errors.title = Some(e))
            .ok();
        let body_chars = draft.body.chars().count();
        if body_chars > MAX_JOURNAL_BODY_CHARS {
            errors.body = Some(FieldError::TooLong {
                max_chars: MAX_JOURNAL_BODY_CHARS,
                chars: body_chars,
            });
        } else if draft.body.trim().is_empty() && draft.title.trim().is_empty() {
            errors.body = Some(FieldError::Required {
                ask:
                    "There's nothing to save yet. Write a few words, even a single line is enough.",
            });
        }
        match (date, title) {
            (Some(date), Some(title)) if errors.is_empty() => {
                Ok((date, module_id, title, draft.body.clone()))
            }
            _ => Err(errors),
        }
    }

    /// Adds an entry written at `now_ms`. Returns its id.
    pub fn add(
        &mut self,
        draft: &JournalDraft,
        course: &CourseState,
        now_ms: UnixMs,
    ) -> Result<String, JournalError> {
        let (date, module_id, title, body) =
            Self::validate(draft, course).map_err(JournalError::Invalid)?;
        let mut number = self.next_number.max(1);
        let id = loop {
            let id = format!("journal-{number}");
            number += 1;
            if !self.entries.iter().any(|e| e.id == id) {
                break id;
            }
        };
        self.next_number = number;
        self.entries.push(JournalEntry {
            id: id.clone(),
            date,
            module_id,
            title,
            body,
            created_ms: now_ms,
            updated_ms: now_ms,
            used_in_essay: false,
        });
        Ok(id)
    }

    /// Replaces an entry's contents at `now_ms`, keeping its id and creation time.
    pub fn update(
        &mut self,
        id: &str,
        draft: &JournalDraft,
        course: &CourseState,
        now_ms: UnixMs,
    ) -> Result<(), JournalError> {
        let index = self
            .entries
            .iter()
            .position(|e| e.id == id)
            .ok_or_else(|| JournalError::NotFound { id: id.to_string() })?;
        let (date, module_id, title, body) =
            Self::validate(draft, course).map_err(JournalError::Invalid)?;
        let entry = &mut self.entries[index];
        entry.date = date;
        entry.module_id = module_id;
        entry.title = title;
        entry.body = body;
        entry.updated_ms = now_ms;
        Ok(())
    }

    /// Removes an entry. Returns it, so the interface can offer to undo.
    pub fn remove(&mut self, id: &str) -> Option<JournalEntry> {
        let index = self.entries.iter().position(|e| e.id == id)?;
        Some(self.entries.remove(index))
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&JournalEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// Entries with the latest date first (the most recently written first within a date).
    pub fn newest_first(&self) -> Vec<&JournalEntry> {
        let mut entries: Vec<&JournalEntry> = self.entries.iter().collect();
        entries.sort_by(|a, b| b.date.cmp(&a.date).then(b.created_ms.cmp(&a.created_ms)));
        entries
    }

    /// Entries tied to a module, newest first (for the module's page).
    pub fn for_module(&self, module_id: &str) -> Vec<&JournalEntry> {
        self.newest_first()
            .into_iter()
            .filter(|e| e.module_id.as_deref() == Some(module_id))
            .collect()
    }

    /// Entries whose title or body contains every word of `query`, newest first.
    ///
    /// Case, common accents and curly apostrophes are ignored. A blank query finds everything.
    pub fn search(&self, query: &str) -> Vec<&JournalEntry> {
        let folded = fold_for_search(query);
        let words: Vec<&str> = folded.split_whitespace().collect();
        self.newest_first()
            .into_iter()
            .filter(|e| {
                if words.is_empty() {
                    return true;
                }
                let haystack = fold_for_search(&format!("{}\n{}", e.title, e.body));
                words.iter().all(|w| haystack.contains(w))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        text.parse().unwrap()
    }

    fn draft(day: &str, module: Option<&str>, title: &str, body: &str) -> JournalDraft {
        JournalDraft {
            date: day.into(),
            module_id: module.map(str::to_string),
            title: title.into(),
            body: body.into(),
        }
    }

    fn sample() -> (Journal, CourseState) {
        let course = CourseState::from_builtin();
        let mut journal = Journal::default();
        journal
            .add(
                &draft(
                    "2026-03-03",
                    Some("welcome"),
                    "First day",
                    "Nervous, then glad I came.",
                ),
                &course,
                1,
            )
            .unwrap();
        journal
            .add(
                &draft(
                    "2026-03-10",
                    Some("what-is-recovery"),
                    "",
                    "Hope came first for me.\nThen connection.",
                ),
                &course,
                2,
            )
            .unwrap();
        journal
            .add(
                &draft(
                    "2026-03-12",
                    None,
                    "Café chat",
                    "Talked with a friend about what’s changed.",
                ),
                &course,
                3,
            )
            .unwrap();
        (journal, course)
    }

    #[test]
    fn an_entry_keeps_the_body_exactly_as_typed() {
        let course = CourseState::from_builtin();
        let mut journal = Journal::default();
        let body = "  Line one\n\n  indented line  \n";
        let id = journal
            .add(&draft("2026-03-03", None, "  Title  ", body), &course, 42)
            .unwrap();
        let entry = journal.entry(&id).unwrap();
        assert_eq!(entry.body, body);
        assert_eq!(entry.title, "Title");
        assert_eq!((entry.created_ms, entry.updated_ms), (42, 42));
    }

    #[test]
    fn an_empty_entry_is_refused_and_a_title_alone_or_a_body_alone_is_enough() {
        let course = CourseState::from_builtin();
        let mut journal = Journal::default();
        let err = journal
            .add(&draft("2026-03-03", None, "  ", " \n\t "), &course, 1)
            .unwrap_err();
        let JournalError::Invalid(errors) = err else {
            panic!()
        };
        assert!(errors
            .body
            .as_ref()
            .unwrap()
            .to_string()
            .starts_with("There's nothing to save yet"));
        assert!(errors.title.is_none() && errors.date.is_none());
        assert!(journal.entries.is_empty());
        journal
            .add(&draft("2026-03-03", None, "Just a title", ""), &course, 1)
            .unwrap();
        journal
            .add(&draft("2026-03-03", None, "", "Just a body"), &course, 1)
            .unwrap();
        assert_eq!(journal.entries.len(), 2);
    }

    #[test]
    fn a_bad_date_an_unknown_module_and_a_long_title_are_each_reported_beside_their_field() {
        let course = CourseState::from_builtin();
        let mut journal = Journal::default();
        let err = journal
            .add(
                &draft(
                    "03/03/2026",
                    Some("no-such-module"),
                    &"t".repeat(151),
                    "Words",
                ),
                &course,
                1,
            )
            .unwrap_err();
        let JournalError::Invalid(errors) = err else {
            panic!()
        };
        assert!(matches!(errors.date, Some(FieldError::BadDate(_))));
        assert_eq!(
            errors.module,
            Some(FieldError::UnknownModule {
                id: "no-such-module".into()
            })
        );
        assert!(matches!(
            errors.title,
            Some(FieldError::TooLong {
                max_chars: 150,
                chars: 151
            })
        ));
        assert!(errors.body.is_none());
        assert!(journal.entries.is_empty());
    }

    #[test]
    fn entries_for_a_module_are_found_newest_first_even_after_it_is_set_aside() {
        let (mut journal, mut course) = sample();
        journal
            .add(
                &draft(
                    "2026-03-11",
                    Some("what-is-recovery"),
                    "Later thought",
                    "More.",
                ),
                &course,
                4,
            )
            .unwrap();
        let titles: Vec<String> = journal
            .for_module("what-is-recovery")
            .iter()
            .map(|e| e.display_title())
            .collect();
        assert_eq!(titles, ["Later thought", "Hope came first for me."]);
        course.remove_module("what-is-recovery").unwrap();
        assert_eq!(journal.for_module("what-is-recovery").len(), 2);
        // Editing an entry tied to a set-aside module still works.
        let id = journal.for_module("what-is-recovery")[0].id.clone();
        let mut edit = JournalDraft::from_entry(journal.entry(&id).unwrap());
        edit.body.push_str(" Even more.");
        journal.update(&id, &edit, &course, 9).unwrap();
        assert_eq!(journal.entry(&id).unwrap().updated_ms, 9);
        assert_eq!(journal.entry(&id).unwrap().created_ms, 4);
    }

    #[test]
    fn search_ignores_case_accents_and_curly_apostrophes() {
        let (journal, _) = sample();
        let found = |q: &str| {
            journal
                .search(q)
                .iter()
                .map(|e| e.date.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("cafe"), ["2026-03-12"]);
        assert_eq!(found("CAFÉ"), ["2026-03-12"]);
        assert_eq!(
            found("what's changed"),
            ["2026-03-12"],
            "straight apostrophe finds a curly one"
        );
        assert_eq!(
            found("HOPE connection"),
            ["2026-03-10"],
            "every word must match"
        );
        assert_eq!(found("hope nervous"), Vec::<String>::new());
        assert_eq!(found("  "), ["2026-03-12", "2026-03-10", "2026-03-03"]);
        assert_eq!(
            found("cafe\u{301}"),
            ["2026-03-12"],
            "a decomposed accent is ignored too"
        );
    }

    #[test]
    fn untitled_entries_show_their_first_line_shortened_at_a_word() {
        let (journal, _) = sample();
        let untitled = journal.for_module("what-is-recovery")[0];
        assert_eq!(untitled.display_title(), "Hope came first for me.");
        let long = JournalEntry {
            body: "\n\nThis is a rather long first line that goes on well past the sixty character mark".into(),
            ..untitled.clone()
        };
        let title = long.display_title();
        assert!(title.ends_with('…') && title.chars().count() <= 61);
        assert_eq!(
            title,
            "This is a rather long first line that goes on well past the…"
        );
        assert_eq!(
            untitled.excerpt(100),
            "Hope came first for me. Then connection."
        );
    }

    #[test]
    fn a_removed_entry_comes_back_for_undo_and_its_id_is_not_reused() {
        let (mut journal, course) = sample();
        let removed = journal.remove("journal-3").unwrap();
        assert_eq!(removed.title, "Café chat");
        let id = journal
            .add(&draft("2026-03-13", None, "New", ""), &course, 5)
            .unwrap();
        assert_eq!(id, "journal-4");
        assert!(matches!(
            journal.update("journal-3", &JournalDraft::from_entry(&removed), &course, 6),
            Err(JournalError::NotFound { .. })
        ));
    }

    #[test]
    fn a_new_draft_from_a_module_page_is_dated_today_and_tied_to_it() {
        let d = JournalDraft::new(date("2026-03-17"), Some("peer-relationship"));
        assert_eq!(d.date, "2026-03-17");
        assert_eq!(d.module_id.as_deref(), Some("peer-relationship"));
    }

    #[test]
    fn the_journal_round_trips_and_older_entries_load() {
        let (journal, _) = sample();
        let json = serde_json::to_string(&journal).unwrap();
        assert_eq!(serde_json::from_str::<Journal>(&json).unwrap(), journal);
        let old: Journal = serde_json::from_str(
            r#"{"entries":[{"id":"journal-1","date":"2026-03-03","body":"Hi"}]}"#,
        )
        .unwrap();
        assert_eq!(old.entries[0].module_id, None);
        assert_eq!(old.search("hi").len(), 1);
    }
}
