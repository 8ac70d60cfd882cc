//! The recovery-language checker in the editor, as reactive state: whether it is on, the compiled
//! checker, the draft's dismissals, and each section's findings and highlight pieces.
//!
//! The keystroke path stays cheap: each section keeps a [`ParagraphCache`] (non-reactive, in a
//! `StoredValue`), so a keystroke rechecks only the paragraph it touched, and every derived value
//! is a `Memo`, so a section whose findings did not change tells nobody. With the checker turned
//! off nothing here listens to the draft at all.

use leptos::prelude::*;

use crate::app::language_checker::{use_language_checker, SharedChecker};
use crate::app::writing::draft_state::DraftState;
use crate::domain::assignment::SectionId;
use crate::domain::dismissal::{without_dismissed, Dismissal};
use crate::domain::highlight::{highlight_pieces, Piece};
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

    /// The findings in one section, rechecked as it changes.
    pub fn section_findings(&self, state: DraftState, id: SectionId) -> Memo<Vec<Finding>> {
        let check = *self;
        // Non-reactive: the cache only saves work, it never tells anyone anything.
        let cache = StoredValue::new(ParagraphCache::new());
        Memo::new(move |_| {
            if !check.on.get() {
                return Vec::new();
            }
            check.checker.with(|checker| {
                state.draft.with(|draft| {
                    let text = draft.section_text(id).unwrap_or_default();
                    let found = checker.check_cached(text, &mut cache.write_value());
                    check
                        .dismissed
                        .with(|dismissed| without_dismissed(text, found, dismissed))
                })
            })
        })
    }
}

/// The pieces of one section's text for its highlight backdrop (see [`highlight_pieces`]).
/// Listens to the text only while there is something to mark.
pub fn section_pieces(
    state: DraftState,
    id: SectionId,
    findings: Memo<Vec<Finding>>,
) -> Memo<Vec<Piece>> {
    Memo::new(move |_| {
        findings.with(|found| {
            if found.is_empty() {
                return Vec::new();
            }
            state
                .draft
                .with(|d| highlight_pieces(d.section_text(id).unwrap_or_default(), found))
        })
    })
}
