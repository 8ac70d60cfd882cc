//! The recovery-language checker in the editor, as reactive state: whether it is on, the compiled
//! checker, the draft's dismissals, and each section's findings and highlight pieces.
//!
//! The keystroke path stays cheap: each section keeps a [`ParagraphCache`] (non-reactive, in a
//! `StoredValue`), so a keystroke rechecks only the paragraph it touched, and every derived value
//! is a `Memo`, so a section whose findings did not change tells nobody. With the checker turned
//! off nothing here listens to the draft at all.

use leptos::prelude::*;

use crate::app::language_checker::{use_language_checker, SharedChecker};
use crate::app::pages::writing::draft_state::DraftState;
use crate::domain::assignment::SectionId;
use crate::domain::dismissal::{without_dismissed, Dismissal};
use crate::domain::highlight::{highlight_pieces, pieces_still_fit, Piece};
use crate::domain::language_check::{Finding, ParagraphCache};
use crate::domain::profile::Profile;

/// The checker as the whole draft sees it. Cheap to copy.
#[derive(Clone, Copy)]
pub struct LanguageCheck {
    /// The built-in glossary and the trainee's own entries, compiled.
    pub checker: Memo<SharedChecker>,
    /// "Check my language": on unless the trainee turned it off (kept in the profile).
    pub on: Memo<bool>,
    /// What the trainee chose not to see in this draft.
    pub dismissed: Memo<Vec<Dismissal>>,
}

impl LanguageCheck {
    /// The checker for `state`'s draft, switched by `profile`.
    pub fn new(state: DraftState, profile: RwSignal<Profile>) -> LanguageCheck {
        LanguageCheck {
            checker: use_language_checker(),
            on: Memo::new(move |_| profile.with(|p| !p.language_check_off)),
            dismissed: Memo::new(move |_| state.draft.with(|d| d.dismissed.clone())),
        }
    }

    /// The findings in one section (given its text), rechecked as it changes.
    pub fn section_findings(&self, text: Memo<String>) -> Memo<Vec<Finding>> {
        let check = *self;
        // Non-reactive: the cache only saves work, it never tells anyone anything.
        let cache = StoredValue::new(ParagraphCache::new());
        Memo::new(move |_| {
            if !check.on.get() {
                return Vec::new();
            }
            check.checker.with(|checker| {
                text.with(|text| {
                    let found = checker.check_cached(text, &mut cache.write_value());
                    check
                        .dismissed
                        .with(|dismissed| without_dismissed(text, found, dismissed))
                })
            })
        })
    }
}

/// One section's text, which changes only when that section's words do (a keystroke elsewhere
/// in the draft costs it one comparison, and it reuses its own memory).
pub fn section_text(state: DraftState, id: SectionId) -> Memo<String> {
    Memo::new_owning(move |previous: Option<String>| {
        state.draft.with(|d| {
            let now = d.section_text(id).unwrap_or_default();
            match previous {
                Some(text) if text == now => (text, false),
                Some(mut text) => {
                    text.clear();
                    text.push_str(now);
                    (text, true)
                }
                None => (now.to_string(), true),
            }
        })
    })
}

/// The pieces of one section's text for its highlight backdrop (see [`highlight_pieces`]).
/// Reads the text only while there is something to mark, and keeps the pieces it has while they
/// still fit (typing after the last mark changes nothing on screen).
pub fn section_pieces(text: Memo<String>, findings: Memo<Vec<Finding>>) -> Memo<Vec<Piece>> {
    Memo::new_owning(move |previous: Option<Vec<Piece>>| {
        findings.with(|found| {
            if found.is_empty() {
                let changed = previous.as_ref().is_none_or(|p| !p.is_empty());
                return (Vec::new(), changed);
            }
            text.with(|text| match previous {
                Some(pieces) if pieces_still_fit(&pieces, text, found) => (pieces, false),
                _ => (highlight_pieces(text, found), true),
            })
        })
    })
}
