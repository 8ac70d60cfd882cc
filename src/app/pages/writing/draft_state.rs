//! The open draft as reactive state: the stored record, its word counts, and the two ways it
//! changes (typing, and everything else).
//!
//! Typing is the hot path, run on every keystroke of what may be a 20,000-word draft, so it does
//! the least it can: it replaces one section's text. Nothing that shows the text listens to it;
//! textareas own what is on screen while the trainee types. Every other change (outline edits,
//! restoring a version, merging sections) goes through [`DraftState::change`], which bumps a
//! counter the textareas watch, so only then do they reload their text from the draft. Changes
//! from outside this tab (another tab's save, a conflict choice, a restore, a merge) come from
//! the records layer's own counter for the draft record ([`Records::outside_changes`]), which
//! [`DraftState::reloads`] adds in: a textarea never keeps stale text to type over newer words.
//!
//! [`Records::outside_changes`]: crate::app::records::Records::outside_changes

use leptos::prelude::*;

use crate::app::clock::now_ms;
use crate::domain::assignment::{Draft, SectionId};
use crate::domain::date::UnixMs;

/// The open draft, shared by the editor's parts. Cheap to copy.
#[derive(Clone, Copy)]
pub struct DraftState {
    /// The stored draft record (saved by the storage layer on every change).
    pub draft: RwSignal<Draft>,
    /// Words in each section, counted once per change for everyone who shows a count.
    pub counts: Memo<Vec<(SectionId, usize)>>,
    /// Bumped by every change in this tab that did not come from typing in a textarea.
    pub outside_changes: RwSignal<u64>,
    /// The records layer's count of changes to the draft from outside this tab.
    pub stored_changes: Signal<u64>,
    /// When the trainee last typed, for the automatic version history.
    pub last_edit_at: StoredValue<UnixMs>,
    /// A section whose textarea should take focus (after adding, removing or merging).
    pub focus_request: RwSignal<Option<SectionId>>,
}

impl DraftState {
    /// State for `draft`; `stored_changes` is the records layer's outside-changes count for it.
    pub fn new(draft: RwSignal<Draft>, stored_changes: Signal<u64>) -> DraftState {
        let counts = Memo::new(move |_| {
            draft.with(|d| d.sections.iter().map(|s| (s.id, s.word_count())).collect())
        });
        DraftState {
            draft,
            counts,
            outside_changes: RwSignal::new(0),
            stored_changes,
            last_edit_at: StoredValue::new(draft.with_untracked(|d| d.updated_at)),
            focus_request: RwSignal::new(None),
        }
    }

    /// Section `id`'s text as it is now (empty if another tab has removed the section), read
    /// without tracking: for an edit about to be made to it.
    pub fn section_text_untracked(&self, id: SectionId) -> String {
        self.draft
            .with_untracked(|d| d.section_text(id).map(str::to_owned))
            .unwrap_or_default()
    }

    /// The keystroke path: the text of one section as the trainee typed it.
    pub fn type_text(&self, id: SectionId, text: String) {
        let now = now_ms();
        self.last_edit_at.set_value(now);
        self.draft.update(|d| {
            // The section can only be missing if another tab removed it; the text then stays
            // in the textarea rather than going anywhere unexpected.
            let _ = d.set_section_text(id, text, now);
        });
    }

    /// Any other change to the draft; the textareas reload their text afterwards.
    pub fn change<R>(&self, edit: impl FnOnce(&mut Draft, UnixMs) -> R) -> R {
        let now = now_ms();
        let mut draft = self.draft.get_untracked();
        let result = edit(&mut draft, now);
        // Only a real change is written back (and so saved).
        if self.draft.with_untracked(|d| *d != draft) {
            self.draft.set(draft);
            self.outside_changes.update(|n| *n += 1);
        }
        result
    }

    /// Tracks every change after which a textarea must reload its text from the draft: made
    /// here by anything but typing, or made outside this tab.
    pub fn reloads(&self) {
        self.outside_changes.track();
        self.stored_changes.track();
    }

    /// Words in one section.
    pub fn section_words(&self, id: SectionId) -> usize {
        self.counts.with(|c| {
            c.iter()
                .find(|(section, _)| *section == id)
                .map_or(0, |(_, n)| *n)
        })
    }

    /// Words in the whole draft.
    pub fn total_words(&self) -> usize {
        self.counts.with(|c| c.iter().map(|(_, n)| n).sum())
    }
}
